import { createHash, randomInt, randomUUID } from "node:crypto";
import {
  assessEligibility,
  computeSlaClock,
  describeReferralsPaused,
  type EligibilityAnswers,
  type EligibilityVerdict,
  generateReference,
  type RecordedReferral,
  RecordedReferralSchema,
  type RecordReferralRequest,
  type ReferralChannel,
  type ReferralDetails,
  type ReferralReceipt,
  ReferralReceiptSchema,
  type ReferralStory,
  type ReferralSubmission,
  type RequestedService,
  resolveRequestedServices,
  type StaffProfile,
  toLondonDate,
  validateEligibilityAnswers,
} from "@psu/domain";
import type { Prisma, PrismaClient } from "@psu/prisma";
import type { z } from "zod";
import { AppError } from "../../errors/app-error";
import type { KeyedHash } from "../../security/server-secret";
import { hashResumeCode } from "../drafts/drafts.service";
import { toRecipientCap } from "../outbox/recipient-cap";
import { ANONYMOUS_LIMITS, EVERYONE } from "../rate-limit/anonymous-limits";
import { toRateLimit } from "../rate-limit/rate-limit.service";
import {
  createReferralIdempotently,
  type IdempotentSubmission,
  isDuplicateReference,
  type NewReferral,
  type ReferralActor,
} from "./referrals.repository";

const REFERENCE_ATTEMPTS = 3;

/** Who sent a request, for the limits on anonymous writes and the per-recipient email cap. */
export interface Sender {
  ip: string;
  keyedHash: KeyedHash;
}

export interface SubmitReferralInput {
  submission: ReferralSubmission;
  idempotencyKey: string;
  now: Date;
  /** The route always gives it; only the demo seed, writing fictional history, leaves it out (no limits). */
  sender?: Sender;
}

export interface SubmitReferralResult {
  receipt: ReferralReceipt;
  replayed: boolean;
  /** True when the confirmation email was not queued: its address had reached today's cap. */
  emailCapped: boolean;
}

/**
 * Accepts a trainee's referral: checks eligibility again on the server (the wizard's verdict is
 * never trusted), stores the referral with its case, deletes the saved draft it came from (when
 * the wizard sends that draft's resume code), and answers with the reference and when to expect
 * contact. The same Idempotency-Key with the same answers gets the same answer; with different
 * answers it is refused.
 */
export async function submitReferral(prisma: PrismaClient, input: SubmitReferralInput): Promise<SubmitReferralResult> {
  const { resumeCode, ...answers } = input.submission;
  const { response, ...outcome } = await acceptReferral(prisma, {
    // The code is left out of the stored hash: it is a secret, and not part of the referral.
    request: answers,
    channel: "online",
    actor: { type: "trainee" },
    idempotencyKey: input.idempotencyKey,
    now: input.now,
    keyedHash: input.sender?.keyedHash ?? null,
    // Per address and overall (anonymous-limits.ts, decision 015); a replay is never counted.
    limits: input.sender
      ? {
          rules: [
            toRateLimit(input.sender.keyedHash, ANONYMOUS_LIMITS.referralPerIp, input.sender.ip),
            toRateLimit(input.sender.keyedHash, ANONYMOUS_LIMITS.referralOverall, EVERYONE),
          ],
          message: describeReferralsPaused,
        }
      : null,
    // Only the keyed hash is compared, as when the draft is resumed; an unknown code deletes nothing.
    draftCodeHash: resumeCode && input.sender ? hashResumeCode(input.sender.keyedHash, resumeCode) : null,
    responseSchema: ReferralReceiptSchema,
    respond: (created) => ({
      reference: created.reference,
      submittedAt: created.submittedAt,
      triageDueOn: created.triageDueOn,
    }),
  });
  return { receipt: response, ...outcome };
}

export interface RecordReferralInput {
  request: RecordReferralRequest;
  staff: Pick<StaffProfile, "id">;
  ip: string;
  keyedHash: KeyedHash;
  idempotencyKey: string;
  now: Date;
}

export interface RecordReferralResult {
  recorded: RecordedReferral;
  replayed: boolean;
  /** True when the confirmation email was not queued: its address had reached today's cap. */
  emailCapped: boolean;
}

/**
 * Records a referral that reached the unit by email or phone: the same checks and the same
 * case as a trainee's own, with the channel stored, the member of staff as the first event's
 * actor, the confirmation email only when an address was given, and a REFERRAL_RECORDED audit
 * entry (the case and channel only).
 */
