import type { PrismaClient } from "@psu/prisma";
import { z } from "zod";

/** The outbox's unsent messages: what a stuck sender leaves behind. */
export interface OutboxBacklog {
  /** Waiting to be sent now (their time has come). */
  due: number;
  /** Waiting for a later try (backing off after a failure, or claimed by a sender now). */
  scheduled: number;
  /** Given up on: never tried again unless an operator requeues them. */
  givenUp: number;
  /** When the oldest message still waiting (due or scheduled) was queued; null when none is. */
  oldestWaitingSince: Date | null;
}

const BacklogRowSchema = z.object({
  due: z.number(),
  scheduled: z.number(),
  given_up: z.number(),
  oldest_waiting_since: z.date().nullable(),
});

/** One pass over the unsent messages (the index on sent_at, available_at keeps it to them). */
export async function readOutboxBacklog(prisma: PrismaClient, now: Date): Promise<OutboxBacklog> {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT count(*) FILTER (WHERE failed_at IS NULL AND available_at <= ${now})::int AS due,
           count(*) FILTER (WHERE failed_at IS NULL AND available_at > ${now})::int AS scheduled,
           count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS given_up,
           min(created_at) FILTER (WHERE failed_at IS NULL) AS oldest_waiting_since
      FROM outbox_messages
     WHERE sent_at IS NULL`;
  const row = BacklogRowSchema.parse(rows[0]);
  return {
    due: row.due,
    scheduled: row.scheduled,
    givenUp: row.given_up,
    oldestWaitingSince: row.oldest_waiting_since,
  };
}

const StatusCountSchema = z.object({ status: z.string(), count: z.number() });

/** Cases per status, from the counts a trigger keeps (decision 023): one small read at any size. */
export async function countCasesByStatus(prisma: PrismaClient): Promise<Map<string, number>> {
  // A status's count is the sum of its slots, one per database connection.
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT status, sum(count)::int AS count FROM case_status_counts GROUP BY status`;
  return new Map(
    z
      .array(StatusCountSchema)
      .parse(rows)
      .map((row) => [row.status, row.count]),
  );
}
