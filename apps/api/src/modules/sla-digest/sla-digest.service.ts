import { type BreachingSoonCounts, type CalendarDate, findDueSlaDigestDate, type StaffRole } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { listOpenCasesBySlaState, type PerSlaClock } from "../queue/sla-counts";
import { REFERENCES_LISTED, SLA_DIGEST_EMAIL_KIND, type SlaDigestPayload } from "./digest-email";
import { hasDigestBeenQueued, queueDigestOnce, recordDigestFailure } from "./sla-digest.repository";

/**
 * Coordinators: they triage and allocate, and the "Breaching soon" view is theirs. Not admins,
 * who do not see case content (decision 017); not leads, whose queue holds their own cases only.
 */
const RECIPIENT_ROLES: readonly StaffRole[] = ["coordinator"];

export type SlaDigestRun =
  /** Not a working day, or before 08:00 London time. */
  | { outcome: "not_due" }
  /** Queued already today, by this instance or another. */
  | { outcome: "already_queued"; date: CalendarDate }
  | { outcome: "queued"; date: CalendarDate; recipients: number; counts: BreachingSoonCounts };

function countCases(references: PerSlaClock<string[]>): BreachingSoonCounts {
  return {
    triage: { breached: references.triage.breached.length, due_soon: references.triage.due_soon.length },
    first_contact: {
      breached: references.first_contact.breached.length,
      due_soon: references.first_contact.due_soon.length,
    },
  };
}

function toPayload(date: CalendarDate, references: PerSlaClock<string[]>, publicUrl: string): SlaDigestPayload {
  const cases = (listed: string[]) => ({ count: listed.length, references: listed.slice(0, REFERENCES_LISTED) });
  return {
    date,
    viewUrl: `${publicUrl}/staff?view=breaching_soon`,
    triage: { breached: cases(references.triage.breached), due_soon: cases(references.triage.due_soon) },
    first_contact: {
      breached: cases(references.first_contact.breached),
      due_soon: cases(references.first_contact.due_soon),
    },
  };
}

/**
 * Queues today's SLA digest for every active coordinator if it is due (a working day, from 08:00
 * London time) and no instance has queued it yet: the open cases breached and due soon on each
 * clock, counted as the "Breaching soon" view counts them, with their references. Safe to call
 * from every instance at once and as often as wanted: each London date's digest is queued once.
 */
export async function runSlaDigest(
  prisma: PrismaClient,
  options: { now: Date; publicUrl: string },
): Promise<SlaDigestRun> {
  const date = findDueSlaDigestDate(options.now);
  if (date === null) return { outcome: "not_due" };
  if (await hasDigestBeenQueued(prisma, date)) return { outcome: "already_queued", date };
  try {
    const references = await listOpenCasesBySlaState(prisma, { now: options.now, viewer: null });
    const counts = countCases(references);
    const recipients = await queueDigestOnce(prisma, {
      runKey: date,
      now: options.now,
      kind: SLA_DIGEST_EMAIL_KIND,
      payload: toPayload(date, references, options.publicUrl),
      roles: RECIPIENT_ROLES,
      detail: counts,
    });
    return recipients === null ? { outcome: "already_queued", date } : { outcome: "queued", date, recipients, counts };
  } catch (error) {
    await recordDigestFailure(prisma, date, options.now, error instanceof Error ? error.name : "unknown");
    throw error;
  }
}
