import type { AuditAction } from "@psu/domain";
import { Prisma, type PrismaClient } from "@psu/prisma";
import { recordAudit } from "../audit/audit.repository";
import { deleteDraftByCodeHash } from "../drafts/drafts.repository";
import { type EmailToQueue, queueEmailWithinCap } from "../outbox/recipient-cap";
import { enforceRateLimits, type RateLimit } from "../rate-limit/rate-limit.service";

/** Everything stored for a new referral, already checked and shaped by the service. */
export interface NewReferral {
  reference: string;
  submittedAt: Date;
  eligibility: Prisma.InputJsonValue;
  verdict: Prisma.InputJsonValue;
  region: string;
  profession: string;
  services: string[];
  /** "online", or "email" or "phone" for a referral recorded by staff (REFERRAL_CHANNELS). */
  channel: string;
  fullName: string;
  /** Null when a referral recorded from a phone call came without one. */
  email: string | null;
  phone: string;
  preferredContact: string;
  safeContactTimes: string | null;
  registerName: string;
  registrationNumber: string | null;
  programme: string;
  grade: string;
  employer: string;
  workPattern: string;
  whatIsHappening: string;
  whatHasBeenTried: string | null;
  whatWouldHelp: string | null;
  howSoon: string;
  accessNeeds: string | null;
  consentsToSupervisorContact: boolean;
}

/** Who brought the referral in: the trainee themselves, or a member of staff recording it. */
export type ReferralActor = { type: "trainee" } | { type: "staff"; staffId: string; ip: string };

export interface IdempotentSubmission {
  key: string;
  requestHash: string;
  /** The new case's id, chosen by the service so the response can name it before the insert. */
  caseId: string;
  referral: NewReferral;
  urgency: string;
  actor: ReferralActor;
  /** The case's first timeline event. */
  event: { kind: string; data: Prisma.InputJsonObject };
  /** The response to store with the key and replay to retries. */
  response: Prisma.InputJsonValue;
  /**
   * The confirmation email, written to the outbox in the same transaction unless its recipient
   * has had the cap's number of emails today (then the referral is stored all the same); null
   * when there is no address. A null cap (the demo seed) queues it whatever.
   */
  email: { message: EmailToQueue; cap: RateLimit | null } | null;
  /**
   * Limits on new referrals (per address, overall), counted only once the key is known to be new,
   * so a replay counts nothing; a refusal rolls the whole transaction back. Null: not limited.
   */
  limits: { rules: RateLimit[]; message: (retryAfterSeconds: number) => string } | null;
  /**
   * The keyed hash of the resume code of the draft the referral was made from: that draft is
   * deleted in the same transaction. Null: no draft (or a referral recorded by staff).
   */
  draftCodeHash: string | null;
  /** An audit entry for a referral recorded by staff (ids and codes only), in the same transaction. */
  audit: { action: AuditAction; detail: Prisma.InputJsonObject } | null;
}

export type SubmissionOutcome =
  | { kind: "created"; response: Prisma.JsonValue; emailCapped: boolean }
  | { kind: "replayed"; response: Prisma.JsonValue }
  | { kind: "key_reused" };

/**
 * Stores the referral, opens its case, records the first timeline event, queues the email (when
 * there is an address and it is under its cap), deletes the draft it was made from (when named),
 * writes the audit entry (when staff recorded it),
 * counts the submission against its limits and remembers the idempotency key, all in one
 * transaction. A transaction-scoped advisory lock on
 * the key makes concurrent requests with the same key (double clicks, retries, two API
 * instances) wait for each other, so the first creates and the rest replay its response.
 */
export async function createReferralIdempotently(
  prisma: PrismaClient,
  submission: IdempotentSubmission,
): Promise<SubmissionOutcome> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${submission.key}, 7))`;
      const existing = await tx.idempotencyKey.findUnique({
        where: { key: submission.key },
        select: { requestHash: true, response: true },
      });
      if (existing) {
        return existing.requestHash === submission.requestHash
          ? { kind: "replayed" as const, response: existing.response }
          : { kind: "key_reused" as const };
      }

      const { actor } = submission;
      const referral = await tx.referral.create({ data: submission.referral, select: { id: true } });
      const opened = await tx.case.create({
        data: {
          id: submission.caseId,
          referralId: referral.id,
          urgency: submission.urgency,
          openedAt: submission.referral.submittedAt,
        },
        select: { id: true },
      });
      await tx.caseEvent.create({
        data: {
          caseId: opened.id,
          at: submission.referral.submittedAt,
          actorType: actor.type,
          actorId: actor.type === "staff" ? actor.staffId : null,
          kind: submission.event.kind,
          data: submission.event.data,
        },
        select: { id: true },
      });
      const { email, referral: stored } = submission;
      let emailCapped = false;
      if (email?.cap) emailCapped = !(await queueEmailWithinCap(tx, email.message, email.cap, stored.submittedAt));
      else if (email) await tx.outboxMessage.create({ data: email.message, select: { id: true } });
      if (submission.audit && actor.type === "staff") {
        await recordAudit(tx, {
          actorId: actor.staffId,
          action: submission.audit.action,
          caseId: opened.id,
          detail: submission.audit.detail,
          ip: actor.ip,
        });
      }
      if (submission.draftCodeHash) await deleteDraftByCodeHash(tx, submission.draftCodeHash);
      await tx.idempotencyKey.create({
        data: {
          key: submission.key,
          requestHash: submission.requestHash,
          referralId: referral.id,
          response: submission.response,
        },
        select: { key: true },
      });
      // Last, so the shared counters' rows stay locked for as short a time as possible.
      if (submission.limits) {
        const { rules, message } = submission.limits;
        await enforceRateLimits(tx, rules, submission.referral.submittedAt, message);
      }
      return { kind: "created" as const, response: submission.response as Prisma.JsonValue, emailCapped };
      // Waiting for the key's lock counts against maxWait/timeout: allow for a burst of retries.
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
}

/** True when an error is PostgreSQL refusing a duplicate reference (a one-in-billions clash). */
export function isDuplicateReference(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    JSON.stringify(error.meta ?? {}).includes("reference")
  );
}

/** How many referrals exist: for tests and reports of idempotency. */
export async function countReferrals(prisma: PrismaClient): Promise<number> {
  return prisma.referral.count();
}
