import { z } from "zod";
import type { CaseStatus } from "../cases/case-status";
import { computeSlaClock, type SlaClock, type SlaPause, SlaPauseSchema } from "./sla";

// A case's SLA clocks assembled from its stored columns, in one place: the case page, the
// queue, the status page and the reports all read a case's clocks through these.

/** What a case's SLA clocks are computed from: the columns of `cases`, as stored. */
export interface CaseClockFacts {
  status: CaseStatus;
  openedAt: Date;
  allocatedAt: Date | null;
  triagedAt: Date | null;
  firstContactAt: Date | null;
  closedAt: Date | null;
  resumeTo: string | null;
  pausedSince: Date | null;
  /** Closed pauses as stored: [{ from, to }]. */
  pauses: unknown;
}

const StoredPausesSchema = z.array(SlaPauseSchema);

/** The case's pauses for the SLA clocks: the closed ones, plus the open one while information is requested. */
export function collectPauses(facts: Pick<CaseClockFacts, "pauses" | "pausedSince">): SlaPause[] {
  const closed = StoredPausesSchema.parse(facts.pauses ?? []);
  return facts.pausedSince ? [...closed, { from: facts.pausedSince, to: null }] : closed;
}

// A closed or withdrawn case stops both clocks: nobody is waiting any more.
function stoppedAt(facts: CaseClockFacts, completedAt: Date | null): Date | null {
  return completedAt ?? facts.closedAt;
}

/** The triage clock: from the referral arriving until triage starts (or the case is allocated). */
export function computeTriageClock(facts: CaseClockFacts, now: Date, pauses = collectPauses(facts)): SlaClock {
  return computeSlaClock({
    kind: "triage",
    startedAt: facts.openedAt,
    completedAt: stoppedAt(facts, facts.triagedAt ?? facts.allocatedAt),
    pauses,
    now,
  });
}

/** The first-contact clock, from allocation until the lead's first contact; null before allocation. */
export function computeFirstContactClock(
  facts: CaseClockFacts,
  now: Date,
  pauses = collectPauses(facts),
): SlaClock | null {
  if (!facts.allocatedAt) return null;
  return computeSlaClock({
    kind: "first_contact",
    startedAt: facts.allocatedAt,
    completedAt: stoppedAt(facts, facts.firstContactAt),
    pauses,
    now,
  });
}

/** Statuses on the triage clock (and, while information is requested, the statuses paused from). */
export const TRIAGE_CLOCK_STATUSES: readonly CaseStatus[] = ["new", "triage"];
/** Statuses on the first-contact clock. */
export const FIRST_CONTACT_CLOCK_STATUSES: readonly CaseStatus[] = ["allocated", "first_contact"];

/**
 * Which clock a case in this status is on: triage while new or in triage, first contact once
 * allocated; while information is requested, the clock of the status it will go back to.
 * Null for cases past first contact (in support, closed, withdrawn).
 */
export function findRunningClockKind(
  facts: Pick<CaseClockFacts, "status" | "resumeTo">,
): "triage" | "first_contact" | null {
  if (TRIAGE_CLOCK_STATUSES.includes(facts.status)) return "triage";
  if (FIRST_CONTACT_CLOCK_STATUSES.includes(facts.status)) return "first_contact";
  if (facts.status === "information_requested") {
    const resumesToFirstContact = FIRST_CONTACT_CLOCK_STATUSES.some((status) => status === facts.resumeTo);
    return resumesToFirstContact ? "first_contact" : "triage";
  }
  return null;
}

/** The clock the queue shows for a case (see findRunningClockKind), or null when none applies. */
export function computeRunningClock(facts: CaseClockFacts, now: Date): SlaClock | null {
  const kind = findRunningClockKind(facts);
  if (kind === "triage") return computeTriageClock(facts, now);
  if (kind === "first_contact") return computeFirstContactClock(facts, now);
  return null;
}
