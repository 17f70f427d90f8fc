import type { z } from "zod";
import { ApiError, type ApiErrorCode } from "./api-client";

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

const SERVICE_PROBLEM = "Sorry, there is a problem with the service. Try again later.";

/** What each kind of failure says when the page has nothing better; the server's message otherwise. */
const DEFAULT_MESSAGES: Partial<Record<ApiErrorCode, string>> = {
  FORBIDDEN: "Your role does not allow this.",
  PRECONDITION_REQUIRED: "Reload the page, then try again.",
  NETWORK_ERROR: "The service could not be reached. Check your connection.",
  INTERNAL_ERROR: SERVICE_PROBLEM,
  SERVICE_UNAVAILABLE: SERVICE_PROBLEM,
  UNEXPECTED_RESPONSE: SERVICE_PROBLEM,
  INVALID_RESPONSE: SERVICE_PROBLEM,
};

export type ApiFailureOptions = {
  /** The API's field names (top-level, "registration" for "registration.number") to ids on the page, in page order. */
  fieldIds?: Readonly<Record<string, string>>;
  /** Words for some codes instead of the defaults or the server's message. */
  messages?: Partial<Record<ApiErrorCode, string>>;
  /** The field a code is about, when it has no fields of its own (a NOT_FOUND about the reference). */
  fieldFor?: Partial<Record<ApiErrorCode, string>>;
};

/**
 * The one way a failed API call becomes form errors: the server's field errors next to their
 * inputs, one per field in page order; anything else one error at the top (or at `fieldFor`'s
 * field), in words chosen by the error code.
 */
export function toApiFormErrors(error: unknown, options: ApiFailureOptions = {}): FormError[] {
  const { fieldIds = {}, messages = {}, fieldFor = {} } = options;
  if (!(error instanceof ApiError)) return [{ field: "", message: "Sorry, something went wrong. Try again." }];
  if (error.fields.length > 0 && messages[error.code] === undefined) {
    const order = Object.values(fieldIds);
    const byField = new Map<string, string>();
    for (const problem of error.fields) {
      const field = fieldIds[problem.field] ?? fieldIds[problem.field.split(".")[0] ?? ""] ?? "";
      if (!byField.has(field)) byField.set(field, problem.message);
    }
    const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
    return [...byField].map(([field, message]) => ({ field, message })).sort((a, b) => rank(a.field) - rank(b.field));
  }
  const message = messages[error.code] ?? DEFAULT_MESSAGES[error.code] ?? error.message;
  return [{ field: fieldFor[error.code] ?? "", message: message || SERVICE_PROBLEM }];
}
