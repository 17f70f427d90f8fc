import { randomBytes } from "node:crypto";
import {
  type AuditAction,
  type ChangePasswordRequest,
  INVALID_LINK_MESSAGE,
  INVITATION_HOURS,
  type LinkHolder,
  PASSWORD_MESSAGES,
  PASSWORD_RESET_MINUTES,
  type PasswordResetRequest,
  passwordContainsEmail,
  type SetPasswordRequest,
  type StaffProfile,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { AppError } from "../../errors/app-error";
import type { KeyedHash } from "../../security/server-secret";
import type { AuditRecord } from "../audit/audit.repository";
import { getDecoyHash, hashPassword, verifyPassword } from "../auth/password";
import {
  consumeRateLimit,
  enforceRateLimits,
  isRateLimited,
  type RateLimit,
  RateLimitedError,
  toRateLimitKey,
} from "../rate-limit/rate-limit.service";
import {
  changePassword,
  createOneTimeLink,
  findLinkHolder,
  findPasswordHolder,
  findStaffByEmail,
  type LinkPurpose,
  type NewOneTimeLink,
  setPasswordWithLink,
} from "./account.repository";
import { isCommonPassword } from "./common-passwords";

/** What one-time links need from the app: the keyed hash for tokens, and the address in the emailed link. */
export interface LinkSettings {
  keyedHash: KeyedHash;
  /** Where staff reach the service (PUBLIC_URL), never taken from a request's Host header. */
  publicUrl: string;
}

/** When and from where a request came. */
export interface RequestContext {
  now: Date;
  ip: string;
}

const TOKEN_SCOPE = "staff-token";
const LINK_PATHS: Readonly<Record<LinkPurpose, string>> = {
  invitation: "/staff/invitation",
  "password-reset": "/staff/password-reset/new",
};
const LINK_LIFETIME_MS: Readonly<Record<LinkPurpose, number>> = {
  invitation: INVITATION_HOURS * 3_600_000,
  "password-reset": PASSWORD_RESET_MINUTES * 60_000,
};

// Reset requests: an IP that asks too often is told so (429); an address asked for too often
// gets no more emails, with the same answer as ever, so neither limit says whether it exists.
const RESET_PER_IP = { limit: 10, windowMs: 15 * 60_000 };
const RESET_PER_EMAIL = { limit: 3, windowMs: 60 * 60_000 };
const RESET_THROTTLED = "Too many password reset requests from this network. Wait 15 minutes, then try again.";
// Guessing a signed-in member's current password (on a computer left unlocked) is limited like sign-in.
const WRONG_CURRENT_PASSWORD = { limit: 5, windowMs: 15 * 60_000 };
const CURRENT_PASSWORD_LOCKED = "Too many wrong passwords. Wait 15 minutes, then try again.";

function hashToken(settings: LinkSettings, token: string): string {
  return settings.keyedHash(TOKEN_SCOPE, token);
}

/**
 * Plans a one-time link for a member: 32 random bytes (base64url) in the fragment of the
 * emailed URL, so it never reaches a server log; only its keyed hash is stored.
 */
export function planOneTimeLink(
  settings: LinkSettings,
  input: {
    staffId: string;
    /** Where to email the link; null to hand it to whoever runs the create-admin command instead. */
    emailTo: string | null;
    purpose: LinkPurpose;
    now: Date;
    audit: AuditRecord;
  },
): NewOneTimeLink {
  const token = randomBytes(32).toString("base64url");
  return {
    staffId: input.staffId,
    purpose: input.purpose,
    tokenHash: hashToken(settings, token),
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + LINK_LIFETIME_MS[input.purpose]),
    url: `${settings.publicUrl}${LINK_PATHS[input.purpose]}#${token}`,
    emailTo: input.emailTo,
    audit: input.audit,
  };
}

/** Refuses a new password that is on the list of common passwords or holds the member's email (400, naming `field`). */
function checkNewPassword(password: string, email: string, field: string): void {
  const message = isCommonPassword(password)
    ? PASSWORD_MESSAGES.common
    : passwordContainsEmail(password, email)
      ? PASSWORD_MESSAGES.containsEmail
      : null;
  if (message) throw new AppError("VALIDATION_FAILED", message, [{ field, message }]);
}

/** Whom a link is for, while it works; one 404 for unknown, expired and used links alike. */
export async function checkLink(
  prisma: PrismaClient,
  settings: LinkSettings,
  purpose: LinkPurpose,
  token: string,
  now: Date,
): Promise<LinkHolder> {
  const holder = await findLinkHolder(prisma, { tokenHash: hashToken(settings, token), purpose, now });
  if (!holder) throw new AppError("NOT_FOUND", INVALID_LINK_MESSAGE);
  return { name: holder.name, email: holder.email };
}

