import { timingSafeEqual } from "node:crypto";
import {
  type CaseFacts,
  type CaseStatus,
  CaseStatusSchema,
  ClosedPausesSchema,
  computeTriageClock,
  decideTransition,
  planCaseTransition,
  type ReferralStatus,
  type StatusLookupRequest,
  toLondonDate,
  toTraineeStatus,
  type WithdrawRequest,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { AppError } from "../../errors/app-error";
import type { KeyedHash } from "../../security/server-secret";
import { ANONYMOUS_LIMITS } from "../rate-limit/anonymous-limits";
import { enforceRateLimits, toRateLimit } from "../rate-limit/rate-limit.service";
import { findReferralForStatus, withdrawCaseIfUnchanged } from "./referral-status.repository";

/** The one answer for every pair that does not match: it must not say which part was wrong. */
export const REFERRAL_NOT_FOUND_MESSAGE =
  "We could not find a referral with that reference and email address. Check both and try again.";
const TOO_MANY_MESSAGE = "Too many attempts to find a referral. Wait 15 minutes, then try again.";
const CHANGED_MESSAGE = "Your referral changed while you were withdrawing it. Check its status and try again.";

export interface LookupInput {
  ip: string;
  now: Date;
  keyedHash: KeyedHash;
}

interface MatchedReferral {
  reference: string;
  submittedAt: Date;
  caseId: string;
  status: CaseStatus;
  version: number;
  /** The triage clock's due date, the same one staff are measured by. */
  triageDueOn: string;
  /** What the transition planner needs to know about the case. */
  facts: CaseFacts;
}

// Keyed like every hash of something guessable, although this one is only compared, never stored.
function hashEmail(keyedHash: KeyedHash, email: string): Buffer {
  return Buffer.from(keyedHash("referral-status:email", email.trim().toLowerCase()), "hex");
}

// Compared against when no referral has the reference, so both branches do the same work.
const NO_REFERRAL_EMAIL = "\u0000no referral has this reference";

/**
 * Finds the referral only if both reference and email match, after counting the attempt.
 * Unknown reference and wrong email take the same path (one query by reference, one
 * constant-time comparison of equal-length hashes) and end in the same NOT_FOUND.
 */
async function findMatchingReferral(
  prisma: PrismaClient,
  request: StatusLookupRequest,
  input: LookupInput,
): Promise<MatchedReferral> {
  // Per client, and per reference so spreading guesses at one reference's email over many
  // addresses does not help. Looking up and withdrawing share both counters.
  await enforceRateLimits(
    prisma,
    [
      toRateLimit(input.keyedHash, ANONYMOUS_LIMITS.statusLookupPerIp, input.ip),
      toRateLimit(input.keyedHash, ANONYMOUS_LIMITS.statusLookupPerReference, request.reference),
    ],
    input.now,
    TOO_MANY_MESSAGE,
  );
  const referral = await findReferralForStatus(prisma, request.reference);
  const emailMatches = timingSafeEqual(
    hashEmail(input.keyedHash, referral?.email ?? NO_REFERRAL_EMAIL),
    hashEmail(input.keyedHash, request.email),
  );
  // A referral always has its case (both are written in one transaction); without one there
  // is nothing to show, and saying so would reveal that the reference exists.
  if (!referral?.case || !referral.email || !emailMatches) throw new AppError("NOT_FOUND", REFERRAL_NOT_FOUND_MESSAGE);
  const status = CaseStatusSchema.parse(referral.case.status);
  return {
    reference: referral.reference,
    submittedAt: referral.submittedAt,
    caseId: referral.case.id,
    status,
    version: referral.case.version,
    triageDueOn: computeTriageClock({ ...referral.case, status }, input.now).dueOn,
    facts: { ...referral.case, status, pauses: ClosedPausesSchema.parse(referral.case.pauses) },
  };
}

function toReferralStatus(
  referral: Pick<MatchedReferral, "reference" | "submittedAt" | "triageDueOn">,
  status: CaseStatus,
): ReferralStatus {
  return {
    reference: referral.reference,
    status: toTraineeStatus(status),
    submittedOn: toLondonDate(referral.submittedAt),
    triageDueOn: referral.triageDueOn,
    // The state machine decides, so the button shows exactly when withdrawing would work.
    canWithdraw: decideTransition({ from: status, to: "withdrawn", actor: "trainee" }).ok,
  };
}

/** What the status page shows for a reference and email address that belong together. */
export async function getReferralStatus(
  prisma: PrismaClient,
  request: StatusLookupRequest,
  input: LookupInput,
): Promise<ReferralStatus> {
  const referral = await findMatchingReferral(prisma, request, input);
  return toReferralStatus(referral, referral.status);
}

/**
 * The trainee withdraws their referral. The state machine says whether they may; the write
 * happens only if nobody changed the case since it was read (CONFLICT otherwise).
 */
export async function withdrawReferral(
  prisma: PrismaClient,
  request: WithdrawRequest,
  input: LookupInput,
): Promise<ReferralStatus> {
  const referral = await findMatchingReferral(prisma, request, input);
  const decision = decideTransition({
    from: referral.status,
    to: "withdrawn",
    actor: "trainee",
    reason: request.reason ?? null,
  });
  if (!decision.ok) throw new AppError("CONFLICT", decision.message);
  const plan = planCaseTransition(referral.facts, decision, input.now);
  const withdrawn = await withdrawCaseIfUnchanged(prisma, {
    caseId: referral.caseId,
    expectedVersion: referral.version,
    now: input.now,
    plan,
    // The address they just proved they hold: the confirmation goes there.
    traineeEmail: plan.traineeEmail && {
      kind: plan.traineeEmail,
      recipient: request.email.trim().toLowerCase(),
      reference: referral.reference,
    },
  });
  if (!withdrawn) throw new AppError("CONFLICT", CHANGED_MESSAGE);
  return toReferralStatus(referral, decision.status);
}
