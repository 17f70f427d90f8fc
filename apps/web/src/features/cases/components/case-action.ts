import { useForm } from "../../../components/use-form";
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

/**
 * A case form's answers and errors (useForm), and the handler that sorts a failed change into
 * its errors or the page's conflict warning. `fieldIds` maps the API's field names to ids on the page.
 */
export function useCaseActionForm<Values extends Record<string, unknown>>(
  initial: Values,
  onConflict: (message: string) => void,
  fieldIds: Readonly<Record<string, string>>,
) {
  const form = useForm(initial);
  function handleError(error: unknown) {
    const failure = classifyCaseChangeError(error, fieldIds);
    if (failure.kind === "conflict") {
      form.clear();
      onConflict(failure.message);
    } else {
      form.fail(failure.errors);
    }
  }
  return { ...form, handleError };
}
