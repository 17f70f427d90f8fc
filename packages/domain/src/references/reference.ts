import { z } from "zod";
import { createSingleLineTextSchema } from "../text/text-input";

// Case references look like PSU-7K3F-9QX4: "PSU-", then 8 characters shown as two groups of 4.
// The first 7 are random; the 8th is a check character, so a mistyped reference is caught
// before any look-up.
//
// Alphabet: the digits 2-9 and the capital letters without I, L, O, U and Z, so no two
// characters are easily confused when read aloud, handwritten or typed (0/O, 1/I/L, 2/Z,
// U/V). That leaves 29 characters, and 29 being prime is what makes the check work:
//
// A reference is valid when sum(weight[i] * value[i]) is 0 modulo 29, with weights 8, 7, ..., 1
// over the 8 characters (value = position in the alphabet).
// - Changing one character from a to b shifts the sum by weight * (b - a). Every weight
//   (1 to 8) and every difference of two different characters (1 to 28) is non-zero modulo
//   the prime 29, so their product is too: every single substitution is detected.
// - Swapping neighbours a and b shifts the sum by (weight[i] - weight[i+1]) * (b - a) = b - a,
//   non-zero when a and b differ: every adjacent transposition is detected, the check
//   character included.

/** The 29 characters a reference is written in, in value order. */
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXY";

export const REFERENCE_PREFIX = "PSU";

const MODULUS = REFERENCE_ALPHABET.length;
const CODE_LENGTH = 8;
const CANONICAL_PATTERN = new RegExp(`^${REFERENCE_PREFIX}-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`);
const CODE_PATTERN = new RegExp(`^[${REFERENCE_ALPHABET}]{${CODE_LENGTH}}$`);
// Spaces, hyphens and the other dashes a phone keyboard or a pasted email may produce.
const SEPARATORS = /[\s\u2010-\u2015\u2212-]/g;

// Weights 8, 7, ..., 1: each position's weight for the checksum.
function weigh(values: readonly number[]): number {
  return values.reduce((sum, value, index) => sum + (CODE_LENGTH - index) * value, 0);
}

// Only called on text already matched against the alphabet, so every indexOf is found.
function hasValidCheckCharacter(code: string): boolean {
  const values = [...code].map((character) => REFERENCE_ALPHABET.indexOf(character));
  return weigh(values) % MODULUS === 0;
}

function formatReference(code: string): string {
  return `${REFERENCE_PREFIX}-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Makes a new reference like PSU-7K3F-9QX4; `randomInt(n)` must return a whole number from 0 to n - 1. */
export function generateReference(randomInt: (maxExclusive: number) => number): string {
  const values = Array.from({ length: CODE_LENGTH - 1 }, () => {
    const value = randomInt(MODULUS);
    if (!Number.isInteger(value) || value < 0 || value >= MODULUS) {
      throw new RangeError(`randomInt(${MODULUS}) returned ${value}, not a whole number from 0 to ${MODULUS - 1}`);
    }
    return value;
  });
  // The last character has weight 1, so it is whatever brings the sum to 0 modulo 29.
  const check = (MODULUS - (weigh(values) % MODULUS)) % MODULUS;
  const code = [...values, check].map((value) => REFERENCE_ALPHABET.charAt(value)).join("");
  return formatReference(code);
}

/** Whether text is a reference written exactly as the system writes it (PSU-XXXX-XXXX) with a correct check character. */
export function isValidReference(text: string): boolean {
  return (
    CANONICAL_PATTERN.test(text) && hasValidCheckCharacter(text.replaceAll("-", "").slice(REFERENCE_PREFIX.length))
  );
}

/** Tidies a reference as a person typed it (any case, spaces or dashes, "PSU" optional) into PSU-XXXX-XXXX, or null if it is not one. */
export function normaliseReference(text: string): string | null {
  const compact = text.replace(SEPARATORS, "").toUpperCase();
  const code = compact.startsWith(REFERENCE_PREFIX) ? compact.slice(REFERENCE_PREFIX.length) : compact;
  if (!CODE_PATTERN.test(code) || !hasValidCheckCharacter(code)) return null;
  return formatReference(code);
}

/** A reference as stored and returned by the API: exactly PSU-XXXX-XXXX with a correct check character. */
export const ReferenceSchema = z
  .string()
  .regex(CANONICAL_PATTERN, { error: "Enter a reference like PSU-7K3F-9QX4", abort: true })
  .refine(isValidReference, { error: "Check the reference: one of its characters is not right" });
export type Reference = z.infer<typeof ReferenceSchema>;

/** A reference typed by a person (for example on the status page), tidied into PSU-XXXX-XXXX. */
export const ReferenceInputSchema = createSingleLineTextSchema("Reference", {
  error: "Enter your reference as it appears in your email, like PSU-7K3F-9QX4",
}).transform((text, context) => {
  const reference = normaliseReference(text);
  if (reference === null) {
    context.issues.push({
      code: "custom",
      message: "Enter your reference as it appears in your email, like PSU-7K3F-9QX4",
      input: text,
    });
    return z.NEVER;
  }
  return reference;
});
