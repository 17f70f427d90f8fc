import type { PrismaClient } from "@psu/prisma";

const STAFF_SELECT = { id: true, name: true, email: true, role: true, active: true } as const;

export interface StaffRecord {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
}

export async function findStaffForSignIn(
  prisma: PrismaClient,
  email: string,
): Promise<(StaffRecord & { passwordHash: string | null }) | null> {
  return prisma.staffMember.findUnique({ where: { email }, select: { ...STAFF_SELECT, passwordHash: true } });
}

export async function createSession(
  prisma: PrismaClient,
  session: { tokenHash: string; staffId: string; now: Date },
): Promise<void> {
  await prisma.$transaction([
    prisma.staffSession.create({
      data: { tokenHash: session.tokenHash, staffId: session.staffId, createdAt: session.now, lastSeenAt: session.now },
      select: { tokenHash: true },
    }),
    prisma.staffMember.update({
      where: { id: session.staffId },
      data: { lastSignInAt: session.now },
      select: { id: true },
    }),
  ]);
}

export async function findSession(
  prisma: PrismaClient,
  tokenHash: string,
): Promise<{ createdAt: Date; lastSeenAt: Date; staff: StaffRecord } | null> {
  return prisma.staffSession.findUnique({
    where: { tokenHash },
    select: { createdAt: true, lastSeenAt: true, staff: { select: STAFF_SELECT } },
  });
}

export async function touchSession(prisma: PrismaClient, tokenHash: string, now: Date): Promise<void> {
  await prisma.staffSession.updateMany({ where: { tokenHash }, data: { lastSeenAt: now } });
}

export async function deleteSession(prisma: PrismaClient, tokenHash: string): Promise<void> {
  await prisma.staffSession.deleteMany({ where: { tokenHash } });
}

/** Deletes sessions past either timeout; returns how many went. */
export async function deleteExpiredSessions(
  prisma: PrismaClient,
  limits: { idleBefore: Date; createdBefore: Date },
): Promise<number> {
  const { count } = await prisma.staffSession.deleteMany({
    where: { OR: [{ lastSeenAt: { lt: limits.idleBefore } }, { createdAt: { lt: limits.createdBefore } }] },
  });
  return count;
}
