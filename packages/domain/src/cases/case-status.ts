import { z } from "zod";

/** Every status a case can be in, in the order a case normally moves through them. */
export const CASE_STATUSES = [
  "new",
  "triage",
  "information_requested",
  "allocated",
  "first_contact",
  "in_support",
  "closed",
  "withdrawn",
] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/** Statuses a case never leaves on its own (an admin may still reopen a closed case). */
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

/** Staff-facing names for statuses, for badges, filters and timeline entries. */
export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  new: "New",
  triage: "Triage",
  information_requested: "Information requested",
  allocated: "Allocated",
  first_contact: "First contact",
  in_support: "In support",
  closed: "Closed",
  withdrawn: "Withdrawn",
};

/** How a case ended. Required whenever a case is closed. */
export const CASE_OUTCOMES = [
  "support_completed",
  "referred_elsewhere",
  "no_response",
  "not_eligible",
  "declined",
  "other",
] as const;
export const CaseOutcomeSchema = z.enum(CASE_OUTCOMES);
export type CaseOutcome = z.infer<typeof CaseOutcomeSchema>;

export const CASE_OUTCOME_LABELS: Readonly<Record<CaseOutcome, string>> = {
  support_completed: "Support completed",
  referred_elsewhere: "Referred elsewhere",
  no_response: "No response from the trainee",
  not_eligible: "Not eligible",
  declined: "Trainee declined support",
  other: "Other",
};

/**
 * Who asks for a status change. `lead` may only act on a case allocated to them; the caller
 * says whether that is so (`isOwnCase`), because only the caller knows who is signed in.
 * `system` is the application itself, e.g. resuming a case when the trainee's reply arrives.
 */
export const CASE_ACTORS = ["coordinator", "lead", "admin", "trainee", "system"] as const;
export const CaseActorSchema = z.enum(CASE_ACTORS);
export type CaseActor = z.infer<typeof CaseActorSchema>;
