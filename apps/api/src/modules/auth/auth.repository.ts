import type { Prisma, PrismaClient } from "@psu/prisma";
import { type AuditRecord, recordAudit } from "../audit/audit.repository";
import { changingStaffAccess } from "./session-cache";

const STAFF_SELECT = { id: true, name: true, email: true, role: true, active: true } as const;

export interface StaffRecord {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
}

/** "signed-in", or a pending stage: "second-factor" (a code is due) or "enrol" (set up an authenticator first). */
export type SessionStage = "signed-in" | "second-factor" | "enrol";

export async function findStaffForSignIn(
  prisma: PrismaClient,
  email: string,
): Promise<(StaffRecord & { passwordHash: string | null; totpEnabledAt: Date | null }) | null> {
  return prisma.staffMember.findUnique({
    where: { email },
    select: { ...STAFF_SELECT, passwordHash: true, totpEnabledAt: true },
  });
}

/** Starts a session; a signed-in one also stamps the member's last sign-in. */
export async function createSession(
  prisma: PrismaClient,
  session: { tokenHash: string; staffId: string; now: Date; stage: SessionStage; method: "password" | "sso" },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.staffSession.create({
      data: {
        tokenHash: session.tokenHash,
        staffId: session.staffId,
        createdAt: session.now,
        lastSeenAt: session.now,
        stage: session.stage,
        method: session.method,
      },
      select: { tokenHash: true },
    });
    if (session.stage === "signed-in")
      await tx.staffMember.update({
        where: { id: session.staffId },
        data: { lastSignInAt: session.now },
        select: { id: true },
      });
  });
}

export async function findSession(
  prisma: PrismaClient,
  tokenHash: string,
): Promise<{ createdAt: Date; lastSeenAt: Date; stage: string; staff: StaffRecord } | null> {
  return prisma.staffSession.findUnique({
    where: { tokenHash },
    select: { createdAt: true, lastSeenAt: true, stage: true, staff: { select: STAFF_SELECT } },
  });
}

export async function touchSession(prisma: PrismaClient, tokenHash: string, now: Date): Promise<void> {
  await prisma.staffSession.updateMany({ where: { tokenHash }, data: { lastSeenAt: now } });
}

/** Deletes a session; returns whose it was (null when there was none). */
export async function deleteSession(prisma: PrismaClient, tokenHash: string): Promise<string | null> {
  const session = await prisma.staffSession.findUnique({ where: { tokenHash }, select: { staffId: true } });
  if (!session) return null;
  await changingStaffAccess(prisma.staffSession.deleteMany({ where: { tokenHash } }));
  return session.staffId;
}

/** Deletes sessions past either timeout, and pending ones past theirs; returns how many went. */
export async function deleteExpiredSessions(
  prisma: PrismaClient,
  limits: { idleBefore: Date; createdBefore: Date; pendingCreatedBefore: Date },
): Promise<number> {
  const { count } = await changingStaffAccess(
    prisma.staffSession.deleteMany({
      where: {
        OR: [
          { lastSeenAt: { lt: limits.idleBefore } },
          { createdAt: { lt: limits.createdBefore } },
          { stage: { not: "signed-in" }, createdAt: { lt: limits.pendingCreatedBefore } },
        ],
      },
    }),
  );
  return count;
}

export interface TotpState {
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: bigint | null;
}

