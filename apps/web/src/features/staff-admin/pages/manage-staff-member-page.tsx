import { AddLeaveRequestSchema, type StaffMember, UpdateStaffMemberRequestSchema } from "@psu/domain";
import { useState } from "react";
import { useParams } from "react-router";
import { AdminOnly } from "../../../components/admin-only";
import { BackLink } from "../../../components/back-link";
import { DateInput, type DateParts } from "../../../components/date-input";
import { ErrorSummary } from "../../../components/error-summary";
import { InlineForm } from "../../../components/inline-form";
import { LoadError } from "../../../components/load-error";
import { LoadingStatus } from "../../../components/loading-status";
import { NotificationBanner } from "../../../components/notification-banner";
import { Radios } from "../../../components/radios";
import { StaffNotFoundPage } from "../../../components/staff-not-found-page";
import { type FormMutation, useSendingForm } from "../../../components/use-sending-form";
import { ROLE_LABELS } from "../../../lib/case-labels";
import { EMPTY_DATE, toCalendarDate } from "../../../lib/date-parts";
import { formatDateTime, formatShortDate } from "../../../lib/format-dates";
import { useStaffMembers } from "../../../lib/staff-api/get-staff-members";
import { useSignedInStaff } from "../../../lib/staff-session";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useAddLeave } from "../api/add-leave";
import { useRemoveLeave } from "../api/remove-leave";
import { useResendInvitation } from "../api/resend-invitation";
import { useUpdateStaffMember } from "../api/update-staff-member";
import { type LeadDetails, LeadDetailsFields } from "../components/lead-details-fields";
import { fromApiError, fromIssues, parseWholeNumber, splitLines, toFieldErrors } from "../components/staff-form-errors";
import { AccountStatus } from "../components/staff-table";

type Announce = (message: string) => void;

/**
 * One change to a member of staff, made with `mutation`: a form (useSendingForm) whose failures
 * are shown in staff-management words, `errorIds` mapping the request's fields to ids on the page.
 */
function useStaffChange<Values extends Record<string, unknown>, Variables>(
  mutation: FormMutation<Variables>,
  initial: Values,
  errorIds: Readonly<Record<string, string>> = {},
  { keepAnswers = false } = {},
) {
  return useSendingForm(initial, mutation, {
    describeFailure: (error) => fromApiError(error, errorIds),
    keepAnswers,
  });
}

/** An admin changes one member of staff: services, capacity, conflicts, whether they can sign in, and leave. */
export function ManageStaffMemberPage() {
  const staff = useSignedInStaff();
  const { staffId } = useParams();
  const members = useStaffMembers({ enabled: staff.role === "admin" });
  const [success, setSuccess] = useState<{ message: string; key: number } | null>(null);
  const announce: Announce = (message) => setSuccess((current) => ({ message, key: (current?.key ?? 0) + 1 }));

  if (staff.role !== "admin") return <AdminOnly title="Manage a member of staff" />;
  if (members.isPending) return <LoadingStatus>Loading staff</LoadingStatus>;
  if (members.isError) {
    return (
      <LoadError onRetry={() => void members.refetch()}>
        <p>Sorry, we could not load the staff list. Try again in a moment.</p>
      </LoadError>
    );
  }
  const member = members.data.find((candidate) => candidate.id === staffId);
  if (!member) return <StaffNotFoundPage />;

  return <MemberView member={member} announce={announce} success={success} />;
}

function MemberView({
  member,
  announce,
  success,
}: {
  member: StaffMember;
  announce: Announce;
  success: { message: string; key: number } | null;
}) {
  useDocumentTitle(member.name);
  return (
    <>
      <BackLink to="/staff/leads" />
      {success && <NotificationBanner variant="success" heading={success.message} focusKey={success.key} />}
      <h1>
        <span className="nhsuk-caption-l">{ROLE_LABELS[member.role]}</span>
        <span className="nhsuk-u-visually-hidden"> – </span>
        {member.name}
      </h1>
      <p>
        {member.email}. {member.openCaseCount === 1 ? "1 open case" : `${member.openCaseCount} open cases`}.
      </p>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {member.invitation && member.active && (
            <InvitationSection member={member} invitation={member.invitation} announce={announce} />
          )}
          <h2>Services and account</h2>
          <MemberSettingsForm member={member} announce={announce} />
          <h2>Leave</h2>
          <LeaveList member={member} announce={announce} />
          <AddLeaveForm member={member} announce={announce} />
        </div>
      </div>
    </>
  );
}

/** A member who has not set a password yet: when they were invited, and a new invitation on request. */
function InvitationSection({
  member,
  invitation,
  announce,
}: {
  member: StaffMember;
  invitation: NonNullable<StaffMember["invitation"]>;
  announce: Announce;
}) {
  const { send, isSending, errors, failures } = useStaffChange(useResendInvitation(), {});
  const expired = new Date(invitation.expiresAt).getTime() <= Date.now();
  return (
    <>
      <h2>Invitation</h2>
      <ErrorSummary errors={errors} focusKey={failures} />
      <p>
        <AccountStatus member={member} />
      </p>
      <p>
        {member.name} has not set a password yet. Invitation emailed {formatDateTime(invitation.sentAt)}.{" "}
        {expired ? "It expired" : "It expires"} {formatDateTime(invitation.expiresAt)}.
      </p>
      <p>A new invitation replaces the last one: the link in any earlier email stops working.</p>
      <button
        className="nhsuk-button nhsuk-button--secondary"
        type="button"
        disabled={isSending}
        onClick={() => send(member.id, () => announce(`A new invitation has been emailed to ${member.name}`))}
      >
        Send a new invitation
      </button>
    </>
  );
}

