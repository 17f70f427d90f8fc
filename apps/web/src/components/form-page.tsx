import { type FormEvent, type ReactNode, useCallback, useState } from "react";
import type { FormError } from "../lib/form-errors";
import { useDocumentTitle } from "../lib/use-document-title";
import { useIsHydrated } from "../lib/use-is-hydrated";
import { BackLink } from "./back-link";
import { ErrorSummary } from "./error-summary";

/** A form's errors and how many times it has failed (the error summary takes focus on each). */
export function useFormErrors() {
  const [errors, setErrors] = useState<readonly FormError[]>([]);
  const [failures, setFailures] = useState(0);
  const fail = useCallback((next: readonly FormError[]) => {
    setErrors(next);
    setFailures((count) => count + 1);
  }, []);
  const clear = useCallback(() => setErrors([]), []);
  return { errors, failures, fail, clear };
}

type FormPageProps = {
  /** The page's question, for the browser tab (prefixed "Error: " while there are errors). */
  title: string;
  back?: { to: string; state?: unknown } | undefined;
  errors: readonly FormError[];
  failures: number;
  onSubmit: () => void;
  submitLabel?: string;
  /** Disables the button while a request is under way. */
  isSubmitting?: boolean;
  /** Shown above the form, under the error summary (for an h1 when the question is not a legend or label). */
  intro?: ReactNode;
  /** Beside the main button (for example "Save and come back later"). */
  secondaryAction?: ReactNode;
  /** Under the buttons. */
  after?: ReactNode;
  children: ReactNode;
};

/** One question page: back link, error summary, the question's fields and the continue button. */
export function FormPage({
  title,
  back,
  errors,
  failures,
  onSubmit,
  submitLabel = "Continue",
  isSubmitting = false,
  intro,
  secondaryAction,
  after,
  children,
}: FormPageProps) {
  useDocumentTitle(title, { hasError: errors.length > 0 });
  const isHydrated = useIsHydrated();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isSubmitting) onSubmit();
  }

  return (
    <>
      {back && <BackLink to={back.to} state={back.state} />}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} focusKey={failures} />
          {intro}
          {/* noValidate: the page's own messages, in NHS.UK style, replace the browser's. */}
          <form noValidate onSubmit={submit}>
            {children}
            <div className="nhsuk-button-group">
              <button className="nhsuk-button" type="submit" disabled={isSubmitting || !isHydrated}>
                {submitLabel}
              </button>
              {secondaryAction}
            </div>
          </form>
          {after}
        </div>
      </div>
    </>
  );
}
