import type { Prisma, PrismaClient } from "@psu/prisma";

export interface StoredDraft {
  data: Prisma.JsonValue;
  expiresAt: Date;
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

/** Replaces an unexpired draft's answers and moves its expiry; false when there is no such draft. */
export async function updateUnexpiredDraft(
  prisma: PrismaClient,
  draft: { resumeCodeHash: string; data: Prisma.InputJsonValue; now: Date; expiresAt: Date },
): Promise<boolean> {
  const result = await prisma.referralDraft.updateMany({
    where: { resumeCodeHash: draft.resumeCodeHash, expiresAt: { gt: draft.now } },
    data: { data: draft.data, updatedAt: draft.now, expiresAt: draft.expiresAt },
  });
  return result.count > 0;
}

/** The unexpired draft with this code hash, or null. */
export async function findUnexpiredDraft(
  prisma: PrismaClient,
  resumeCodeHash: string,
  now: Date,
): Promise<StoredDraft | null> {
  return prisma.referralDraft.findFirst({
    where: { resumeCodeHash, expiresAt: { gt: now } },
    select: { data: true, expiresAt: true },
  });
}

/** Moves an unexpired draft from one code hash to another (from the unkeyed hash to the keyed one). */
export async function rekeyUnexpiredDraft(
  prisma: PrismaClient,
  rekey: { from: string; to: string; now: Date },
): Promise<void> {
  await prisma.referralDraft.updateMany({
    where: { resumeCodeHash: rekey.from, expiresAt: { gt: rekey.now } },
    data: { resumeCodeHash: rekey.to },
  });
}

/** Deletes the draft with this code hash if it has expired (lazy clean-up on lookup). */
export async function deleteDraftIfExpired(prisma: PrismaClient, resumeCodeHash: string, now: Date): Promise<void> {
  await prisma.referralDraft.deleteMany({ where: { resumeCodeHash, expiresAt: { lte: now } } });
}

/** Deletes every draft that has expired by `now`; returns how many went. */
export async function deleteDraftsExpiredBy(prisma: PrismaClient, now: Date): Promise<number> {
  const result = await prisma.referralDraft.deleteMany({ where: { expiresAt: { lte: now } } });
  return result.count;
}