const COMPLETED_ACTION: Readonly<Record<LinkPurpose, AuditAction>> = {
  invitation: "STAFF_INVITATION_ACCEPTED",
  "password-reset": "PASSWORD_RESET_COMPLETED",
};

/**
 * Sets the member's own password from an invitation or a reset link: checked against the
 * policy, the link used up, every session of theirs ended. The second factor is untouched: a
 * reset does not remove it, and an invited member enrols at their first sign-in.
 */
export async function setPasswordFromLink(
  prisma: PrismaClient,
  settings: LinkSettings,
  purpose: LinkPurpose,
  request: SetPasswordRequest,
  context: RequestContext,
): Promise<void> {
  const tokenHash = hashToken(settings, request.token);
  const holder = await findLinkHolder(prisma, { tokenHash, purpose, now: context.now });
  if (!holder) throw new AppError("NOT_FOUND", INVALID_LINK_MESSAGE);
  checkNewPassword(request.password, holder.email, "password");
  const done = await setPasswordWithLink(prisma, {
    tokenHash,
    purpose,
    now: context.now,
    passwordHash: await hashPassword(request.password),
    audit: (staffId, sessionsEnded) => ({
      actorId: staffId,
      ip: context.ip,
      action: COMPLETED_ACTION[purpose],
      detail: { staffId, sessionsEnded },
    }),
  });
  // Used by a request that got there first.
  if (!done) throw new AppError("NOT_FOUND", INVALID_LINK_MESSAGE);
}

/**
 * Emails a reset link when the address belongs to an active member; answers the same either
 * way. Throttled per IP (429) and per address (silently: no more emails that hour).
 */
export async function requestPasswordReset(
  prisma: PrismaClient,
  settings: LinkSettings,
  request: PasswordResetRequest,
  context: RequestContext,
): Promise<{ expiresInMinutes: number }> {
  const answer = { expiresInMinutes: PASSWORD_RESET_MINUTES };
  const perIp: RateLimit = {
    ...RESET_PER_IP,
    key: toRateLimitKey(settings.keyedHash, "password-reset:ip", context.ip),
  };
  await enforceRateLimits(prisma, [perIp], context.now, RESET_THROTTLED);
  const perEmail = {
    ...RESET_PER_EMAIL,
    key: toRateLimitKey(settings.keyedHash, "password-reset:email", request.email),
  };
  if (!(await consumeRateLimit(prisma, { ...perEmail, now: context.now })).allowed) return answer;

  const member = await findStaffByEmail(prisma, request.email);
  if (!member?.active) return answer;
  await createOneTimeLink(
    prisma,
    planOneTimeLink(settings, {
      staffId: member.id,
      emailTo: member.email,
      purpose: "password-reset",
      now: context.now,
      // No actor: whoever asked has not proved who they are.
      audit: { actorId: null, ip: context.ip, action: "PASSWORD_RESET_REQUESTED", detail: { staffId: member.id } },
    }),
  );
  return answer;
}

/**
 * A signed-in member changes their password: the current one first (wrong guesses limited
 * like sign-in), the new one checked by the policy; every other session of theirs ends.
 */
export async function changeOwnPassword(
  prisma: PrismaClient,
  settings: LinkSettings,
  staff: StaffProfile,
  request: ChangePasswordRequest,
  context: RequestContext & { sessionTokenHash: string },
): Promise<{ otherSessionsEnded: number }> {
  const failures: RateLimit = {
    ...WRONG_CURRENT_PASSWORD,
    key: toRateLimitKey(settings.keyedHash, "change-password-failures", staff.id),
  };
  if (await isRateLimited(prisma, failures, context.now)) {
    throw new RateLimitedError(CURRENT_PASSWORD_LOCKED, WRONG_CURRENT_PASSWORD.windowMs / 1000);
  }
  const holder = await findPasswordHolder(prisma, staff.id);
  const matches = await verifyPassword(holder?.passwordHash ?? (await getDecoyHash()), request.currentPassword);
  if (!holder?.passwordHash || !matches) {
    await enforceRateLimits(prisma, [failures], context.now, CURRENT_PASSWORD_LOCKED);
    const message = "Your current password is not right";
    throw new AppError("VALIDATION_FAILED", message, [{ field: "currentPassword", message }]);
  }
  checkNewPassword(request.newPassword, holder.email, "newPassword");
  const otherSessionsEnded = await changePassword(prisma, {
    staffId: staff.id,
    passwordHash: await hashPassword(request.newPassword),
    now: context.now,
    keepSessionHash: context.sessionTokenHash,
    audit: (sessionsEnded) => ({
      actorId: staff.id,
      ip: context.ip,
      action: "PASSWORD_CHANGED",
      detail: { staffId: staff.id, otherSessionsEnded: sessionsEnded },
    }),
  });
  return { otherSessionsEnded };
}
