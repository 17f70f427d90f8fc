import type { StaffMember } from "@psu/domain";
import { Link } from "react-router";
import { DataTable } from "../../../components/data-table";
import { LEAD_KIND_LABELS, ROLE_LABELS } from "../../../lib/case-labels";
import { formatShortDate } from "../../../lib/format-dates";

const CAPTION_ID = "staff-caption";

const STAFF_COLUMNS = [
  { label: "Name" },
  { label: "Role" },
  { label: "Services covered" },
  { label: "Open cases", numeric: true },
  { label: "Capacity", numeric: true },
  { label: "Leave" },
  { label: "Account" },
];

/** Staff with what they cover, their caseload against capacity, and their leave. */
export function StaffTable({ members, canManage }: { members: readonly StaffMember[]; canManage: boolean }) {
  return (
    <DataTable captionId={CAPTION_ID} caption="Staff" columns={STAFF_COLUMNS}>
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
            {member.leadKinds.length > 0 ? member.leadKinds.map((kind) => LEAD_KIND_LABELS[kind]).join(", ") : "None"}
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
            <AccountStatus member={member} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Whether they can sign in, and whether they have accepted their invitation (set a password) yet. */
export function AccountStatus({ member }: { member: StaffMember }) {
  if (!member.active) return <strong className="nhsuk-tag nhsuk-tag--grey">Inactive</strong>;
  if (!member.invitation) return <>Active</>;
  const expired = new Date(member.invitation.expiresAt).getTime() <= Date.now();
  return expired ? (
    <strong className="nhsuk-tag nhsuk-tag--orange">Invitation expired</strong>
  ) : (
    <strong className="nhsuk-tag nhsuk-tag--blue">Invited, not accepted yet</strong>
  );
}
