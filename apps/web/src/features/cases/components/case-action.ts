import { type FormMutation, useSendingForm } from "../../../components/use-sending-form";
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
 * One case form: its answers and errors (useForm), and `send(change, message)`, which makes the
 * change and then empties the form and says `message`, or shows why it failed: the page's
 * conflict warning for a stale version, the form's errors otherwise (`fieldIds` maps the API's
 * field names to ids on the page).
 */
export function useCaseAction<Values extends Record<string, unknown>, Variables extends CaseChangeTarget>(
  mutation: FormMutation<Variables>,
  { onChanged, onConflict }: Omit<CaseActionProps, "target">,
  initial: Values,
  fieldIds: Readonly<Record<string, string>> = {},
) {
  const form = useSendingForm(initial, mutation, {
    describeFailure: (error) => {
      const failure = classifyCaseChangeError(error, fieldIds);
      if (failure.kind === "form") return failure.errors;
      onConflict(failure.message);
      return [];
    },
  });
  return { ...form, send: (change: Variables, message: string) => form.send(change, () => onChanged(message)) };
}
