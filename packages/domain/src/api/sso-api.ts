import { z } from "zod";
import { keysOf } from "../keys-of";
import { createSingleLineTextSchema } from "../text/text-input";

/** How staff may sign in here: the web app shows the single sign-on button and the password form by this. */
export const SignInOptionsSchema = z.object({
  passwordSignIn: z.boolean(),
  /** Present when single sign-on is configured: the button's words. */
  singleSignOn: z.object({ label: z.string() }).nullable(),
});
export type SignInOptions = z.infer<typeof SignInOptionsSchema>;

/**
 * Why a single sign-on ended back on the sign-in page, as the `sso-error` query parameter (a
 * short code, never personal data), and what the sign-in page then says.
 */
export const SSO_ERROR_MESSAGES = {
  // The identity provider could not be reached (or answered nonsense about itself).
  unavailable: "Single sign-on is not working at the moment. Try again in a few minutes.",
  // No sign-in attempt matches: older than 10 minutes, already used, or never started here.
  expired: "Signing in took too long, or the sign-in link was already used. Try again.",
  // The provider said no, or the person cancelled there.
  denied: "Signing in with your organisation account was cancelled. Try again.",
  // The provider's answer did not pass the checks (state, nonce, issuer, audience, signature).
  failed: "We could not confirm who you are with your organisation's sign-in service. Try again.",
  // The provider gave no email address it vouches for.
  "no-verified-email":
    "Your organisation account did not give us a confirmed email address, so we cannot tell who you are. Ask a PSU admin to check the single sign-on set-up.",
  // No active member of staff has that email address.
  "no-account":
    "There is no active PSU staff account with the email address of the account you signed in with. Ask a PSU admin to add you with that email address.",
  // Too many single sign-on requests from one address in a short time.
  "too-many": "There have been too many attempts to sign in from here. Wait 15 minutes, then try again.",
} as const;
export const SSO_ERROR_CODES = keysOf(SSO_ERROR_MESSAGES);
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
