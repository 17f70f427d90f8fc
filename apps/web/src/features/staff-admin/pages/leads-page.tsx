import { Link, useLocation } from "react-router";
import { LoadError } from "../../../components/load-error";
import { LoadingStatus } from "../../../components/loading-status";
import { NotificationBanner } from "../../../components/notification-banner";
import { hasErrorCode } from "../../../lib/api-client";
import { readStaffChanged } from "../../../lib/router-state";
import { useStaffMembers } from "../../../lib/staff-api/get-staff-members";
import { useSignedInStaff } from "../../../lib/staff-session";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { StaffTable } from "../components/staff-table";

/** Staff and leads: who covers what, caseloads and leave. Admins manage them; coordinators read. */
export function LeadsPage() {
  useDocumentTitle("Staff and leads");
  const staff = useSignedInStaff();
  const members = useStaffMembers();
  const changed = readStaffChanged(useLocation().state);
  const isAdmin = staff.role === "admin";

  return (
    <>
      {changed && <NotificationBanner variant="success" heading={changed} />}
      <h1>Staff and leads</h1>
      <p>
        {isAdmin
          ? "Choose someone’s name to change the services they cover, their capacity or their leave."
          : "Who covers which services, how many cases they have, and when they are away."}
      </p>
      {isAdmin && (
        <p>
          <Link to="/staff/leads/new" className="nhsuk-button nhsuk-button--secondary">
            Add a member of staff
          </Link>
        </p>
      )}
      {members.isPending ? (
        <LoadingStatus>Loading staff</LoadingStatus>
      ) : members.isError ? (
        <LoadError onRetry={() => void members.refetch()}>
          <p>
            {hasErrorCode(members.error, "FORBIDDEN")
              ? "Your role does not give you access to the staff list."
              : "Sorry, we could not load the staff list. Try again in a moment."}
          </p>
        </LoadError>
      ) : (
        <StaffTable members={members.data} canManage={isAdmin} />
      )}
    </>
  );
}
