import type { FormError } from "../lib/form-errors";
import { useForm } from "./use-form";

/** What a form needs of a react-query mutation. */
export type FormMutation<Variables> = {
  mutate: (variables: Variables, options: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  isPending: boolean;
};

type SendingOptions = {
  /** The form's errors for a failed request; none when the page shows that failure its own way. */
  describeFailure: (error: unknown) => readonly FormError[];
  /** After a success the form keeps showing what was saved (only its errors go), instead of starting again. */
  keepAnswers?: boolean;
};

/**
 * A form that sends its answers with one mutation: useForm, and `send(variables, onSent)`, which
 * makes the request; then the form starts again and `onSent` runs, or the failure is shown.
 */
export function useSendingForm<Values extends Record<string, unknown>, Variables>(
  initial: Values | (() => Values),
  mutation: FormMutation<Variables>,
  { describeFailure, keepAnswers = false }: SendingOptions,
) {
  const form = useForm(initial);

  function send(variables: Variables, onSent: () => void) {
    mutation.mutate(variables, {
      onSuccess: () => {
        if (keepAnswers) form.clear();
        else form.reset();
        onSent();
      },
      onError: (error) => {
        const errors = describeFailure(error);
        if (errors.length > 0) form.fail(errors);
        else form.clear();
      },
    });
  }

  return { ...form, send, isSending: mutation.isPending };
}
