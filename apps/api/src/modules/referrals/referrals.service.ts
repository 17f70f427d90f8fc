import { createHash, randomInt } from "node:crypto";
import {
  assessEligibility,
  computeSlaClock,
  generateReference,
  type ReferralReceipt,
  ReferralReceiptSchema,
  type ReferralSubmission,
  resolveRequestedServices,
  toLondonDate,
  validateEligibilityAnswers,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { AppError } from "../../errors/app-error";
import { createReferralIdempotently, isDuplicateReference, type NewReferral } from "./referrals.repository";

const REFERENCE_ATTEMPTS = 3;

export interface SubmitReferralInput {
  submission: ReferralSubmission;
  idempotencyKey: string;
  now: Date;
}

export interface SubmitReferralResult {
  receipt: ReferralReceipt;
  replayed: boolean;
}

/**
 * Accepts a trainee's referral: checks eligibility again on the server (the wizard's verdict is
 * never trusted), stores the referral with its case, and answers with the reference and when
 * to expect contact. The same Idempotency-Key with the same body gets the same answer; with a
 * different body it is refused.
 */
export async function submitReferral(prisma: PrismaClient, input: SubmitReferralInput): Promise<SubmitReferralResult> {
  const { submission, now } = input;
  const today = toLondonDate(now);
  const checked = validateEligibilityAnswers(submission.eligibility, today);
  if (!checked.success) {
    throw new AppError(
      "VALIDATION_FAILED",
      "Check your eligibility answers",
      checked.issues.map((issue) => ({ field: `eligibility.${issue.field}`, message: issue.message })),
    );
  }
  const verdict = assessEligibility(checked.answers, today);
  if (!verdict.eligible) {
    throw new AppError("NOT_ELIGIBLE", verdict.reasons.map((reason) => reason.message).join(" "));
  }

  const requestHash = hashRequest(submission);
  for (let attempt = 1; ; attempt++) {
    const reference = generateReference(randomInt);
    const receipt = ReferralReceiptSchema.parse({
      reference,
      submittedAt: now.toISOString(),
      triageDueOn: computeSlaClock({ kind: "triage", startedAt: now, now }).dueOn,
    });
    try {
      const outcome = await createReferralIdempotently(prisma, {
        key: input.idempotencyKey,
        requestHash,
        referral: toNewReferral(submission, verdict, reference, now),
        urgency: submission.story.howSoon,
        response: receipt,
        email: {
          kind: "referral_received",
          recipient: submission.details.personalEmail,
          payload: { reference, triageDueOn: receipt.triageDueOn },
        },
      });
      if (outcome.kind === "key_reused") {
        throw new AppError(
          "IDEMPOTENCY_KEY_REUSED",
          "This Idempotency-Key was already used for a different referral. Send a new key for a new referral.",
        );
      }
      return { receipt: ReferralReceiptSchema.parse(outcome.response), replayed: outcome.kind === "replayed" };
    } catch (error) {
      if (isDuplicateReference(error) && attempt < REFERENCE_ATTEMPTS) continue;
      throw error;
    }
  }
}

function toNewReferral(
  submission: ReferralSubmission,
  verdict: ReturnType<typeof assessEligibility>,
  reference: string,
  now: Date,
): NewReferral {
  const { eligibility, details, story, consent } = submission;
  return {
    reference,
    submittedAt: now,
    eligibility,
    verdict,
    region: eligibility.region,
    profession: eligibility.group,
    services: resolveRequestedServices(submission.services),
    fullName: details.fullName,
    email: details.personalEmail.toLowerCase(),
    phone: details.phone,
    preferredContact: details.preferredContact,
    safeContactTimes: details.safeContactTimes ?? null,
    registerName: details.registration.register,
    registrationNumber: details.registration.number || null,
    programme: details.programme,
    grade: details.grade,
    employer: details.employer,
    workPattern: details.workPattern,
    whatIsHappening: story.whatIsHappening,
    whatHasBeenTried: story.whatHasBeenTried ?? null,
    whatWouldHelp: story.whatWouldHelp ?? null,
    howSoon: story.howSoon,
    accessNeeds: story.accessNeeds ?? null,
    consentsToSupervisorContact: consent.consentsToSupervisorContact,
  };
}

/** A stable hash of the parsed body: keys sorted, so the same answers in another order match. */
export function hashRequest(value: unknown): string {
  return createHash("sha256").update(stableStringify(value)).digest("hex");
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
