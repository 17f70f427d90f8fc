import type { FormEvent, ReactNode } from "react";
import type { FormError } from "../lib/form-errors";
import { ErrorSummary } from "./error-summary";

type InlineFormProps = {
  errors: readonly FormError[];
  failures: number;
  onSubmit: () => void;
  submitLabel: ReactNode;
  /** Disables the button while a request is under way. */
  isSubmitting?: boolean;
  /** nhsuk-frontend's button: the page's main action, a lesser one, or one to think twice about. */
  variant?: "primary" | "secondary" | "warning";
  children: ReactNode;
};

/**
 * A form that is one part of a page (an action on a case, a member of staff's settings), not
 * the page's one question: its own error summary, its fields and its button.
 */
export function InlineForm({
  errors,
  failures,
  onSubmit,
  submitLabel,
  isSubmitting = false,
  variant = "primary",
  children,
}: InlineFormProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isSubmitting) onSubmit();
  }

  return (
    // noValidate: the form's own messages, in NHS.UK style, replace the browser's.
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} focusKey={failures} />
      {children}
      <button
        className={`nhsuk-button${variant === "primary" ? "" : ` nhsuk-button--${variant}`}`}
        type="submit"
        disabled={isSubmitting}
      >
        {submitLabel}
      </button>
    </form>
  );
}
