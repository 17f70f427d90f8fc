import type { AuditEntry } from "@psu/domain";
import { AUDIT_ACTION_LABELS } from "@psu/domain";
import type { Ref } from "react";
import { Link } from "react-router";
import { TableRegion } from "../../../components/table-region";
import { describeCode } from "../../../lib/case-labels";
import { formatDateTime } from "../../../lib/format-dates";

const CAPTION_ID = "audit-caption";

function describeDetail(value: unknown): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "none";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(describeDetail).join(", ");
  return JSON.stringify(value);
}

/** Audit entries, newest first: when, who, what, which case, and the details recorded. */
export function AuditTable({ entries, regionRef }: { entries: readonly AuditEntry[]; regionRef?: Ref<HTMLElement> }) {
  return (
    <TableRegion labelledBy={CAPTION_ID} ref={regionRef}>
      <table className="nhsuk-table nhsuk-table--compact">
        <caption className="nhsuk-table__caption nhsuk-table__caption--m" id={CAPTION_ID}>
          Audit entries, newest first
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              When
            </th>
            <th className="nhsuk-table__header" scope="col">
              Who
            </th>
            <th className="nhsuk-table__header" scope="col">
              Action
            </th>
            <th className="nhsuk-table__header" scope="col">
              Case
            </th>
            <th className="nhsuk-table__header" scope="col">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {entries.map((entry) => (
            <tr className="nhsuk-table__row" key={entry.id}>
              <td className="nhsuk-table__cell app-nowrap">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </td>
              <td className="nhsuk-table__cell">{entry.actor ? entry.actor.name : "The system or a trainee"}</td>
              <td className="nhsuk-table__cell">
                {AUDIT_ACTION_LABELS[entry.action]}
                <span className="nhsuk-u-display-block nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-0">
                  {entry.action}
                </span>
              </td>
              <td className="nhsuk-table__cell app-nowrap">
                {entry.caseId ? (
                  <Link to={`/staff/audit?caseId=${entry.caseId}`}>
                    {entry.reference ?? "This case"}
                    <span className="nhsuk-u-visually-hidden">: show only this case’s entries</span>
                  </Link>
                ) : (
                  "None"
                )}
              </td>
              <td className="nhsuk-table__cell app-break-anywhere">
                {Object.keys(entry.detail).length === 0 ? (
                  "None"
                ) : (
                  <ul className="nhsuk-list nhsuk-body-s nhsuk-u-margin-bottom-0">
                    {Object.entries(entry.detail).map(([key, value]) => (
                      <li key={key} className="nhsuk-u-margin-bottom-0">
                        {describeCode(key)}: {describeDetail(value)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
