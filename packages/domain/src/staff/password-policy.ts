import { createSingleLineTextSchema } from "../text/text-input";

// NCSC password guidance: a length floor, a generous ceiling, no composition rules (they push
// people to predictable patterns), and a block on passwords attackers try first. The length
// rule lives here for the API and the web form alike; the list of common and breached passwords
// is checked by the API only (apps/api/src/modules/account/common-passwords.ts), so the web
// bundle does not carry it.

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase or password manager; short enough to keep argon2id's input sane. */
export const PASSWORD_MAX_LENGTH = 256;

/** What a new password is refused for, in the words staff see next to the field. */
export const PASSWORD_MESSAGES = {
  missing: "Enter a password",
  tooShort: `Your password must be at least ${PASSWORD_MIN_LENGTH} characters`,
  tooLong: `Your password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
  common: "Choose a password that is harder to guess: this one is on a list of common passwords",
  containsEmail: "Your password must not contain your email address or the name in it",
} as const;

/** The hint shown under every new-password field. */
export const PASSWORD_HINT = `Use at least ${PASSWORD_MIN_LENGTH} characters. Three or more random words together are easy to remember and hard to guess.`;

/** A new password as chosen by its owner: the length rule only (the API adds the list and email checks). */
export const NewPasswordSchema = createSingleLineTextSchema("Password", { error: PASSWORD_MESSAGES.missing })
  .min(1, PASSWORD_MESSAGES.missing)
  .min(PASSWORD_MIN_LENGTH, PASSWORD_MESSAGES.tooShort)
  .max(PASSWORD_MAX_LENGTH, PASSWORD_MESSAGES.tooLong);

// Pieces shorter than this ("al", "jo") would refuse too many good passwords to be worth it.
const SHORTEST_EMAIL_PIECE = 4;

/**
 * True when the password holds the email address's local part, or one of its words
 * ("sam.spoc@nhs.net": "sam.spoc", "spoc"; pieces under 4 characters are ignored), in any case.
 */
export function passwordContainsEmail(password: string, email: string): boolean {
  const localPart = email.split("@")[0]?.toLowerCase() ?? "";
  const pieces = [localPart, ...localPart.split(/[._+-]+/)].filter((piece) => piece.length >= SHORTEST_EMAIL_PIECE);
  const lowered = password.toLowerCase();
  return pieces.some((piece) => lowered.includes(piece));
}
