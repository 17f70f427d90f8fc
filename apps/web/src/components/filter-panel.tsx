import type { FormEvent, ReactNode } from "react";

type FilterPanelProps = {
  /** What the filters narrow, for the panel's summary: "Filter cases". */
  noun: string;
  /** How many filters apply now: the summary counts them, and the panel starts open. */
  applied: number;
  /** Keeps the panel open with none applied (while its form shows errors). */
  isOpen?: boolean;
  onApply: () => void;
  onClear: () => void;
  children: ReactNode;
};

/**
 * Filters in a collapsible NHS.UK details panel, with "Apply filters" and (once some apply)
 * "Clear filters". Changes apply with the button, not on each tick, so a table does not shift
 * under someone still choosing.
 */
export function FilterPanel({ noun, applied, isOpen = false, onApply, onClear, children }: FilterPanelProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply();
  }

  return (
    <details className="nhsuk-details" open={applied > 0 || isOpen ? true : undefined}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          {`Filter ${noun}${applied > 0 ? ` (${applied} ${applied === 1 ? "filter" : "filters"} applied)` : ""}`}
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <form noValidate onSubmit={submit}>
          {children}
          <div className="nhsuk-button-group">
            <button className="nhsuk-button" type="submit">
              Apply filters
            </button>
            {applied > 0 && (
              <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onClear}>
                Clear filters
              </button>
            )}
          </div>
        </form>
      </div>
    </details>
  );
}
