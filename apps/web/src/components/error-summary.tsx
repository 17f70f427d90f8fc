import { type MouseEvent, useEffect, useRef } from "react";
import { Link } from "react-router";
import type { FormError } from "../lib/form-errors";

type ErrorSummaryProps = {
  errors: readonly FormError[];
  /** Changes on every failed submit, so the summary takes focus again even when the errors are the same. */
  focusKey: number;
};

/**
 * NHS.UK error summary (nhsuk-frontend 10 markup). It takes focus when it appears, so screen
 * readers read it out, and its links move focus to the field itself. The alert role sits on a
 * child, as in nhsuk-frontend, so focusing and announcing do not race.
 */
export function ErrorSummary({ errors, focusKey }: ErrorSummaryProps) {
  const summary = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0;

  // focusKey is the trigger: focus again on every failed submit.
  useEffect(() => {
    if (hasErrors) summary.current?.focus();
  }, [hasErrors, focusKey]);

  if (!hasErrors) return null;
  return (
    <div className="nhsuk-error-summary" ref={summary} tabIndex={-1}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.field}:${error.message}`}>
                {/* A problem with no field on the page (the service could not be reached) is said, not linked. */}
                {error.link ? (
                  <Link to={error.link.to} state={error.link.state}>
                    {error.message}
                  </Link>
                ) : error.field === "" ? (
                  error.message
                ) : (
                  <a href={`#${error.field}`} onClick={(event) => focusField(event, error.field)}>
                    {error.message}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

// Like nhsuk-frontend's script: focus the input without changing the URL's fragment (the router
// would see a new location), and bring its legend or label into view above it.
function focusField(event: MouseEvent<HTMLAnchorElement>, field: string) {
  const input = document.getElementById(field);
  if (!input) return;
  event.preventDefault();
  const legend = input.closest("fieldset")?.querySelector("legend");
  const label = document.querySelector(`label[for="${CSS.escape(field)}"]`);
  (legend ?? label ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}
