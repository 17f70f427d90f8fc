import { z } from "zod";
import { keysOf } from "../keys-of";

/**
 * Every status a case can be in, in the order a case normally moves through them, with its
 * staff-facing name (for badges, filters and timeline entries).
 */
export const CASE_STATUS_LABELS = {
  new: "New",
  triage: "Triage",
  information_requested: "Information requested",
  allocated: "Allocated",
  first_contact: "First contact",
  in_support: "In support",
  closed: "Closed",
  withdrawn: "Withdrawn",
} as const satisfies Record<string, string>;
export const CASE_STATUSES = keysOf(CASE_STATUS_LABELS);
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/** Statuses a case never leaves on its own (a coordinator may still reopen a closed case). */
export const TERMINAL_CASE_STATUSES: readonly CaseStatus[] = ["closed", "withdrawn"];

/** Statuses of a case the unit is still working on. */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter(
  (status) => !TERMINAL_CASE_STATUSES.includes(status),
);

/** Statuses a case can be paused from to ask for information, and so may resume to. */
export const PAUSABLE_CASE_STATUSES: readonly CaseStatus[] = ["triage", "allocated", "first_contact"];

/** True while the unit is still working on the case. */
export function isOpenCaseStatus(status: CaseStatus): boolean {
  return OPEN_CASE_STATUSES.includes(status);
}

/** How a case ended. Required whenever a case is closed. */
export const CASE_OUTCOME_LABELS = {
  support_completed: "Support completed",
  referred_elsewhere: "Referred elsewhere",
  no_response: "No response from the trainee",
  not_eligible: "Not eligible",
  declined: "Trainee declined support",
  other: "Other",
} as const satisfies Record<string, string>;
export const CASE_OUTCOMES = keysOf(CASE_OUTCOME_LABELS);
export const CaseOutcomeSchema = z.enum(CASE_OUTCOMES);
export type CaseOutcome = z.infer<typeof CaseOutcomeSchema>;

/**
 * Who asks for a status change. `lead` may only act on a case allocated to them; the caller
 * says whether that is so (`isOwnCase`), because only the caller knows who is signed in.
 * `system` is the application itself, e.g. resuming a case when the trainee's reply arrives.
 */
export const CASE_ACTORS = ["coordinator", "lead", "admin", "trainee", "system"] as const;
export const CaseActorSchema = z.enum(CASE_ACTORS);
export type CaseActor = z.infer<typeof CaseActorSchema>;
