import { z } from "zod";
import {
  CASE_STATUS_LABELS,
  type CaseActor,
  CaseActorSchema,
  type CaseOutcome,
  CaseOutcomeSchema,
  type CaseStatus,
  CaseStatusSchema,
  OPEN_CASE_STATUSES,
  TERMINAL_CASE_STATUSES,
} from "./case-status";

/**
 * One allowed move. A (from, to) pair may have several rows when actors differ in what they
 * must give (a trainee withdraws without saying why; a coordinator recording a withdrawal must).
 * No (from, to, actor) triple appears twice.
 */
export interface CaseTransitionRule {
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  /** Who may make the move. `lead` means the lead the case is allocated to, never another lead. */
  readonly actors: readonly CaseActor[];
  readonly needsReason: boolean;
  readonly needsOutcome: boolean;
  /** Leaving `information_requested`: `to` must be the status the case was paused from. */
  readonly resumesFromPause: boolean;
}

function rule(
  from: CaseStatus,
  to: CaseStatus,
  actors: readonly CaseActor[],
  needs: { reason?: boolean; outcome?: boolean; resumesFromPause?: boolean } = {},
): CaseTransitionRule {
  return {
    from,
    to,
    actors,
    needsReason: needs.reason ?? false,
    needsOutcome: needs.outcome ?? false,
    resumesFromPause: needs.resumesFromPause ?? false,
  };
}

/**
 * The case state machine as data: every move not listed here is forbidden.
 *
 * Decisions worth knowing:
 * - A lead acts only on their own case and only from allocation onwards; they may hand a case
 *   back to triage with a reason (leave, conflict found late), and close it only from in support.
 * - A coordinator may close from any open status, always with an outcome.
 * - `information_requested` pauses the SLA clock and returns only to where it came from;
 *   `system` may resume it (the trainee's reply arrived). It can also be closed or withdrawn.
 * - A coordinator may reopen a closed case to triage with a reason (closed by mistake, trainee
 *   back within days); it then goes through triage and allocation again. (Admins once did this;
 *   they no longer read case content: decision record 017.) Withdrawn is final for
 *   everyone: the trainee decided, and coming back is a new referral with fresh consent.
 */
export const CASE_TRANSITIONS: readonly CaseTransitionRule[] = [
  // The main flow.
  rule("new", "triage", ["coordinator"]),
  rule("triage", "allocated", ["coordinator"]),
  rule("allocated", "first_contact", ["coordinator", "lead"]),
  rule("first_contact", "in_support", ["coordinator", "lead"]),
  rule("in_support", "closed", ["coordinator", "lead"], { outcome: true }),
  // Handing a case back to the queue for another lead.
  rule("allocated", "triage", ["coordinator", "lead"], { reason: true }),
  // Asking for information pauses the clock; resuming returns to where the case was.
  rule("triage", "information_requested", ["coordinator"], { reason: true }),
  rule("allocated", "information_requested", ["coordinator", "lead"], { reason: true }),
  rule("first_contact", "information_requested", ["coordinator", "lead"], { reason: true }),
  rule("information_requested", "triage", ["coordinator", "system"], { resumesFromPause: true }),
  rule("information_requested", "allocated", ["coordinator", "lead", "system"], { resumesFromPause: true }),
  rule("information_requested", "first_contact", ["coordinator", "lead", "system"], { resumesFromPause: true }),
  // A coordinator may close early from any other open status.
  ...OPEN_CASE_STATUSES.filter((from) => from !== "in_support").map((from) =>
    rule(from, "closed", ["coordinator"], { outcome: true }),
  ),
  // Withdrawal: by the trainee from the status page, or recorded by a coordinator.
  ...OPEN_CASE_STATUSES.flatMap((from) => [
    rule(from, "withdrawn", ["trainee"]),
    rule(from, "withdrawn", ["coordinator"], { reason: true }),
  ]),
  // Reopening a closed case.
  rule("closed", "triage", ["coordinator"], { reason: true }),
];

export const CASE_TRANSITION_REJECTION_CODES = [
  "ALREADY_IN_STATUS",
  "TRANSITION_NOT_ALLOWED",
  "ACTOR_NOT_PERMITTED",
  "NOT_OWN_CASE",
  "RESUME_STATUS_REQUIRED",
  "RESUME_STATUS_MISMATCH",
  "REASON_REQUIRED",
  "OUTCOME_REQUIRED",
] as const;
export const CaseTransitionRejectionCodeSchema = z.enum(CASE_TRANSITION_REJECTION_CODES);
export type CaseTransitionRejectionCode = z.infer<typeof CaseTransitionRejectionCodeSchema>;

/** Longest reason kept; long explanations belong in an internal note. */
export const TRANSITION_REASON_MAX_LENGTH = 2000;

