import type { AuditEntry } from "@psu/domain";
import { AUDIT_ACTION_LABELS } from "@psu/domain";
import type { Ref } from "react";
import { Link } from "react-router";
import { DataTable } from "../../../components/data-table";
import { describeCode } from "../../../lib/case-labels";
import { formatDateTime } from "../../../lib/format-dates";

const CAPTION_ID = "audit-caption";

const AUDIT_COLUMNS = [
  { label: "When" },
  { label: "Who" },
  { label: "Action" },
  { label: "Case" },
  { label: "Details" },
];

function describeDetail(value: unknown): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "none";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(describeDetail).join(", ");
  return JSON.stringify(value);
}

/** Audit entries, newest first: when, who, what, which case, and the details recorded. */
export function AuditTable({ entries, regionRef }: { entries: readonly AuditEntry[]; regionRef?: Ref<HTMLElement> }) {
  return (
    <DataTable
      captionId={CAPTION_ID}
      caption="Audit entries, newest first"
      columns={AUDIT_COLUMNS}
      regionRef={regionRef}
    >
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
    </DataTable>
  );
}
