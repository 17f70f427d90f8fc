import { hasErrorCode } from "../../../lib/api-client";
import { type FormError, toApiFormErrors } from "../../../lib/form-errors";

/** How a failed case change is shown: the page-wide "someone else changed it" warning, or the form's errors. */
export type CaseChangeFailure = { kind: "conflict"; message: string } | { kind: "form"; errors: FormError[] };

const FALLBACK_CONFLICT = "Someone else changed this case after you opened it.";

/**
 * Sorts a failed change: a stale version (PRECONDITION_FAILED) is a conflict for the whole page;
 * anything else goes on the form, fields next to their inputs (`fieldIds` maps the API's field
 * names to ids on the page).
 */
export function classifyCaseChangeError(
  error: unknown,
  fieldIds: Readonly<Record<string, string>> = {},
): CaseChangeFailure {
  if (hasErrorCode(error, "PRECONDITION_FAILED")) {
    return { kind: "conflict", message: error.message || FALLBACK_CONFLICT };
  }
  return { kind: "form", errors: toApiFormErrors(error, { fieldIds, messages: CASE_CHANGE_MESSAGES }) };
}

const CASE_CHANGE_MESSAGES = {
  FORBIDDEN: "Your role does not allow this change.",
  NOT_FOUND: "This case is no longer available to you.",
  PRECONDITION_REQUIRED: "Reload the case, then make the change again.",
} as const;