export async function recordReferral(prisma: PrismaClient, input: RecordReferralInput): Promise<RecordReferralResult> {
  const { request } = input;
  const { response, ...outcome } = await acceptReferral(prisma, {
    request,
    channel: request.channel,
    actor: { type: "staff", staffId: input.staff.id, ip: input.ip },
    idempotencyKey: input.idempotencyKey,
    now: input.now,
    keyedHash: input.keyedHash,
    // Staff are signed in and audited: their recording is not limited, its email is capped.
    limits: null,
    draftCodeHash: null,
    responseSchema: RecordedReferralSchema,
    respond: (created) => ({
      reference: created.reference,
      caseId: created.caseId,
      triageDueOn: created.triageDueOn,
    }),
  });
  return { recorded: response, ...outcome };
}

/** The sections of a referral, whoever brings it in: a recorded one may lack the email address. */
interface ReferralSections {
  eligibility: EligibilityAnswers;
  services: RequestedService[];
  details: Omit<ReferralDetails, "personalEmail"> & { personalEmail?: string | undefined };
  story: ReferralStory;
  consent: { consentsToSupervisorContact: boolean };
}

/** What the caller may put in its response: known before anything is stored. */
interface CreatedReferral {
  reference: string;
  caseId: string;
  submittedAt: string;
  triageDueOn: string;
}

interface AcceptReferralInput<Response> {
  /** The parsed request body: stored, and hashed to tell a retry from a different referral under the same key. */
  request: ReferralSections;
  channel: ReferralChannel;
  actor: ReferralActor;
  idempotencyKey: string;
  now: Date;
  /** For the per-recipient email cap; null (the demo seed) leaves the email uncapped. */
  keyedHash: KeyedHash | null;
  limits: IdempotentSubmission["limits"];
  draftCodeHash: IdempotentSubmission["draftCodeHash"];
  responseSchema: z.ZodType<Response>;
  respond: (created: CreatedReferral) => Response;
}

/**
 * The one way a referral comes in, whoever brings it: eligibility checked again by the domain's
 * rules, a new reference (tried again on the rare clash), the referral and its case stored in
 * one transaction, and the caller's response stored with the Idempotency-Key so that a retry
 * gets it again.
 */
async function acceptReferral<Response>(
  prisma: PrismaClient,
  input: AcceptReferralInput<Response>,
): Promise<{ response: Response; replayed: boolean; emailCapped: boolean }> {
  const { request: referral, now } = input;
  const today = toLondonDate(now);
  const checked = validateEligibilityAnswers(referral.eligibility, today);
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

  const requestHash = hashRequest(input.request);
  const isRecorded = input.actor.type === "staff";
  for (let attempt = 1; ; attempt++) {
    const reference = generateReference(randomInt);
    const created: CreatedReferral = {
      reference,
      caseId: randomUUID(),
      submittedAt: now.toISOString(),
      triageDueOn: computeSlaClock({ kind: "triage", startedAt: now, now }).dueOn,
    };
    const response = input.responseSchema.parse(input.respond(created));
    const email = referral.details.personalEmail;
    try {
      const outcome = await createReferralIdempotently(prisma, {
        key: input.idempotencyKey,
        requestHash,
        caseId: created.caseId,
        referral: toNewReferral(referral, verdict, { reference, channel: input.channel, now }),
        urgency: referral.story.howSoon,
        actor: input.actor,
        event: isRecorded
          ? { kind: "referral_recorded", data: { status: "new", channel: input.channel } }
          : { kind: "referral_submitted", data: { status: "new" } },
        response: response as Prisma.InputJsonValue,
        email: email
          ? {
              message: {
                kind: "referral_received",
                recipient: email,
                payload: { reference, triageDueOn: created.triageDueOn },
              },
              cap: input.keyedHash && toRecipientCap(input.keyedHash, email),
            }
          : null,
        limits: input.limits,
        draftCodeHash: input.draftCodeHash,
        audit: isRecorded ? { action: "REFERRAL_RECORDED", detail: { channel: input.channel } } : null,
      });
      if (outcome.kind === "key_reused") {
        throw new AppError(
          "IDEMPOTENCY_KEY_REUSED",
          "This Idempotency-Key was already used for a different referral. Send a new key for a new referral.",
        );
      }
      return {
        response: input.responseSchema.parse(outcome.response),
        replayed: outcome.kind === "replayed",
        emailCapped: outcome.kind === "created" && outcome.emailCapped,
      };
    } catch (error) {
      if (isDuplicateReference(error) && attempt < REFERENCE_ATTEMPTS) continue;
      throw error;
    }
  }
}

function toNewReferral(
  referral: ReferralSections,
  verdict: EligibilityVerdict,
  stored: { reference: string; channel: ReferralChannel; now: Date },
): NewReferral {
  const { eligibility, details, story } = referral;
  return {
    reference: stored.reference,
    submittedAt: stored.now,
    eligibility,
    verdict,
    region: eligibility.region,
    profession: eligibility.group,
    services: resolveRequestedServices(referral.services),
    channel: stored.channel,
    fullName: details.fullName,
    email: details.personalEmail?.toLowerCase() ?? null,
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
    consentsToSupervisorContact: referral.consent.consentsToSupervisorContact,
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