const SETTINGS_IDS = {
  leadKinds: "member-lead-kinds",
  capacity: "member-capacity",
  affiliations: "member-affiliations",
  active: "member-active",
};

type MemberSettings = LeadDetails & { active: "yes" | "no" };

function MemberSettingsForm({ member, announce }: { member: StaffMember; announce: Announce }) {
  const initial: MemberSettings = {
    leadKinds: member.leadKinds,
    capacity: String(member.capacity),
    affiliations: member.affiliations.join("\n"),
    active: member.active ? "yes" : "no",
  };
  // Once saved, the form shows the member as they now are.
  const { values, field, choice, choices, send, isSending, errors, failures, fail } = useStaffChange(
    useUpdateStaffMember(),
    initial,
    SETTINGS_IDS,
    { keepAnswers: true },
  );
  const { leadKinds, capacity, affiliations, active } = values;
  const isLead = member.role === "lead";

  function submit() {
    const capacityNumber = parseWholeNumber(capacity);
    if (isLead && capacityNumber === null) {
      return fail([{ field: SETTINGS_IDS.capacity, message: "Enter how many cases they can take, like 8" }]);
    }
    const parsed = UpdateStaffMemberRequestSchema.safeParse({
      active: active === "yes",
      ...(isLead ? { leadKinds, capacity: capacityNumber, affiliations: splitLines(affiliations) } : {}),
    });
    if (!parsed.success) return fail(toFieldErrors(fromIssues(parsed.error.issues), SETTINGS_IDS));
    send({ staffId: member.id, change: parsed.data }, () => announce(`Changes to ${member.name} saved`));
  }

  return (
    <InlineForm
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel="Save changes"
      isSubmitting={isSending}
    >
      {isLead && <LeadDetailsFields ids={SETTINGS_IDS} field={field} choices={choices} />}
      <Radios<"yes" | "no">
        {...choice("active", SETTINGS_IDS.active)}
        legend="Can they sign in?"
        legendSize="s"
        inline
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
        hint="Turning this off ends their sessions. Their cases stay allocated to them until reassigned."
      />
    </InlineForm>
  );
}

function LeaveList({ member, announce }: { member: StaffMember; announce: Announce }) {
  const { send, isSending, errors, failures } = useStaffChange(useRemoveLeave(), {});
  if (member.leave.length === 0) return <p>No leave booked.</p>;
  return (
    <>
      <ErrorSummary errors={errors} focusKey={failures} />
      <ul className="nhsuk-list nhsuk-list--border">
        {member.leave.map((leave) => {
          const period = `${formatShortDate(leave.fromDay)} to ${formatShortDate(leave.toDay)}`;
          return (
            <li key={leave.id}>
              {period}{" "}
              <button
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                type="button"
                disabled={isSending}
                onClick={() =>
                  send({ staffId: member.id, leaveId: leave.id }, () => announce(`Leave from ${period} removed`))
                }
              >
                Remove<span className="nhsuk-u-visually-hidden"> leave from {period}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

const LEAVE_IDS = { fromDay: "leave-from", toDay: "leave-to" };
// A date's error is linked to its day input.
const LEAVE_ERROR_IDS = { fromDay: `${LEAVE_IDS.fromDay}-day`, toDay: `${LEAVE_IDS.toDay}-day` };
const NO_LEAVE: { from: DateParts; to: DateParts } = { from: EMPTY_DATE, to: EMPTY_DATE };

function AddLeaveForm({ member, announce }: { member: StaffMember; announce: Announce }) {
  const { values, date, send, isSending, errors, failures, fail } = useStaffChange(
    useAddLeave(),
    NO_LEAVE,
    LEAVE_ERROR_IDS,
  );
  const { from, to } = values;

  function submit() {
    const fromDay = toCalendarDate(from);
    const toDay = toCalendarDate(to);
    const missing = [
      ...(fromDay ? [] : [{ field: LEAVE_ERROR_IDS.fromDay, message: "Enter the first day of leave as a real date" }]),
      ...(toDay ? [] : [{ field: LEAVE_ERROR_IDS.toDay, message: "Enter the last day of leave as a real date" }]),
    ];
    if (missing.length > 0) return fail(missing);
    const parsed = AddLeaveRequestSchema.safeParse({ fromDay, toDay });
    if (!parsed.success) {
      return fail(toFieldErrors(fromIssues(parsed.error.issues), LEAVE_ERROR_IDS));
    }
    const { data: leave } = parsed;
    send({ staffId: member.id, leave }, () =>
      announce(`Leave from ${formatShortDate(leave.fromDay)} to ${formatShortDate(leave.toDay)} added`),
    );
  }

  return (
    <InlineForm
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel="Add leave"
      isSubmitting={isSending}
      variant="secondary"
    >
      <h3>Add leave</h3>
      <DateInput
        {...date("from", LEAVE_IDS.fromDay)}
        legend="First day away"
        legendSize="s"
        hint="For example, 27 3 2026"
      />
      <DateInput {...date("to", LEAVE_IDS.toDay)} legend="Last day away" legendSize="s" />
    </InlineForm>
  );
}
