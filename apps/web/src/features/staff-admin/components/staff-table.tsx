import type { StaffMember } from "@psu/domain";
import { Link } from "react-router";
import { TableRegion } from "../../../components/table-region";
import { LEAD_KIND_LABELS, ROLE_LABELS } from "../../../lib/case-labels";
import { formatShortDate } from "../../../lib/format-dates";

const CAPTION_ID = "staff-caption";

/** Staff with what they cover, their caseload against capacity, and their leave. */
export function StaffTable({ members, canManage }: { members: readonly StaffMember[]; canManage: boolean }) {
  return (
    <TableRegion labelledBy={CAPTION_ID}>
      <table className="nhsuk-table nhsuk-table--compact">
        <caption className="nhsuk-table__caption nhsuk-table__caption--m" id={CAPTION_ID}>
          Staff
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              Name
            </th>
            <th className="nhsuk-table__header" scope="col">
              Role
            </th>
            <th className="nhsuk-table__header" scope="col">
              Services covered
            </th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
              Open cases
            </th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
              Capacity
            </th>
            <th className="nhsuk-table__header" scope="col">
              Leave
            </th>
            <th className="nhsuk-table__header" scope="col">
              Account
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {members.map((member) => (
            <tr className="nhsuk-table__row" key={member.id}>
              <th className="nhsuk-table__header" scope="row">
                {canManage ? <Link to={`/staff/leads/${member.id}`}>{member.name}</Link> : member.name}
                <span className="nhsuk-u-display-block nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-0">
                  {member.email}
                </span>
              </th>
              <td className="nhsuk-table__cell">{ROLE_LABELS[member.role]}</td>
              <td className="nhsuk-table__cell">
                {member.leadKinds.length > 0
                  ? member.leadKinds.map((kind) => LEAD_KIND_LABELS[kind]).join(", ")
                  : "None"}
              </td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{member.openCaseCount}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{member.capacity}</td>
              <td className="nhsuk-table__cell">
                {member.leave.length === 0
                  ? "None booked"
                  : member.leave.map((leave) => (
                      <span className="nhsuk-u-display-block app-nowrap" key={leave.id}>
                        {formatShortDate(leave.fromDay)} to {formatShortDate(leave.toDay)}
                      </span>
                    ))}
              </td>
              <td className="nhsuk-table__cell">
                {member.active ? "Active" : <strong className="nhsuk-tag nhsuk-tag--grey">Inactive</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
