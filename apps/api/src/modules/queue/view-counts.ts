import { type QUEUE_VIEWS, QueueQuerySchema, type QueueViewCounts, type StaffProfile } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { countQueueByStatus } from "./queue.repository";
import { toQueueFilters } from "./queue.service";
import { countOpenCasesBySlaState } from "./sla-counts";

/*
 * The saved views' counts in one answer, for the row of views above the queue (one request
 * instead of one per view). Each count is taken the way the view itself is filtered: the
 * per-status counts of the view's own SQL filter (toQueueFilters, as a page of the view counts
 * them), and for "Breaching soon", whose state is worked out per case, countOpenCasesBySlaState.
 */

export interface ViewCountOptions {
  now: Date;
  /** A lead's counts cover only their own cases, as their queue does. */
  viewer: StaffProfile;
}

/** How many cases each saved view holds for `viewer`, counted by the same rules as the view's pages. */
export async function countQueueViews(prisma: PrismaClient, options: ViewCountOptions): Promise<QueueViewCounts> {
  const [unassigned, myCases, all, breachingSoon] = await Promise.all([
    countView(prisma, "unassigned", options),
    countView(prisma, "my_cases", options),
    countView(prisma, "all", options),
    countOpenCasesBySlaState(prisma, options),
  ]);
  const { triage, first_contact: firstContact } = breachingSoon;
  return {
    unassigned,
    breaching_soon: triage.breached + triage.due_soon + firstContact.breached + firstContact.due_soon,
    my_cases: myCases,
    all,
  };
}

async function countView(
  prisma: PrismaClient,
  view: (typeof QUEUE_VIEWS)[number],
  options: ViewCountOptions,
): Promise<number> {
  const { counts } = toQueueFilters(QueueQuerySchema.parse({ view }), options.viewer, options.now);
  const byStatus = await countQueueByStatus(prisma, counts);
  return Object.values(byStatus).reduce((sum, count) => sum + count, 0);
}
