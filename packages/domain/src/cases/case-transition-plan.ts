import { z } from "zod";
import { formatCalendarDateLong } from "../calendar/calendar-date";
import { toLondonDate } from "../calendar/london-time";
import { findTraineeEmailForStatusChange, type TraineeEmailKind } from "../referrals/trainee-messages";
import type { CaseOutcome, CaseStatus } from "./case-status";
import type { CaseTransitionDecision } from "./case-transitions";

// One planner for every change of a case's status, whoever makes it (a coordinator or lead, the
// trainee withdrawing, an admin erasing, an allocation, a recorded first contact): what columns
// it writes, the timeline event, and the email the trainee gets. The API only carries the plan
// out, so a rule such as "leaving a pause ends it" cannot be forgotten by one caller.

/** Why no change at all may be made to a case. */
export interface CaseWriteRefusal {
  code: "PERSONAL_DATA_REMOVED";
  message: string;
}

/**
 * Every change to a case (status, reopening, allocation, first contact, a note, the safety flag)
 * is refused once its personal data was removed, by retention or on request: whatever it wrote
 * would be new personal data kept forever, after the promise to remove it (decision record 016).
 * Null when the case may be changed.
 */
export function findCaseWriteRefusal(facts: { anonymisedAt: Date }): CaseWriteRefusal;
export function findCaseWriteRefusal(facts: { anonymisedAt: Date | null }): CaseWriteRefusal | null;
export function findCaseWriteRefusal(facts: { anonymisedAt: Date | null }): CaseWriteRefusal | null {
  if (facts.anonymisedAt === null) return null;
  const on = formatCalendarDateLong(toLondonDate(facts.anonymisedAt));
  return {
    code: "PERSONAL_DATA_REMOVED",
    message: `This case's personal data was removed on ${on}, so it cannot be changed.`,
  };
}

/** The case's closed pauses of the SLA clocks, as stored (JSON), read back. */
export const ClosedPausesSchema = z.array(z.object({ from: z.string(), to: z.string() }));
/** A closed pause (a type, not an interface, so it is assignable to JSON). */
export type ClosedPause = { from: string; to: string };

/** What the planner needs to know about the case as it is. */
export interface CaseFacts {
  status: CaseStatus;
  leadId: string | null;
  triagedAt: Date | null;
  firstContactAt: Date | null;
  pausedSince: Date | null;
  pauses: readonly ClosedPause[];
}

/** The case columns a change writes (besides version and updatedAt, which every change sets). */
export interface CaseColumns {
  status?: CaseStatus;
  leadId?: string | null;
  allocatedAt?: Date | null;
  firstContactAt?: Date | null;
  triagedAt?: Date | null;
  resumeTo?: CaseStatus | null;
  pausedSince?: Date | null;
  pauses?: ClosedPause[];
  outcome?: CaseOutcome | null;
  closedAt?: Date | null;
}

export type ApprovedTransition = Extract<CaseTransitionDecision, { ok: true }>;

/** Why the status moves: a plain status change, an allocation to a lead, or a first contact. */
export type TransitionCause =
  | { kind: "status_change" }
  | { kind: "assignment"; leadId: string; previousLeadId: string | null; overrides: readonly string[] }
  | { kind: "first_contact"; contactedAt: Date };

/** A timeline event's data: plain JSON, stored as it is. */
export type EventJson = string | number | boolean | null | readonly EventJson[] | { readonly [key: string]: EventJson };

export interface CaseTransitionPlan {
  set: CaseColumns;
  event: { kind: "status_changed" | "assigned" | "first_contact_recorded"; data: { [key: string]: EventJson } };
  /** The email this change sends the trainee, or null. */
  traineeEmail: TraineeEmailKind | null;
}

function endPause(facts: CaseFacts, now: Date): CaseColumns {
  const from = (facts.pausedSince ?? now).toISOString();
  return { pauses: [...facts.pauses, { from, to: now.toISOString() }], resumeTo: null, pausedSince: null };
}

/**
 * Plans a move the state machine approved. Rules: leaving `information_requested` (by resuming,
 * closing or withdrawing) ends the pause; entering it starts one; triage is stamped the first
 * time; handing a case back to triage frees it from its lead, and reopening a closed case also
 * clears its closing; closing and withdrawing stamp the close; an allocation sets the lead and
 * starts the first-contact clock afresh; first contact is stamped once.
 */
export function planCaseTransition(
  facts: CaseFacts,
  decision: ApprovedTransition,
  now: Date,
  cause: TransitionCause = { kind: "status_change" },
): CaseTransitionPlan {
  const { from, status: to } = decision;
  let set: CaseColumns = { status: to };
  if (from === "information_requested") set = { ...set, ...endPause(facts, now) };
  if (to === "information_requested") set = { ...set, resumeTo: decision.resumeTo, pausedSince: now };
  if ((to === "triage" || to === "allocated") && facts.triagedAt === null) set.triagedAt = now;
  if (to === "triage" && (from === "allocated" || from === "closed")) {
    set = { ...set, leadId: null, allocatedAt: null, firstContactAt: null };
  }
  if (to === "triage" && from === "closed") set = { ...set, closedAt: null, outcome: null };
  if (to === "closed" || to === "withdrawn") set = { ...set, closedAt: now, outcome: decision.outcome };
  if (to === "first_contact" && facts.firstContactAt === null) {
    set.firstContactAt = cause.kind === "first_contact" ? cause.contactedAt : now;
  }

  const traineeEmail = findTraineeEmailForStatusChange(from, to);
  switch (cause.kind) {
    case "assignment": {
      const data = { leadId: cause.leadId, previousLeadId: cause.previousLeadId, from, to, overrides: cause.overrides };
      return {
        set: { ...set, leadId: cause.leadId, allocatedAt: now },
        event: { kind: "assigned", data },
        traineeEmail,
      };
    }
    case "first_contact":
      return {
        set,
        event: { kind: "first_contact_recorded", data: { contactedAt: cause.contactedAt.toISOString(), from, to } },
        traineeEmail,
      };
    case "status_change":
      return {
        set,
        event: { kind: "status_changed", data: { from, to, reason: decision.reason, outcome: decision.outcome } },
        traineeEmail,
      };
  }
}

/**
 * Plans a re-allocation: an allocated case moves to another lead and keeps its status, with the
 * first-contact clock starting again. Not a status change, so the trainee hears nothing.
 */
export function planReallocation(
  facts: CaseFacts,
  cause: Extract<TransitionCause, { kind: "assignment" }>,
  now: Date,
): CaseTransitionPlan {
  return {
    set: { status: "allocated", leadId: cause.leadId, allocatedAt: now, triagedAt: facts.triagedAt ?? now },
    event: {
      kind: "assigned",
      data: {
        leadId: cause.leadId,
        previousLeadId: cause.previousLeadId,
        from: facts.status,
        to: "allocated",
        overrides: cause.overrides,
      },
    },
    traineeEmail: null,
  };
}
