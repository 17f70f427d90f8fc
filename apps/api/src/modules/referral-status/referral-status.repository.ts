import type { CaseClockFacts, CaseTransitionPlan } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { CASE_STATE_SELECT } from "../../database/case-columns";
import { queueTraineeEmail, type TraineeEmailMessage } from "../outbox/outbox.repository";

export interface ReferralForStatus {
  reference: string;
  /** Null for a referral recorded from a phone call without an address: it cannot be looked up. */
  email: string | null;
  submittedAt: Date;
  /** With the columns its triage clock is computed from (see case-clocks.ts). */
  case:
    | (Omit<CaseClockFacts, "status"> & { id: string; status: string; version: number; leadId: string | null })
    | null;
}

/** The referral with this reference and what the status page needs of its case, or null. */
export async function findReferralForStatus(
  prisma: PrismaClient,
  reference: string,
): Promise<ReferralForStatus | null> {
  return prisma.referral.findUnique({
    where: { reference },
    select: {
      reference: true,
      email: true,
      submittedAt: true,
      case: {
        select: CASE_STATE_SELECT,
      },
    },
  });
}

export interface CaseWithdrawal {
  caseId: string;
  /** The version the decision was made on: if the case has changed since, nothing is written. */
  expectedVersion: number;
  now: Date;
  /** The domain's plan: the columns, the timeline event, and the email it sends. */
  plan: CaseTransitionPlan;
  /** The withdrawal's confirmation, addressed, queued in the same transaction. */
  traineeEmail: TraineeEmailMessage | null;
}

/**
 * Withdraws a case as planned and appends the timeline event in one transaction, only if the
 * case is still at the version the decision was based on. False when it was not (someone else
 * changed it first): then nothing is written.
 */
export async function withdrawCaseIfUnchanged(prisma: PrismaClient, withdrawal: CaseWithdrawal): Promise<boolean> {
  const { caseId, expectedVersion, now, plan } = withdrawal;
  return prisma.$transaction(async (tx) => {
    const updated = await tx.case.updateMany({
      where: { id: caseId, version: expectedVersion },
      data: { ...plan.set, version: { increment: 1 }, updatedAt: now },
    });
    if (updated.count === 0) return false;
    await tx.caseEvent.create({
      data: { caseId, at: now, actorType: "trainee", kind: plan.event.kind, data: plan.event.data },
      select: { id: true },
    });
    if (withdrawal.traineeEmail) await queueTraineeEmail(tx, withdrawal.traineeEmail);
    return true;
  });
}
