import { z } from "zod";
import { StaffProfileSchema } from "../staff/staff";
import { createSingleLineTextSchema } from "../text/text-input";

// Staff sign-in in stages: a right password opens a short pending session, and only a second
// factor (a TOTP code or a one-time recovery code) makes it a signed-in one. Shared by the API
// (validation, OpenAPI) and the web app (forms, parsing answers).

/** What a pending session still needs: a code ("second-factor"), or setting up an authenticator first ("enrol"). */
export const SIGN_IN_NEXT_STEPS = ["second-factor", "enrol"] as const;
export const SignInNextStepSchema = z.enum(SIGN_IN_NEXT_STEPS);
export type SignInNextStep = z.infer<typeof SignInNextStepSchema>;

/** The answer to a right email and password: what to do next. */
export const SignInStartedSchema = z.object({ next: SignInNextStepSchema });
export type SignInStarted = z.infer<typeof SignInStartedSchema>;

/** Minutes a pending session (password right, second factor not yet given) lasts. */
export const PENDING_SIGN_IN_MINUTES = 10;

/** How many one-time recovery codes an enrolment gives. */
export const RECOVERY_CODE_COUNT = 10;

/** Recovery codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), shown as XXXXX-XXXXX. */
export const RECOVERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXY";
const RECOVERY_CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTVWXY]{10}$/;
const TOTP_CODE_PATTERN = /^\d{6}$/;

/** Removes what people type between characters (spaces, hyphens) and ignores case. */
function tidyCode(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase();
}

/** True for a 6-digit authenticator code (after tidying). */
export function isAuthenticatorCode(code: string): boolean {
  return TOTP_CODE_PATTERN.test(code);
}

/** A recovery code as shown to people: XXXXX-XXXXX. */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** An authenticator secret (base32) in groups of four, for typing into an app by hand. */
export function formatAuthenticatorKey(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/** The code from an authenticator app: 6 digits, spaces allowed. */
export const AuthenticatorCodeSchema = createSingleLineTextSchema("The code", {
  error: "Enter the 6-digit code from your authenticator app",
})
  .max(64, "Enter the 6-digit code from your authenticator app")
  .transform(tidyCode)
  .pipe(z.string().regex(TOTP_CODE_PATTERN, "Enter the 6-digit code from your authenticator app"));

/** A recovery code as typed: 10 characters, hyphen and spaces allowed, any case. */
export const RecoveryCodeSchema = createSingleLineTextSchema("The recovery code", {
  error: "Enter one of your recovery codes",
})
  .max(64, "Enter a recovery code like ABCDE-23456")
  .transform(tidyCode)
  .pipe(z.string().regex(RECOVERY_CODE_PATTERN, "Enter a recovery code like ABCDE-23456"));

/** The second step of sign-in: either kind of code in one field (the API tells them apart by shape). */
export const SecondFactorRequestSchema = z.object({
  code: createSingleLineTextSchema("The code", {
    error: "Enter the code from your authenticator app, or a recovery code",
  })
    .max(64, "Enter the code from your authenticator app, or a recovery code")
    .transform(tidyCode)
    .pipe(
      z.string().refine((code) => TOTP_CODE_PATTERN.test(code) || RECOVERY_CODE_PATTERN.test(code), {
        error: "Enter the 6-digit code from your authenticator app, or a recovery code",
      }),
    ),
});
export type SecondFactorRequest = z.infer<typeof SecondFactorRequestSchema>;

/** What an authenticator app needs to be set up: the key (base32) and a QR code of its otpauth:// address. */
export const AuthenticatorEnrolmentSchema = z.object({
  /** Base32, as typed into an app by hand (shown in groups of four). */
  secret: z.string(),
  /** The name the app shows for this account. */
  accountName: z.string(),
  issuer: z.string(),
  /** The otpauth:// address as an SVG image, in a data: URI (the CSP allows data: images). */
  qrCode: z.string().startsWith("data:image/svg+xml;base64,"),
});
export type AuthenticatorEnrolment = z.infer<typeof AuthenticatorEnrolmentSchema>;

/** Confirms the authenticator is set up: the first code it shows. */
export const ConfirmEnrolmentRequestSchema = z.object({ code: AuthenticatorCodeSchema });
export type ConfirmEnrolmentRequest = z.infer<typeof ConfirmEnrolmentRequestSchema>;

/** After enrolment: signed in, and the recovery codes, shown this once (the server keeps only hashes). */
export const EnrolmentConfirmedSchema = z.object({
  staff: StaffProfileSchema,
  recoveryCodes: z.array(z.string()).length(RECOVERY_CODE_COUNT),
});
export type EnrolmentConfirmed = z.infer<typeof EnrolmentConfirmedSchema>;

/** A completed sign-in: who is signed in. */
export const SignedInSchema = z.object({ staff: StaffProfileSchema });
export type SignedIn = z.infer<typeof SignedInSchema>;
