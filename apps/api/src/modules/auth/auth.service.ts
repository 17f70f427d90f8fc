import { randomBytes } from "node:crypto";
import {
  type AuditAction,
  type AuthenticatorEnrolment,
  type EnrolmentConfirmed,
  formatRecoveryCode,
  isAuthenticatorCode,
  PENDING_SIGN_IN_MINUTES,
  SESSION_ABSOLUTE_HOURS,
  SESSION_IDLE_MINUTES,
  type SignInNextStep,
  type SignInRequest,
  type StaffProfile,
  StaffProfileSchema,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { AppError } from "../../errors/app-error";
import type { Encryption } from "../../security/encryption";
import type { KeyedHash } from "../../security/server-secret";
import { type AuditRecord, recordAudit } from "../audit/audit.repository";
import {
  consumeRateLimit,
  isRateLimited,
  type RateLimit,
  RateLimitedError,
  toRateLimitKey,
} from "../rate-limit/rate-limit.service";
import {
  acceptTotpStep,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  enableSecondFactor,
  findSession,
  findStaffForSignIn,
  findTotpState,
  promoteSession,
  type SessionStage,
  savePendingTotpSecret,
  setSecondFactor,
  touchSession,
  useRecoveryCode,
} from "./auth.repository";
import { getDecoyHash, verifyPassword } from "./password";
import { createRecoveryCodes, createTotpSecret, TOTP_ISSUER, toQrCodeDataUri, toTotpUri, verifyTotpCode } from "./totp";

/** What every sign-in step needs: the database, the server's keyed hash and encryption, the time and the client. */
export interface AuthContext {
  prisma: PrismaClient;
  keyedHash: KeyedHash;
  encryption: Encryption;
  now: Date;
  /** The client's address (hashed wherever it is kept). */
  ip: string;
  /** Counts a refused step for the metrics: a reason code, never who. */
  countFailure?: (reason: SignInFailureReason) => void;
}

/** Why a sign-in step may be refused, as the metrics count it (and the audit's SIGN_IN_FAILED reasons). */
export const SIGN_IN_FAILURE_REASONS = {
  password: ["unknown-account", "wrong-password", "inactive-account", "locked", "too-many"],
  second_factor: ["wrong-code", "locked", "too-many"],
} as const;
export type SignInFailureReason = (typeof SIGN_IN_FAILURE_REASONS)[keyof typeof SIGN_IN_FAILURE_REASONS][number];

const IDLE_MS = SESSION_IDLE_MINUTES * 60_000;
const ABSOLUTE_MS = SESSION_ABSOLUTE_HOURS * 3_600_000;
const PENDING_MS = PENDING_SIGN_IN_MINUTES * 60_000;
// Writing lastSeenAt on every request would make each read a write; a minute's slack is fine.
const TOUCH_EVERY_MS = 60_000;
const MINUTE = 60_000;

// Sign-in limits (docs/decisions/012). All but the failure lock are counted BEFORE the password
// is hashed, so a flood costs one counter update per request, never an argon2 hash.
export const SIGN_IN_LIMITS = {
  /** Failed passwords per account: past this the account is locked for the rest of the window, whatever is typed. */
  accountFailures: { scope: "sign-in:account-failures", limit: 10, windowMs: 5 * MINUTE },
  /** Attempts per account, right or wrong: bounds a parallel burst that races the failure count. */
  accountAttempts: { scope: "sign-in:account", limit: 50, windowMs: 15 * MINUTE },
  /** Attempts per client address (an office behind one address signs in well under this). */
  ip: { scope: "sign-in:ip", limit: 100, windowMs: 15 * MINUTE },
  /** Attempts from everyone: caps the hashing a botnet can cause across accounts and addresses. */
  overall: { scope: "sign-in:all", limit: 1_000, windowMs: 15 * MINUTE },
  /** Wrong codes per account (TOTP or recovery): past this the account takes no code for the rest of the window. */
  secondFactorFailures: { scope: "second-factor:account-failures", limit: 10, windowMs: 15 * MINUTE },
  /** Codes tried per account, right or wrong, counted before checking: bounds a parallel burst. */
  secondFactor: { scope: "second-factor:account", limit: 50, windowMs: 15 * MINUTE },
} as const;

const LIMITS = SIGN_IN_LIMITS;
type LimitName = keyof typeof LIMITS;

const MESSAGES = {
  accountFailures: "Too many failed sign-ins for this account. Wait 5 minutes, then try again.",
  accountAttempts: "Too many sign-in attempts for this account. Wait 15 minutes, then try again.",
  ip: "Too many sign-in attempts from your network. Wait 15 minutes, then try again.",
  overall: "The service is receiving too many sign-in attempts. Wait 15 minutes, then try again.",
  secondFactorFailures: "Too many wrong codes for this account. Wait 15 minutes, then try again.",
  secondFactor: "Too many codes tried for this account. Wait 15 minutes, then try again.",
} as const satisfies Record<LimitName, string>;

const WRONG_PASSWORD = "The email address or password is not right.";
const PENDING_ENDED = "Your sign-in has timed out or ended. Sign in again with your email address and password.";
const WRONG_CODE = "The code is not right, or it has already been used. Check your app and try again.";

function toLimit(context: AuthContext, name: LimitName, subject: string): RateLimit & { name: LimitName } {
  const rule = LIMITS[name];
  return {
    name,
    key: toRateLimitKey(context.keyedHash, rule.scope, subject),
    limit: rule.limit,
    windowMs: rule.windowMs,
  };
}

function audit(context: AuthContext, action: AuditAction, actorId: string | null, detail: AuditRecord["detail"] = {}) {
  return { action, actorId, ip: context.ip, detail } satisfies AuditRecord;
}

/**
 * Counts one hit against each limit (all of them, so each counter stays honest); refuses with
 * 429 and the longest wait when any is over. The first refusal of a window is audited as a
 * lock-out (later ones in the same window are not, so a flood cannot flood the audit log).
 */
async function consumeLimits(
  context: AuthContext,
  limits: (RateLimit & { name: LimitName })[],
  actorId: string | null,
): Promise<void> {
  let refused: { name: LimitName; retryAfterSeconds: number } | null = null;
  for (const limit of limits) {
    // Already refusing before this hit: the count was past the limit (isRateLimited tests reaching it).
    const wasLimited = await isRateLimited(context.prisma, { ...limit, limit: limit.limit + 1 }, context.now);
    const decision = await consumeRateLimit(context.prisma, { ...limit, now: context.now });
    if (decision.allowed) continue;
    if (!wasLimited)
      await recordAudit(context.prisma, audit(context, "SIGN_IN_LOCKED_OUT", actorId, { limit: limit.name }));
    if (!refused || decision.retryAfterSeconds > refused.retryAfterSeconds)
      refused = { name: limit.name, retryAfterSeconds: decision.retryAfterSeconds };
  }
  if (!refused) return;
  context.countFailure?.("too-many");
  throw new RateLimitedError(MESSAGES[refused.name], refused.retryAfterSeconds);
}

/** Refuses a code step while the account's wrong codes are used up, then counts this try (before checking it). */
async function checkSecondFactorLimits(context: AuthContext, staffId: string): Promise<void> {
  const failures = toLimit(context, "secondFactorFailures", staffId);
  if (await isRateLimited(context.prisma, failures, context.now)) {
    context.countFailure?.("locked");
    throw new RateLimitedError(MESSAGES.secondFactorFailures, Math.ceil(failures.windowMs / 1000));
  }
  await consumeLimits(context, [toLimit(context, "secondFactor", staffId)], staffId);
}

/** Counts a wrong code; the one that uses up the allowance is audited as the lock-out. */
async function countSecondFactorFailure(context: AuthContext, staffId: string, method: string): Promise<void> {
  context.countFailure?.("wrong-code");
  await recordAudit(context.prisma, audit(context, "SECOND_FACTOR_FAILED", staffId, { method }));
  const failures = toLimit(context, "secondFactorFailures", staffId);
  await consumeRateLimit(context.prisma, { ...failures, now: context.now });
  if (await isRateLimited(context.prisma, failures, context.now))
    await recordAudit(context.prisma, audit(context, "SIGN_IN_LOCKED_OUT", staffId, { limit: "secondFactorFailures" }));
}

/** A random session token: the cookie holds it, the database only its keyed hash. */
function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The session cookie holds a random token; the database holds only its keyed hash. */
export function hashSessionToken(keyedHash: KeyedHash, token: string): string {
  return keyedHash("staff-session", token);
}

function hashRecoveryCode(keyedHash: KeyedHash, staffId: string, code: string): string {
  return keyedHash("recovery-code", `${staffId}:${code}`);
}

const TOTP_PURPOSE = "totp-secret";

export interface SignInStarted {
  token: string;
  next: SignInNextStep;
}

/**
 * The first step: email and password. A right password opens a pending session (a new token
 * every time, so a token planted before sign-in is worthless) that reaches no staff route: the
 * member must give a code from their authenticator ("second-factor") or set one up ("enrol").
 * Every limit is counted before the password is hashed.
 */
export async function signIn(context: AuthContext, request: SignInRequest): Promise<SignInStarted> {
  const { prisma, now } = context;
  const failures = toLimit(context, "accountFailures", request.email);
  // A locked account stays locked even for the right password, or the lock would leak which
  // guess was right. Checked first, so a locked account costs no hashing either.
  if (await isRateLimited(prisma, failures, now)) {
    context.countFailure?.("locked");
    throw new RateLimitedError(MESSAGES.accountFailures, Math.ceil(LIMITS.accountFailures.windowMs / 1000));
  }
  const staff = await findStaffForSignIn(prisma, request.email);
  await consumeLimits(
    context,
    [
      toLimit(context, "overall", "everyone"),
      toLimit(context, "ip", context.ip),
      toLimit(context, "accountAttempts", request.email),
    ],
    staff?.id ?? null,
  );
  const matches = await verifyPassword(staff?.passwordHash ?? (await getDecoyHash()), request.password);

  if (!staff || !matches || !staff.active) {
    // The email typed is never recorded: for an unknown account it may be a password typed in the wrong box.
    const reason = !staff ? "unknown-account" : !matches ? "wrong-password" : "inactive-account";
    context.countFailure?.(reason);
    await recordAudit(prisma, audit(context, "SIGN_IN_FAILED", staff?.id ?? null, { reason }));
    const decision = await consumeRateLimit(prisma, { ...failures, now });
    // The failure that uses up the allowance locks the account (it was not locked when this began).
    if (await isRateLimited(prisma, failures, now))
      await recordAudit(prisma, audit(context, "SIGN_IN_LOCKED_OUT", staff?.id ?? null, { limit: "accountFailures" }));
    if (!decision.allowed) throw new RateLimitedError(MESSAGES.accountFailures, decision.retryAfterSeconds);
    throw new AppError("UNAUTHENTICATED", WRONG_PASSWORD);
  }

  const next: SignInNextStep = staff.totpEnabledAt ? "second-factor" : "enrol";
  const token = newToken();
  await createSession(prisma, {
    tokenHash: hashSessionToken(context.keyedHash, token),
    staffId: staff.id,
    now,
    stage: next,
    method: "password",
  });
  return { token, next };
}

/**
 * Starts a signed-in session straight away, for a sign-in proven some other way (single
 * sign-on). Returns the new token for the cookie.
 */
export async function startSignedInSession(
  context: Pick<AuthContext, "prisma" | "keyedHash" | "now">,
  staffId: string,
  method: "password" | "sso",
): Promise<string> {
  const token = newToken();
  await createSession(context.prisma, {
    tokenHash: hashSessionToken(context.keyedHash, token),
    staffId,
    now: context.now,
    stage: "signed-in",
    method,
  });
  return token;
}

interface ResolvedSession {
  stage: SessionStage;
  staff: StaffProfile;
}

async function resolveAnySession(
  context: Pick<AuthContext, "prisma" | "keyedHash" | "now">,
  token: string,
): Promise<ResolvedSession | null> {
  const { prisma, now } = context;
  const tokenHash = hashSessionToken(context.keyedHash, token);
  const session = await findSession(prisma, tokenHash);
  if (!session) return null;
  const stage = session.stage as SessionStage;
  const age = now.getTime() - session.createdAt.getTime();
  const idle = now.getTime() - session.lastSeenAt.getTime() > IDLE_MS;
  const tooOld = age > (stage === "signed-in" ? ABSOLUTE_MS : PENDING_MS);
  if (idle || tooOld || !session.staff.active) {
    await deleteSession(prisma, tokenHash);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(prisma, tokenHash, now);
  return { stage, staff: StaffProfileSchema.parse(session.staff) };
}

/** The member of staff behind a signed-in session, or null when it is unknown, expired, disabled or still pending. */
export async function resolveSession(
  context: Pick<AuthContext, "prisma" | "keyedHash" | "now">,
  token: string,
): Promise<StaffProfile | null> {
  const session = await resolveAnySession(context, token);
  return session?.stage === "signed-in" ? session.staff : null;
}

/** The member behind a pending session at `stage`; 401 when there is none (expired, ended, another stage). */
async function getPendingSession(context: AuthContext, token: string | undefined, stage: SessionStage) {
  const session = token ? await resolveAnySession(context, token) : null;
  if (!session || session.stage !== stage) throw new AppError("UNAUTHENTICATED", PENDING_ENDED);
  return { token: token as string, staff: session.staff };
}

export interface SignedInWithToken {
  token: string;
  staff: StaffProfile;
}

/**
 * The second step: a code from the authenticator app (each time step accepted once) or an
 * unused recovery code (then used up). Success replaces the pending session with a signed-in
 * one under a new token. Codes tried are counted per account before checking.
 */
export async function completeSecondFactor(
  context: AuthContext,
  token: string | undefined,
  code: string,
): Promise<SignedInWithToken> {
  const { prisma, now, keyedHash } = context;
  const { staff } = await getPendingSession(context, token, "second-factor");
  await checkSecondFactorLimits(context, staff.id);

  let method: "authenticator" | "recovery-code" | null = null;
  if (isAuthenticatorCode(code)) {
    const state = await findTotpState(prisma, staff.id);
    if (state?.totpSecret && state.totpEnabledAt) {
      const secret = context.encryption.decrypt(TOTP_PURPOSE, state.totpSecret, staff.id);
      const lastStep = state.totpLastStep === null ? null : Number(state.totpLastStep);
      const step = verifyTotpCode(secret, code, now, lastStep);
      if (step !== null && (await acceptTotpStep(prisma, staff.id, step))) method = "authenticator";
    }
  } else if (
    await useRecoveryCode(prisma, { staffId: staff.id, codeHash: hashRecoveryCode(keyedHash, staff.id, code), now })
  ) {
    method = "recovery-code";
  }

  if (!method) {
    await countSecondFactorFailure(context, staff.id, isAuthenticatorCode(code) ? "authenticator" : "recovery-code");
    throw new AppError("UNAUTHENTICATED", WRONG_CODE, [{ field: "code", message: WRONG_CODE }]);
  }

  const newTokenValue = newToken();
  const promoted = await promoteSession(prisma, {
    oldTokenHash: hashSessionToken(keyedHash, token as string),
    newTokenHash: hashSessionToken(keyedHash, newTokenValue),
    staffId: staff.id,
    now,
    audit: [
      ...(method === "recovery-code" ? [audit(context, "RECOVERY_CODE_USED", staff.id)] : []),
      audit(context, "SIGNED_IN", staff.id, { method }),
    ],
  });
  if (!promoted) throw new AppError("UNAUTHENTICATED", PENDING_ENDED);
  return { token: newTokenValue, staff };
}

/**
 * Enrolment, first half: the authenticator secret to set up, kept encrypted and pending until a
 * code confirms it. Asking again gives the same secret, so a reloaded page shows the same QR code.
 */
export async function getEnrolment(context: AuthContext, token: string | undefined): Promise<AuthenticatorEnrolment> {
  const { prisma, encryption } = context;
  const { staff } = await getPendingSession(context, token, "enrol");
  const state = await findTotpState(prisma, staff.id);
  let secret: string;
  if (state?.totpSecret && !state.totpEnabledAt) {
    secret = encryption.decrypt(TOTP_PURPOSE, state.totpSecret, staff.id);
  } else {
    secret = createTotpSecret();
    if (!(await savePendingTotpSecret(prisma, staff.id, encryption.encrypt(TOTP_PURPOSE, secret, staff.id))))
      throw new AppError("CONFLICT", "An authenticator app is already set up for this account. Sign in again.");
  }
  return {
    secret,
    accountName: staff.email,
    issuer: TOTP_ISSUER,
    qrCode: toQrCodeDataUri(toTotpUri(secret, staff.email)),
  };
}

/**
 * Enrolment, second half: the first code from the app proves it is set up. The second factor
 * comes into force, 10 recovery codes are made (returned this once, kept only as keyed
 * hashes), and the pending session becomes a signed-in one under a new token.
 */
export async function confirmEnrolment(
  context: AuthContext,
  token: string | undefined,
  code: string,
): Promise<SignedInWithToken & Pick<EnrolmentConfirmed, "recoveryCodes">> {
  const { prisma, now, keyedHash, encryption } = context;
  const { staff } = await getPendingSession(context, token, "enrol");
  await checkSecondFactorLimits(context, staff.id);
  const state = await findTotpState(prisma, staff.id);
  if (!state?.totpSecret || state.totpEnabledAt)
    throw new AppError("CONFLICT", "Start setting up your authenticator app again: the key has changed.");
  const step = verifyTotpCode(encryption.decrypt(TOTP_PURPOSE, state.totpSecret, staff.id), code, now, null);
  if (step === null) {
    await countSecondFactorFailure(context, staff.id, "enrolment");
    throw new AppError("UNAUTHENTICATED", WRONG_CODE, [{ field: "code", message: WRONG_CODE }]);
  }
  const recoveryCodes = createRecoveryCodes();
  const newTokenValue = newToken();
  const enabled = await enableSecondFactor(prisma, {
    staffId: staff.id,
    sealedSecret: state.totpSecret,
    step,
    recoveryCodeHashes: recoveryCodes.map((recoveryCode) => hashRecoveryCode(keyedHash, staff.id, recoveryCode)),
    oldTokenHash: hashSessionToken(keyedHash, token as string),
    newTokenHash: hashSessionToken(keyedHash, newTokenValue),
    now,
    audit: [
      audit(context, "SECOND_FACTOR_ENROLLED", staff.id, { method: "authenticator" }),
      audit(context, "SIGNED_IN", staff.id, { method: "enrolment" }),
    ],
  });
  if (!enabled) throw new AppError("UNAUTHENTICATED", PENDING_ENDED);
  return { token: newTokenValue, staff, recoveryCodes: recoveryCodes.map(formatRecoveryCode) };
}

/** Ends the session on the server (any stage): the token is useless afterwards, even if copied. */
export async function signOut(context: AuthContext, token: string): Promise<void> {
  const staffId = await deleteSession(context.prisma, hashSessionToken(context.keyedHash, token));
  if (staffId) await recordAudit(context.prisma, audit(context, "SIGNED_OUT", staffId));
}

/** Puts a known authenticator secret in force for a member (the demo seed's documented secret). */
export async function setAuthenticatorSecret(
  prisma: PrismaClient,
  encryption: Encryption,
  input: { staffId: string; secret: string; now: Date },
): Promise<void> {
  await setSecondFactor(prisma, {
    staffId: input.staffId,
    sealedSecret: encryption.encrypt(TOTP_PURPOSE, input.secret, input.staffId),
    now: input.now,
  });
}

/** Removes sessions past any timeout (a scheduled clean-up; expiry is enforced on use regardless). */
export async function deleteStaleSessions(prisma: PrismaClient, now: Date): Promise<number> {
  return deleteExpiredSessions(prisma, {
    idleBefore: new Date(now.getTime() - IDLE_MS),
    createdBefore: new Date(now.getTime() - ABSOLUTE_MS),
    pendingCreatedBefore: new Date(now.getTime() - PENDING_MS),
  });
}
