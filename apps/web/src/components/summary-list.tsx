import type { ReactNode } from "react";
import { Link } from "react-router";

export type SummaryRow = {
  key: string;
  value: ReactNode;
  /** A "Change" link to the question; `label` completes it for screen readers ("Change your name"). */
  change?: { to: string; label: string; state?: unknown };
};

/** NHS.UK summary list (nhsuk-frontend 10 markup) with optional "Change" links. */
export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  const anyActions = rows.some((row) => row.change);
  return (
    <dl className="nhsuk-summary-list">
      {rows.map((row) => (
        <div
          className={`nhsuk-summary-list__row${anyActions && !row.change ? " nhsuk-summary-list__row--no-actions" : ""}`}
          key={row.key}
        >
          <dt className="nhsuk-summary-list__key">{row.key}</dt>
          <dd className="nhsuk-summary-list__value">{row.value}</dd>
          {row.change && (
            <dd className="nhsuk-summary-list__actions">
              <Link className="nhsuk-link" to={row.change.to} state={row.change.state}>
                Change<span className="nhsuk-u-visually-hidden"> {row.change.label}</span>
              </Link>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