/** A request to move a case, as the API receives it (after it has loaded `from` and `resumeTo`). */
export const CaseTransitionAttemptSchema = z.object({
  from: CaseStatusSchema,
  to: CaseStatusSchema,
  actor: CaseActorSchema,
  /** For a lead: is the case allocated to them? Ignored for other actors. */
  isOwnCase: z.boolean().optional(),
  reason: z.string().max(TRANSITION_REASON_MAX_LENGTH).nullish(),
  outcome: CaseOutcomeSchema.nullish(),
  /** While `information_requested`: the status the case was paused from (kept by the caller). */
  resumeTo: CaseStatusSchema.nullish(),
});
export type CaseTransitionAttempt = z.infer<typeof CaseTransitionAttemptSchema>;

export type CaseTransitionDecision =
  | {
      ok: true;
      from: CaseStatus;
      status: CaseStatus;
      /** Trimmed reason, or null when none was given. */
      reason: string | null;
      /** Set only when the case is being closed. */
      outcome: CaseOutcome | null;
      /**
       * Set when entering `information_requested`: the status to return to later. The caller
       * stores it and passes it back as `resumeTo`. Null otherwise.
       */
      resumeTo: CaseStatus | null;
    }
  | { ok: false; code: CaseTransitionRejectionCode; message: string };

function reject(code: CaseTransitionRejectionCode, message: string): CaseTransitionDecision {
  return { ok: false, code, message };
}

function label(status: CaseStatus): string {
  return CASE_STATUS_LABELS[status].toLowerCase();
}

function listInWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

const ACTOR_NAMES: Readonly<Record<CaseActor, string>> = {
  coordinator: "a coordinator",
  lead: "the case's lead",
  admin: "an admin",
  trainee: "the trainee",
  system: "the system",
};

/**
 * Decides whether `actor` may move a case from `from` to `to`, checking in this order: same
 * status, table row, actor, own case, resume status, reason, outcome.
 */
export function decideTransition(attempt: CaseTransitionAttempt): CaseTransitionDecision {
  const { from, to, actor } = attempt;
  if (from === to) {
    return reject("ALREADY_IN_STATUS", `This case is already in ${label(from)}.`);
  }

  const rows = CASE_TRANSITIONS.filter((row) => row.from === from && row.to === to);
  if (rows.length === 0) {
    const message = TERMINAL_CASE_STATUSES.includes(from)
      ? `This case is ${label(from)} and cannot move to ${label(to)}.`
      : `A case cannot move from ${label(from)} to ${label(to)}.`;
    return reject("TRANSITION_NOT_ALLOWED", message);
  }

  const row = rows.find((candidate) => candidate.actors.includes(actor));
  if (!row) {
    const allowed = [...new Set(rows.flatMap((candidate) => candidate.actors))].map((name) => ACTOR_NAMES[name]);
    return reject(
      "ACTOR_NOT_PERMITTED",
      `Only ${listInWords(allowed)} can move a case from ${label(from)} to ${label(to)}.`,
    );
  }

  if (actor === "lead" && attempt.isOwnCase !== true) {
    return reject("NOT_OWN_CASE", "Leads can only change cases allocated to them.");
  }

  if (row.resumesFromPause) {
    const resumeTo = attempt.resumeTo ?? null;
    if (resumeTo === null) {
      return reject("RESUME_STATUS_REQUIRED", "Say which status the case was in before information was requested.");
    }
    if (resumeTo !== to) {
      return reject(
        "RESUME_STATUS_MISMATCH",
        `This case was paused from ${label(resumeTo)}, so it can only go back to ${label(resumeTo)}.`,
      );
    }
  }

  const reason = attempt.reason?.trim() || null;
  if (row.needsReason && reason === null) {
    return reject("REASON_REQUIRED", `Give a reason for moving this case to ${label(to)}.`);
  }

  const outcome = row.needsOutcome ? (attempt.outcome ?? null) : null;
  if (row.needsOutcome && outcome === null) {
    return reject("OUTCOME_REQUIRED", "Choose an outcome to close this case.");
  }
  // "Other" says nothing on its own, so it needs words.
  if (outcome === "other" && reason === null) {
    return reject("REASON_REQUIRED", "Give a reason when the outcome is other.");
  }

  return {
    ok: true,
    from,
    status: to,
    reason,
    outcome,
    resumeTo: to === "information_requested" ? from : null,
  };
}

/**
 * Lists the moves `actor` may make from `from`, for the case page's buttons. While a case is
 * paused, pass `resumeTo` so only the way back to where it was is offered; without it no
 * resume move is listed.
 */
export function listAllowedTransitions(
  from: CaseStatus,
  actor: CaseActor,
  isOwnCase: boolean,
  resumeTo?: CaseStatus | null,
): CaseTransitionRule[] {
  if (actor === "lead" && !isOwnCase) return [];
  return CASE_TRANSITIONS.filter(
    (row) =>
      row.from === from &&
      row.actors.includes(actor) &&
      (!row.resumesFromPause || (resumeTo != null && row.to === resumeTo)),
  );
}
