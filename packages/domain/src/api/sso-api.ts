import { z } from "zod";
import { createSingleLineTextSchema } from "../text/text-input";

/** How staff may sign in here: the web app shows the single sign-on button and the password form by this. */
export const SignInOptionsSchema = z.object({
  passwordSignIn: z.boolean(),
  /** Present when single sign-on is configured: the button's words. */
  singleSignOn: z.object({ label: z.string() }).nullable(),
});
export type SignInOptions = z.infer<typeof SignInOptionsSchema>;

/**
 * Why a single sign-on ended back on the sign-in page, as the `sso-error` query parameter: a
 * short code, never personal data. The sign-in page turns each into a message.
 */
export const SSO_ERROR_CODES = [
  // The identity provider could not be reached (or answered nonsense about itself).
  "unavailable",
  // No sign-in attempt matches: older than 10 minutes, already used, or never started here.
  "expired",
  // The provider said no, or the person cancelled there.
  "denied",
  // The provider's answer did not pass the checks (state, nonce, issuer, audience, signature).
  "failed",
  // The provider gave no email address it vouches for.
  "no-verified-email",
  // No active member of staff has that email address.
  "no-account",
  // Too many single sign-on requests from one address in a short time.
  "too-many",
] as const;
export const SsoErrorCodeSchema = z.enum(SSO_ERROR_CODES);
export type SsoErrorCode = z.infer<typeof SsoErrorCodeSchema>;

/** The query parameter that carries an `SsoErrorCode` back to the sign-in page. */
export const SSO_ERROR_PARAMETER = "sso-error";

/**
 * Where to go after signing in: a path inside the staff side only (never another site, so the
 * sign-in cannot be used to send someone elsewhere).
 */
export const StaffReturnPathSchema = createSingleLineTextSchema("The return address")
  .max(500)
  .regex(/^\/staff(\/[\w-]+)*(\?[\w=&%.-]*)?$/, "Must be a path on the staff side");

export const SsoStartQuerySchema = z.object({ returnTo: StaffReturnPathSchema.optional() });
