import { z } from "zod";
import { createSingleLineTextSchema } from "../text/text-input";

/** How the trainee would like the PSU to get in touch. */
export const PREFERRED_CONTACT = ["email", "phone", "either"] as const;
export const PreferredContactSchema = z.enum(PREFERRED_CONTACT, {
  error: "Select how you would like us to contact you",
});
export type PreferredContact = z.infer<typeof PreferredContactSchema>;

export const UK_PHONE_MESSAGE = "Enter a UK phone number, like 07700 900 982 or 020 7946 0000";
const PHONE_MISSING = "Enter your phone number";

// Long enough for "+44 (0) 20 7946 0000" typed generously, short enough that nothing else fits.
const PHONE_MAX_LENGTH = 30;

// What people put between digits: spaces, dashes (including the ones phones autocorrect to),
// brackets and dots.
const PHONE_SEPARATORS = /[\s\u2010-\u2015\u2212().-]/g;

// National numbers without the leading 0 (Ofcom's numbering plan):
// - 7[1-57-9]: mobiles (070 is personal numbering and 076 pagers, neither a trainee's own phone);
//   7624 is the Isle of Man's mobiles, in the same plan.
// - 1: geographic numbers, 9 or 10 digits after the 0 (a few small areas have 9).
// - 2: geographic numbers in London, Cardiff, Belfast and others, always 10 digits after the 0.
const UK_NATIONAL_NUMBER = /^(7[1-57-9]\d{8}|7624\d{6}|1\d{8,9}|2\d{9})$/;

/** Turns a UK mobile or landline number as typed into E.164 (+447700900982), or null when it is not one. */
export function normaliseUkPhoneNumber(text: string): string | null {
  const compact = text.trim().replace(PHONE_SEPARATORS, "");
  let national: string;
  if (compact.startsWith("+44")) national = compact.slice(3);
  else if (compact.startsWith("0044")) national = compact.slice(4);
  else if (compact.startsWith("0")) national = compact;
  else return null;
  // "+44 (0)20 ..." keeps the trunk 0 by habit; after +44 it is dropped.
  if (national.startsWith("0")) national = national.slice(1);
  return UK_NATIONAL_NUMBER.test(national) ? `+44${national}` : null;
}

/** A UK mobile or landline number, typed any usual way, parsed to E.164 (+447700900982). */
export const UkPhoneSchema = createSingleLineTextSchema("Phone number", { error: PHONE_MISSING })
  .trim()
  .min(1, PHONE_MISSING)
  .max(PHONE_MAX_LENGTH, UK_PHONE_MESSAGE)
  .transform((text, context) => {
    const phone = normaliseUkPhoneNumber(text);
    if (phone === null) {
      context.issues.push({ code: "custom", message: UK_PHONE_MESSAGE, input: text });
      return z.NEVER;
    }
    return phone;
  });

/** The longest email address that can be delivered to (RFC 5321 path limit). */
export const EMAIL_MAX_LENGTH = 254;

const EMAIL_MISSING = "Enter your personal email address";
const EMAIL_INVALID = "Enter an email address in the correct format, like name@example.com";

/** Lowercases the part after the last @: domains are case-insensitive, mailbox names may not be. */
export function lowercaseEmailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at === -1 ? email : email.slice(0, at + 1) + email.slice(at + 1).toLowerCase();
}

/** The trainee's own email address (not a work one an employer can read), trimmed, with its domain lowercased. */
export const PersonalEmailSchema = createSingleLineTextSchema("Email address", { error: EMAIL_MISSING })
  .trim()
  .min(1, EMAIL_MISSING)
  .max(EMAIL_MAX_LENGTH, `Email address must be ${EMAIL_MAX_LENGTH} characters or fewer`)
  .pipe(z.email({ error: EMAIL_INVALID }))
  .transform(lowercaseEmailDomain);
