import { ApiError } from "../../../lib/api-client";
import type { FormError } from "../../../lib/form-errors";

/** How a failed case change is shown: the page-wide "someone else changed it" warning, or the form's errors. */
export type CaseChangeFailure = { kind: "conflict"; message: string } | { kind: "form"; errors: FormError[] };

const FALLBACK_CONFLICT = "Someone else changed this case after you opened it.";

/**
 * Sorts a failed change: 412 (the version was stale) is a conflict for the whole page; a 400's
 * fields go next to their inputs (`fieldIds` maps the API's field names to ids on the page);
 * anything else is said at the top of the form.
 */
export function classifyCaseChangeError(
  error: unknown,
  fieldIds: Readonly<Record<string, string>> = {},
): CaseChangeFailure {
  if (!(error instanceof ApiError)) return formError("Sorry, something went wrong. Try again.");
  if (error.status === 412) return { kind: "conflict", message: error.message || FALLBACK_CONFLICT };
  if (error.status === 400 && error.fields.length > 0) {
    return {
      kind: "form",
      errors: error.fields.map((field) => ({ field: fieldIds[field.field] ?? "", message: field.message })),
    };
  }
  if (error.status === 409) return formError(error.message);
  if (error.status === 403) return formError("Your role does not allow this change.");
  if (error.status === 404) return formError("This case is no longer available to you.");
  if (error.status === 428) return formError("Reload the case, then make the change again.");
  if (error.code === "NETWORK_ERROR") return formError("The service could not be reached. Check your connection.");
  if (error.status >= 500 || error.status === 0) return formError("Sorry, there is a problem with the service.");
  return formError(error.message);
}

function formError(message: string): CaseChangeFailure {
  return { kind: "form", errors: [{ field: "", message }] };
}