export async function findTotpState(prisma: PrismaClient, staffId: string): Promise<TotpState | null> {
  return prisma.staffMember.findUnique({
    where: { id: staffId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
}

/** Keeps a new (encrypted) secret for an enrolment in progress; never replaces one in force. */
export async function savePendingTotpSecret(prisma: PrismaClient, staffId: string, sealed: string): Promise<boolean> {
  const { count } = await prisma.staffMember.updateMany({
    where: { id: staffId, totpEnabledAt: null },
    data: { totpSecret: sealed, totpLastStep: null },
  });
  return count === 1;
}

/**
 * Records `step` as the last TOTP step accepted, only if it is later than the one before: one
 * statement, so two requests with the same code cannot both succeed.
 */
export async function acceptTotpStep(prisma: PrismaClient, staffId: string, step: number): Promise<boolean> {
  const { count } = await prisma.staffMember.updateMany({
    where: { id: staffId, totpEnabledAt: { not: null }, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/** Marks a recovery code used, only if it is this member's and unused; false otherwise. */
export async function useRecoveryCode(
  prisma: PrismaClient,
  input: { staffId: string; codeHash: string; now: Date },
): Promise<boolean> {
  const { count } = await prisma.staffRecoveryCode.updateMany({
    where: { staffId: input.staffId, codeHash: input.codeHash, usedAt: null },
    data: { usedAt: input.now },
  });
  return count === 1;
}

/**
 * Replaces a pending session with a signed-in one under a new token (a token seen before the
 * second factor is worth nothing after it), in one transaction with the audit entry. False when
 * the pending session had already gone (used twice at once, signed out, expired).
 */
export async function promoteSession(
  prisma: PrismaClient,
  input: { oldTokenHash: string; newTokenHash: string; staffId: string; now: Date; audit: AuditRecord[] },
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.staffSession.deleteMany({
      where: { tokenHash: input.oldTokenHash, staffId: input.staffId, stage: { not: "signed-in" } },
    });
    if (count !== 1) return false;
    await startPasswordSession(tx, input);
    return true;
  });
}

/** The signed-in session that follows a right second factor, the sign-in time, and the audit entries. */
async function startPasswordSession(
  tx: Prisma.TransactionClient,
  input: { newTokenHash: string; staffId: string; now: Date; audit: AuditRecord[] },
): Promise<void> {
  await tx.staffSession.create({
    data: {
      tokenHash: input.newTokenHash,
      staffId: input.staffId,
      createdAt: input.now,
      lastSeenAt: input.now,
      stage: "signed-in",
      method: "password",
    },
    select: { tokenHash: true },
  });
  await tx.staffMember.update({
    where: { id: input.staffId },
    data: { lastSignInAt: input.now },
    select: { id: true },
  });
  for (const entry of input.audit) await recordAudit(tx, entry);
}

/**
 * Puts the second factor in force: the pending secret becomes the member's, the first code's
 * step is recorded, the recovery codes (hashes) replace any earlier ones, and the pending
 * session becomes a signed-in one, all or nothing. False when the enrolment was already
 * confirmed or the session has gone.
 */
export async function enableSecondFactor(
  prisma: PrismaClient,
  input: {
    staffId: string;
    sealedSecret: string;
    step: number;
    recoveryCodeHashes: string[];
    oldTokenHash: string;
    newTokenHash: string;
    now: Date;
    audit: AuditRecord[];
  },
): Promise<boolean> {
  try {
    return await prisma.$transaction(async (tx) => {
      const { count } = await tx.staffMember.updateMany({
        where: { id: input.staffId, totpEnabledAt: null, totpSecret: input.sealedSecret },
        data: { totpEnabledAt: input.now, totpLastStep: input.step },
      });
      if (count !== 1) throw new NotEnabled();
      await tx.staffRecoveryCode.deleteMany({ where: { staffId: input.staffId } });
      await tx.staffRecoveryCode.createMany({
        data: input.recoveryCodeHashes.map((codeHash) => ({ staffId: input.staffId, codeHash })),
      });
      const { count: ended } = await tx.staffSession.deleteMany({
        where: { tokenHash: input.oldTokenHash, staffId: input.staffId, stage: "enrol" },
      });
      if (ended !== 1) throw new NotEnabled();
      await startPasswordSession(tx, input);
      return true;
    });
  } catch (error) {
    if (error instanceof NotEnabled) return false;
    throw error;
  }
}

// Rolls the transaction back when a condition no longer holds.
class NotEnabled extends Error {}

/** Sets a member's second factor in force directly (the demo seed: a documented secret). */
export async function setSecondFactor(
  prisma: PrismaClient,
  input: { staffId: string; sealedSecret: string; now: Date },
): Promise<void> {
  await prisma.staffMember.update({
    where: { id: input.staffId },
    data: { totpSecret: input.sealedSecret, totpEnabledAt: input.now, totpLastStep: null },
    select: { id: true },
  });
}
