import {
  type BreachingSoonCounts,
  type BreachingSoonState,
  computeRunningClock,
  isBreachingSoon,
  type SlaKind,
  type StaffProfile,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { type ClockRow, findClockRows, type QueuePosition } from "./queue.repository";
import { toBreachingSoonFilter } from "./queue.service";

/*
 * The "Breaching soon" view counted: open cases whose running SLA clock is breached or due soon,
 * per clock. The same rows the view lists, judged by the same rule: the view's SQL filter
 * (toBreachingSoonFilter, with its RunningClockPrefilter) narrows the cases, and the domain's
 * computeRunningClock decides each one, as the view does row by row. Used by the queue's count,
 * the coordinators' daily SLA digest and the metrics.
 */

export interface SlaCountOptions {
  now: Date;
  /** Only the cases this member of staff may see (a lead: their own); null for every case. */
  viewer: Pick<StaffProfile, "id" | "role"> | null;
}

/** Per running clock, per state of the view. */
export type PerSlaClock<T> = Record<SlaKind, Record<BreachingSoonState, T>>;

function createPerSlaClock<T>(create: () => T): PerSlaClock<T> {
  return {
    triage: { breached: create(), due_soon: create() },
    first_contact: { breached: create(), due_soon: create() },
  };
}

/** Cases read per query: the prefilter has already left out clocks that started too recently. */
const BATCH = 2_000;

/** Calls `visit` with each case of the view, oldest first, and its running clock's kind and state. */
async function walkBreachingSoon(
  prisma: PrismaClient,
  options: SlaCountOptions,
  visit: (row: ClockRow, kind: SlaKind, state: BreachingSoonState) => void,
): Promise<void> {
  const filter = toBreachingSoonFilter(options.viewer, options.now);
  let after: QueuePosition | null = null;
  for (;;) {
    const rows = await findClockRows(prisma, filter, { sort: "oldest", after, take: BATCH });
    for (const row of rows) {
      const clock = computeRunningClock(row, options.now);
      if (clock && isBreachingSoon(clock.state)) visit(row, clock.kind, clock.state);
    }
    const last = rows.at(-1);
    if (rows.length < BATCH || !last) return;
    after = last;
  }
}

/** How many open cases are breached and due soon on each SLA clock: the "Breaching soon" view's count, split. */
export async function countOpenCasesBySlaState(
  prisma: PrismaClient,
  options: SlaCountOptions,
): Promise<BreachingSoonCounts> {
  const counts = createPerSlaClock(() => 0);
  await walkBreachingSoon(prisma, options, (_row, kind, state) => {
    counts[kind][state] += 1;
  });
  return counts;
}

/** The references of the open cases breached and due soon on each SLA clock, oldest first. */
export async function listOpenCasesBySlaState(
  prisma: PrismaClient,
  options: SlaCountOptions,
): Promise<PerSlaClock<string[]>> {
  const references = createPerSlaClock((): string[] => []);
  await walkBreachingSoon(prisma, options, (row, kind, state) => {
    references[kind][state].push(row.reference);
  });
  return references;
}
