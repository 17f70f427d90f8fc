import { z } from "zod";

// The one rule for text people send us: no control characters. C0 (U+0000-U+001F), DEL and
// C1 (U+007F-U+009F) are never typed on purpose; PostgreSQL cannot store U+0000 at all, and
// the rest hide in logs, emails and CSV files. A lone surrogate (half of an emoji) cannot be
// stored in jsonb either. Free text written over several lines may keep its line breaks and
// tabs; everything else is one line. See docs/decisions/016-text-input-rule.md.
//
// The patterns are anchored and use the `u` flag, so `[\uD800-\uDFFF]` matches only a lone
// surrogate (a whole emoji is one code point). They reach the OpenAPI document as `pattern`,
// which is how a test finds a string input that misses the rule.

/** One line of text: no control characters at all, and no lone surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const SINGLE_LINE_TEXT_PATTERN = /^[^\u0000-\u001F\u007F-\u009F\uD800-\uDFFF]*$/u;

/** Several lines of text: tab, line feed and carriage return allowed; no other control character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const MULTI_LINE_TEXT_PATTERN = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]*$/u;

interface TextSchemaOptions {
  /** The message when the value is missing or not text at all. */
  error?: string;
}

/**
 * A string input of one line (a name, an email address, a code, a search), refused with a
 * message naming the field when it holds a control character. Chain `.trim()`, `.max()` and
 * the rest after it, so the rule sees the text as sent.
 */
export function createSingleLineTextSchema(label: string, options: TextSchemaOptions = {}) {
  return z
    .string({ error: options.error ?? `${label} must be text` })
    .regex(SINGLE_LINE_TEXT_PATTERN, `${label} must not contain line breaks, tabs or hidden control characters`);
}

/** A free-text input written over several lines (a note, a reason, the trainee's account): the same rule, line breaks allowed. */
export function createMultiLineTextSchema(label: string, options: TextSchemaOptions = {}) {
  return z
    .string({ error: options.error ?? `${label} must be text` })
    .regex(MULTI_LINE_TEXT_PATTERN, `${label} must not contain hidden control characters`);
}
