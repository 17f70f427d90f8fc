import type { SsoErrorCode } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import * as client from "openid-client";
import type { KeyedHash } from "../../security/server-secret";
import { recordAudit } from "../audit/audit.repository";
import { startSignedInSession } from "../auth/auth.service";
import type { OpenIdConnect } from "./openid-connect";
import { createAttempt, deleteAttemptsBefore, findStaffByEmail, takeAttempt } from "./sso.repository";
import { findVerifiedEmail } from "./verified-email";

/** How long a sign-in attempt may take at the provider before its callback is refused. */
export const ATTEMPT_LIFETIME_MS = 10 * 60_000;
const STATE_SCOPE = "oidc-state";

export interface SsoContext {
  prisma: PrismaClient;
  keyedHash: KeyedHash;
  oidc: OpenIdConnect;
  now: Date;
  /** The client's address, for the audit log (hashed there). */
  ip: string;
}

/** Why a sign-in by SSO was refused, for the audit log: a code, never the email or a claim. */
type RefusalReason =
  | "PROVIDER_UNAVAILABLE"
  | "STATE_MISSING"
  | "ATTEMPT_UNKNOWN"
  | "ATTEMPT_EXPIRED"
  | "PROVIDER_DENIED"
  | "RESPONSE_INVALID"
  | "EMAIL_MISSING"
  | "EMAIL_UNVERIFIED"
  | "UNKNOWN_EMAIL"
  | "ACCOUNT_DISABLED";

export type StartOutcome = { kind: "redirect"; url: URL } | { kind: "refused"; code: SsoErrorCode };

export type CallbackResult =
  | { kind: "signed-in"; token: string; staffId: string; returnTo: string | null }
  | {
      kind: "refused";
      code: SsoErrorCode;
      reason: RefusalReason;
      /** A protocol detail for the log (an OAuth error code), never personal data. */
      detail?: string;
      /** The member of staff refused, when the email matched a disabled one. */
      staffId?: string;
    };

/**
 * Starts a sign-in at the provider: fresh state, nonce and PKCE verifier, kept server-side (any
 * instance can serve the callback) under the keyed hash of the state, for 10 minutes.
 */
export async function startSsoSignIn(context: SsoContext, returnTo: string | null): Promise<StartOutcome> {
  const checks = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
  };
  const url = await context.oidc.buildAuthorizationUrl(checks);
  if (!url) return { kind: "refused", code: "unavailable" };
  // Abandoned attempts go as new ones start: the table stays as small as the last 10 minutes.
  await deleteAttemptsBefore(context.prisma, new Date(context.now.getTime() - ATTEMPT_LIFETIME_MS));
  await createAttempt(context.prisma, {
    stateHash: context.keyedHash(STATE_SCOPE, checks.state),
    nonce: checks.nonce,
    codeVerifier: checks.codeVerifier,
    returnTo,
    createdAt: context.now,
  });
  return { kind: "redirect", url };
}

/**
 * Finishes a sign-in from the provider's callback: the attempt is used once, the code exchanged
 * and checked, and a verified email must match an existing active member of staff (nobody is
 * created here; roles stay in the app). Every outcome is audited, without the email.
 */
export async function finishSsoSignIn(
  context: SsoContext,
  callback: { state: string | undefined; query: string },
): Promise<CallbackResult> {
  const result = await checkCallback(context, callback);
  if (result.kind === "signed-in") {
    await recordAudit(context.prisma, {
      actorId: result.staffId,
      action: "SSO_SIGN_IN_SUCCEEDED",
      detail: { method: "sso" },
      ip: context.ip,
    });
  } else {
    await recordAudit(context.prisma, {
      actorId: result.staffId ?? null,
      action: "SSO_SIGN_IN_REFUSED",
      detail: { reason: result.reason },
      ip: context.ip,
    });
  }
  return result;
}

async function checkCallback(
  context: SsoContext,
  callback: { state: string | undefined; query: string },
): Promise<CallbackResult> {
  if (!callback.state) return refuse("expired", "STATE_MISSING");
  const attempt = await takeAttempt(context.prisma, context.keyedHash(STATE_SCOPE, callback.state));
  if (!attempt) return refuse("expired", "ATTEMPT_UNKNOWN");
  if (context.now.getTime() - attempt.createdAt.getTime() > ATTEMPT_LIFETIME_MS)
    return refuse("expired", "ATTEMPT_EXPIRED");

  const outcome = await context.oidc.finishAuthorization(callback.query, {
    state: callback.state,
    nonce: attempt.nonce,
    codeVerifier: attempt.codeVerifier,
  });
  if (outcome.kind === "unavailable") return refuse("unavailable", "PROVIDER_UNAVAILABLE", outcome.detail);
  if (outcome.kind === "denied") return refuse("denied", "PROVIDER_DENIED", outcome.detail);
  if (outcome.kind === "invalid") return refuse("failed", "RESPONSE_INVALID", outcome.detail);

  const email = findVerifiedEmail(outcome.claims);
  if (email.kind === "missing") return refuse("no-verified-email", "EMAIL_MISSING");
  if (email.kind === "unverified") return refuse("no-verified-email", "EMAIL_UNVERIFIED");
  const staff = await findStaffByEmail(context.prisma, email.email);
  if (!staff) return refuse("no-account", "UNKNOWN_EMAIL");
  if (!staff.active) return { ...refuse("no-account", "ACCOUNT_DISABLED"), staffId: staff.id };

  const token = await startSignedInSession(context, staff.id, "sso");
  return { kind: "signed-in", token, staffId: staff.id, returnTo: attempt.returnTo };
}

function refuse(code: SsoErrorCode, reason: RefusalReason, detail?: string): CallbackResult & { kind: "refused" } {
  return { kind: "refused", code, reason, ...(detail ? { detail } : {}) };
}
