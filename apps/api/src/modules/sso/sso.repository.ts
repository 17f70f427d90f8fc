import type { PrismaClient } from "@psu/prisma";

export interface StoredAttempt {
  nonce: string;
  codeVerifier: string;
  returnTo: string | null;
  createdAt: Date;
}

/** Records a sign-in attempt under the keyed hash of its state (the state itself travels only in the browser). */
export async function createAttempt(
  prisma: PrismaClient,
  attempt: StoredAttempt & { stateHash: string },
): Promise<void> {
  await prisma.oidcSignInAttempt.create({ data: attempt, select: { stateHash: true } });
}

/**
 * Takes an attempt out of the table: found and deleted at once, so two callbacks with the same
 * state cannot both have it (the loser gets null, as for a state that never existed).
 */
export async function takeAttempt(prisma: PrismaClient, stateHash: string): Promise<StoredAttempt | null> {
  const rows = await prisma.$queryRaw<StoredAttempt[]>`
    DELETE FROM oidc_sign_in_attempts WHERE state_hash = ${stateHash}
    RETURNING nonce, code_verifier AS "codeVerifier", return_to AS "returnTo", created_at AS "createdAt"`;
  return rows[0] ?? null;
}

/** Removes attempts started before the cut-off (abandoned at the provider); returns how many went. */
export async function deleteAttemptsBefore(prisma: PrismaClient, cutoff: Date): Promise<number> {
  const { count } = await prisma.oidcSignInAttempt.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return count;
}

/** The member of staff with this (lower-case) email, active or not. */
export async function findStaffByEmail(
  prisma: PrismaClient,
  email: string,
): Promise<{ id: string; active: boolean } | null> {
  return prisma.staffMember.findUnique({ where: { email }, select: { id: true, active: true } });
}
