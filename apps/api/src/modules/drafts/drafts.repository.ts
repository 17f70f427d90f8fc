import { findOldestLiveDraftStart } from "@psu/domain";
import type { Prisma, PrismaClient } from "@psu/prisma";

export interface StoredDraft {
  data: Prisma.JsonValue;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * A draft still alive at `now`: before its expiry, and first saved less than 30 days ago (a
 * draft whose expiry was moved on by every save before the cap existed still goes at 30 days).
 */
function isLive(now: Date): Prisma.ReferralDraftWhereInput {
  return { expiresAt: { gt: now }, createdAt: { gt: findOldestLiveDraftStart(now) } };
}

/** A draft past its expiry or its 30 days at `now`. */
function isExpired(now: Date): Prisma.ReferralDraftWhereInput {
  return { OR: [{ expiresAt: { lte: now } }, { createdAt: { lte: findOldestLiveDraftStart(now) } }] };
}

/** Stores a new draft, found later only by the hash of its resume code. */
export async function createDraft(
  prisma: PrismaClient,
  draft: { resumeCodeHash: string; data: Prisma.InputJsonValue; now: Date; expiresAt: Date },
): Promise<{ expiresAt: Date }> {
  return prisma.referralDraft.create({
    data: {
      resumeCodeHash: draft.resumeCodeHash,
      data: draft.data,
      createdAt: draft.now,
      updatedAt: draft.now,
      expiresAt: draft.expiresAt,
    },
    select: { expiresAt: true },
  });
}

/** Replaces a live draft's answers and sets its expiry; false when there is no such draft. */
export async function updateLiveDraft(
  prisma: PrismaClient,
  draft: { resumeCodeHash: string; data: Prisma.InputJsonValue; now: Date; expiresAt: Date },
): Promise<boolean> {
  const result = await prisma.referralDraft.updateMany({
    where: { resumeCodeHash: draft.resumeCodeHash, ...isLive(draft.now) },
    data: { data: draft.data, updatedAt: draft.now, expiresAt: draft.expiresAt },
  });
  return result.count > 0;
}

/** The live draft with this code hash, or null. */
export async function findLiveDraft(
  prisma: PrismaClient,
  resumeCodeHash: string,
  now: Date,
): Promise<StoredDraft | null> {
  return prisma.referralDraft.findFirst({
    where: { resumeCodeHash, ...isLive(now) },
    select: { data: true, createdAt: true, expiresAt: true },
  });
}

/** Moves a live draft from one code hash to another (from the unkeyed hash to the keyed one). */
export async function rekeyLiveDraft(
  prisma: PrismaClient,
  rekey: { from: string; to: string; now: Date },
): Promise<void> {
  await prisma.referralDraft.updateMany({
    where: { resumeCodeHash: rekey.from, ...isLive(rekey.now) },
    data: { resumeCodeHash: rekey.to },
  });
}

/** Deletes the draft with this code hash if it has expired (lazy clean-up on lookup). */
export async function deleteDraftIfExpired(prisma: PrismaClient, resumeCodeHash: string, now: Date): Promise<void> {
  await prisma.referralDraft.deleteMany({ where: { resumeCodeHash, ...isExpired(now) } });
}

/** Deletes every draft expired by `now` (its expiry or its 30 days); returns how many went. */
export async function deleteDraftsExpiredBy(prisma: PrismaClient, now: Date): Promise<number> {
  const result = await prisma.referralDraft.deleteMany({ where: isExpired(now) });
  return result.count;
}

/**
 * Deletes the draft with this code hash, whatever its state, in the caller's transaction (the
 * referral made from it is being stored); nothing when there is none.
 */
export async function deleteDraftByCodeHash(tx: Prisma.TransactionClient, resumeCodeHash: string): Promise<void> {
  await tx.referralDraft.deleteMany({ where: { resumeCodeHash } });
}
