import { randomInt } from "node:crypto";
import { RECOVERY_CODE_ALPHABET, RECOVERY_CODE_COUNT } from "@psu/domain";
import { generateSecret, generateSync, generateURI, verifySync } from "otplib";
import { renderSVG } from "uqr";

// TOTP as RFC 6238 and every authenticator app use it: SHA-1, 6 digits, 30-second steps.
const PERIOD_SECONDS = 30;
/** One step either side of now, for a phone's clock a little off and the seconds spent typing. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;

/** The name authenticator apps show above the code. */
export const TOTP_ISSUER = "PSU London and KSS";

/** A new TOTP secret: 20 random bytes (RFC 4226's recommended length), base32. */
export function createTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The time step a moment falls in (what `totp_last_step` stores). */
export function toTotpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);
}

/** The code an authenticator app shows at `now` (for the demo's code printer and tests). */
export function generateTotpCode(secret: string, now: Date): string {
  return generateSync({ secret, epoch: Math.floor(now.getTime() / 1000), period: PERIOD_SECONDS });
}

/**
 * Checks a code against now and one step either side. Returns the step it matched, or null;
 * a step at or before `afterStep` (the last one accepted) is refused, so no code works twice.
 */
export function verifyTotpCode(secret: string, code: string, now: Date, afterStep: number | null): number | null {
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    period: PERIOD_SECONDS,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function toTotpUri(secret: string, accountName: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountName, secret, period: PERIOD_SECONDS });
}

/** The address as a QR code: an SVG image in a data: URI (the CSP allows data: images, no inline script). */
export function toQrCodeDataUri(text: string): string {
  const svg = renderSVG(text, { border: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}

/** Fresh one-time recovery codes, unformatted (10 characters each, about 48 bits). */
export function createRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: 10 }, () => RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)]).join(""),
  );
}
