import type { FormError } from "../../../lib/form-errors";
import { toApiFormErrors } from "../../../lib/form-errors";

/**
 * A failed code step in words: a wrong code next to the field; a pending sign-in that has timed
 * out (401 without a field) sends the person back to the start; a lock-out says how long to wait.
 */
export function describeCodeError(error: unknown, field: string): FormError[] {
  return toApiFormErrors(error, { fieldIds: { code: field } }).map((problem) =>
    problem.field === "" && /Sign in again/.test(problem.message)
      ? { ...problem, link: { to: "/staff/sign-in" } }
      : problem,
  );
}
