import { z } from "zod";

const EmailSchema = z.email().max(254);
const ENTRA_HOST = "login.microsoftonline.com";

export type VerifiedEmailOutcome = { kind: "verified"; email: string } | { kind: "missing" } | { kind: "unverified" };

/**
 * The email address the provider vouches for, lower-cased as staff emails are stored.
 *
 * Standard providers say so with `email_verified: true`. Microsoft Entra ID never sends
 * `email_verified`; it sends `xms_edov: true` (an optional claim the app registration must
 * ask for) when the tenant has proved it owns the email's domain. The issuer names one
 * tenant (config/env.ts refuses the shared endpoints), so that tenant's admins answer for the
 * address. An explicit `email_verified: false` is never overridden. See decision 014.
 */
export function findVerifiedEmail(claims: Record<string, unknown> & { iss: string }): VerifiedEmailOutcome {
  const parsed = EmailSchema.safeParse(claims.email);
  if (!parsed.success) return { kind: "missing" };
  const email = parsed.data.trim().toLowerCase();
  if (claims.email_verified === true) return { kind: "verified", email };
  if (claims.email_verified === undefined && isEntraIssuer(claims.iss) && claims.xms_edov === true)
    return { kind: "verified", email };
  return { kind: "unverified" };
}

function isEntraIssuer(issuer: string): boolean {
  return URL.canParse(issuer) && new URL(issuer).hostname === ENTRA_HOST;
}
