import { createHash, randomBytes } from "node:crypto";
import {
  SESSION_ABSOLUTE_HOURS,
  SESSION_IDLE_MINUTES,
  type SignInRequest,
  type StaffProfile,
  StaffProfileSchema,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { AppError } from "../../errors/app-error";
import { enforceRateLimits, isRateLimited, RateLimitedError, toRateLimitKey } from "../rate-limit/rate-limit.service";
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  findSession,
  findStaffForSignIn,
  touchSession,
} from "./auth.repository";
import { getDecoyHash, verifyPassword } from "./password";

const IDLE_MS = SESSION_IDLE_MINUTES * 60_000;
const ABSOLUTE_MS = SESSION_ABSOLUTE_HOURS * 3_600_000;
// Writing lastSeenAt on every request would make each read a write; a minute's slack is fine.
const TOUCH_EVERY_MS = 60_000;
const FAILED_SIGN_IN_LIMIT = { limit: 10, windowMs: 5 * 60_000 };
const LOCKED_MESSAGE = "Too many failed sign-ins for this account. Wait 5 minutes, then try again.";

/** The session cookie holds a random token; the database holds only its hash. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface SignedIn {
  token: string;
  staff: StaffProfile;
}

/**
 * Signs a member of staff in and starts a new session (a new token every time, so a token
 * planted before sign-in is worthless). Failed attempts count per account: more than 10 in 5
 * minutes and the account answers 429 until the window passes, whatever the password.
 */
export async function signIn(prisma: PrismaClient, request: SignInRequest, now: Date): Promise<SignedIn> {
  const failures = { ...FAILED_SIGN_IN_LIMIT, key: toRateLimitKey("sign-in-failures", request.email) };
  // A locked account stays locked even for the right password, or the lock would leak which
  // guess was right. Checked first, so a locked account costs no password hashing.
  if (await isRateLimited(prisma, failures, now))
    throw new RateLimitedError(LOCKED_MESSAGE, FAILED_SIGN_IN_LIMIT.windowMs / 1000);
  const staff = await findStaffForSignIn(prisma, request.email);
  const matches = await verifyPassword(staff?.passwordHash ?? (await getDecoyHash()), request.password);

  if (!staff || !matches || !staff.active) {
    await enforceRateLimits(prisma, [failures], now, LOCKED_MESSAGE);
    throw new AppError("UNAUTHENTICATED", "The email address or password is not right.");
  }

  const token = randomBytes(32).toString("base64url");
  await createSession(prisma, { tokenHash: hashSessionToken(token), staffId: staff.id, now });
  return { token, staff: StaffProfileSchema.parse(staff) };
}

/** The member of staff behind a session token, or null when it is unknown, expired or disabled. */
export async function resolveSession(prisma: PrismaClient, token: string, now: Date): Promise<StaffProfile | null> {
  const tokenHash = hashSessionToken(token);
  const session = await findSession(prisma, tokenHash);
  if (!session) return null;
  const idle = now.getTime() - session.lastSeenAt.getTime() > IDLE_MS;
  const tooOld = now.getTime() - session.createdAt.getTime() > ABSOLUTE_MS;
  if (idle || tooOld || !session.staff.active) {
    await deleteSession(prisma, tokenHash);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(prisma, tokenHash, now);
  return StaffProfileSchema.parse(session.staff);
}

/** Ends the session on the server: the token is useless afterwards, even if copied. */
export async function signOut(prisma: PrismaClient, token: string): Promise<void> {
  await deleteSession(prisma, hashSessionToken(token));
}

/** Removes sessions past either timeout (a scheduled clean-up; expiry is enforced on use regardless). */
export async function deleteStaleSessions(prisma: PrismaClient, now: Date): Promise<number> {
  return deleteExpiredSessions(prisma, {
    idleBefore: new Date(now.getTime() - IDLE_MS),
    createdBefore: new Date(now.getTime() - ABSOLUTE_MS),
  });
}
