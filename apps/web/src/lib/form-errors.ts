import type { z } from "zod";

/**
 * One problem with a form: the field's id on the page (the error summary links to it; "" for a
 * problem with no field) and what to do. `link` sends the reader to another page instead, for
 * problems found on "Check your answers" with an answer given earlier.
 */
export type FormError = { field: string; message: string; link?: { to: string; state?: unknown } };

/** The error shown next to `field`, if any. */
export function findFieldError(errors: readonly FormError[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}

/**
 * Turns zod issues into one error per field, in the order the fields appear on the page
 * (`fields`), so the error summary reads top to bottom. An issue's path ("registration.number")
 * becomes the field id ("registration-number"); `rename` maps a path to another id, for fields
 * whose input is not named after the path (a date entered as day, month and year).
 */
export function toFormErrors(
  issues: readonly z.core.$ZodIssue[],
  fields: readonly string[],
  rename: Readonly<Record<string, string>> = {},
): FormError[] {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    const field = rename[path] ?? toFieldId(path);
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  const order = (field: string) => {
    const index = fields.indexOf(field);
    return index === -1 ? fields.length : index;
  };
  return [...byField].map(([field, message]) => ({ field, message })).sort((a, b) => order(a.field) - order(b.field));
}

/** The id of a field on the page for a dotted path: "registration.number" becomes "registration-number". */
export function toFieldId(path: string): string {
  return path.replaceAll(".", "-");
}
