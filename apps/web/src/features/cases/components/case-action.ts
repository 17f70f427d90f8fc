import { useFormErrors } from "../../../components/form-page";
import type { CaseChangeTarget } from "../api/send-case-change";
import { classifyCaseChangeError } from "./case-change-errors";

/** What the case page gives each of its forms. */
export type CaseActionProps = {
  /** The case and the version on screen, which the change is based on. */
  target: CaseChangeTarget;
  /** After a change succeeded and the case was fetched again: what to tell the member of staff. */
  onChanged: (message: string) => void;
  /** A change was refused because the case had changed (412): the page says so. */
  onConflict: (message: string) => void;
};

/** A case form's errors, and the handler that sorts a failed change into them or the page's conflict warning. */
export function useCaseActionErrors(onConflict: (message: string) => void, fieldIds: Readonly<Record<string, string>>) {
  const formErrors = useFormErrors();
  function handleError(error: unknown) {
    const failure = classifyCaseChangeError(error, fieldIds);
    if (failure.kind === "conflict") {
      formErrors.clear();
      onConflict(failure.message);
    } else {
      formErrors.fail(failure.errors);
    }
  }
  return { ...formErrors, handleError };
}
