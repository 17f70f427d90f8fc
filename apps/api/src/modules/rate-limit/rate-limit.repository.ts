import type { Prisma, PrismaClient } from "@psu/prisma";

/** A Prisma client or an open transaction: a hit counted in a transaction is undone with it. */
export type Database = PrismaClient | Prisma.TransactionClient;

export interface RateLimitCount {
  count: number;
  windowStart: Date;
}

/**
 * Counts one more hit against `key` in a fixed window, in one atomic statement, so parallel
 * requests on any number of API instances never both read the same count. A window that
 * started at or before `expiredBefore` is over: the count starts again at 1 from `now`.
 */
export async function incrementRateLimitCounter(
  prisma: Database,
  input: { key: string; now: Date; expiredBefore: Date },
): Promise<RateLimitCount> {
  const { key, now, expiredBefore } = input;
  // In an UPDATE every expression sees the old row, so both CASEs test the same window.
  const rows = await prisma.$queryRaw<{ count: number; window_start: Date }[]>`
    insert into rate_limit_counters as counter (key, window_start, count)
    values (${key}, ${now}::timestamptz, 1)
    on conflict (key) do update set
      count = case when counter.window_start <= ${expiredBefore}::timestamptz then 1 else counter.count + 1 end,
      window_start = case when counter.window_start <= ${expiredBefore}::timestamptz
        then ${now}::timestamptz else counter.window_start end
    returning count, window_start`;
  const row = rows[0];
  if (!row) throw new Error("rate limit upsert returned no row");
  return { count: Number(row.count), windowStart: new Date(row.window_start) };
}

/** Deletes counters whose window started before `startedBefore`; returns how many went. */
export async function deleteRateLimitCountersStartedBefore(prisma: PrismaClient, startedBefore: Date): Promise<number> {
  const result = await prisma.rateLimitCounter.deleteMany({ where: { windowStart: { lt: startedBefore } } });
  return result.count;
}

/** The current count for a key without counting a hit (null when none or its window is over). */
export async function findRateLimitCount(
  prisma: PrismaClient,
  input: { key: string; expiredBefore: Date },
): Promise<number | null> {
  const counter = await prisma.rateLimitCounter.findUnique({
    where: { key: input.key },
    select: { count: true, windowStart: true },
  });
  return counter && counter.windowStart > input.expiredBefore ? counter.count : null;
}
