import { CreateStaffMemberRequestSchema, INVITATION_HOURS, STAFF_ROLES, type StaffRole } from "@psu/domain";
import { useNavigate } from "react-router";
import { AdminOnly } from "../../../components/admin-only";
import { FormPage } from "../../../components/form-page";
import { Radios } from "../../../components/radios";
import { TextInput } from "../../../components/text-input";
import { useForm } from "../../../components/use-form";
import { hasErrorCode } from "../../../lib/api-client";
import { ROLE_LABELS } from "../../../lib/case-labels";
import { useSignedInStaff } from "../../../lib/staff-session";
import { useCreateStaffMember } from "../api/create-staff-member";
import { type LeadDetails, LeadDetailsFields } from "../components/lead-details-fields";
import { fromApiError, fromIssues, parseWholeNumber, splitLines, toFieldErrors } from "../components/staff-form-errors";

const IDS = {
  name: "staff-name",
  email: "staff-email",
  role: "staff-role",
  leadKinds: "staff-lead-kinds",
  capacity: "staff-capacity",
  affiliations: "staff-affiliations",
};

type NewStaffMember = LeadDetails & { name: string; email: string; role?: StaffRole };

const ROLE_HINTS: Readonly<Record<StaffRole, string>> = {
  coordinator: "Triages referrals and allocates them to leads",
  lead: "Supports trainees; sees only the cases allocated to them",
  admin: "Manages staff and reads the audit log",
};

/**
 * An admin adds a coordinator, lead or admin. They are emailed an invitation to choose their own
 * password: nobody chooses one for anyone else.
 */
export function AddStaffMemberPage() {
  const staff = useSignedInStaff();
  if (staff.role !== "admin") return <AdminOnly title="Add a member of staff" />;
  return <AddStaffMemberForm />;
}

function AddStaffMemberForm() {
  const navigate = useNavigate();
  const create = useCreateStaffMember();
  const { values, field, choice, choices, errors, failures, fail } = useForm<NewStaffMember>({
    name: "",
    email: "",
    leadKinds: [],
    capacity: "",
    affiliations: "",
  });
  const { name, email, role, leadKinds, capacity, affiliations } = values;
  const isLead = role === "lead";

  function submit() {
    const capacityNumber = isLead ? parseWholeNumber(capacity) : 0;
    const parsed = CreateStaffMemberRequestSchema.safeParse({
      name,
      email,
      role,
      leadKinds: isLead ? leadKinds : [],
      capacity: capacityNumber ?? -1,
      affiliations: isLead ? splitLines(affiliations) : [],
    });
    const problems = parsed.success ? [] : fromIssues(parsed.error.issues);
    // Clearer words than the schema's for the choices and the number.
    const worded = problems.map((problem) => {
      if (problem.path === "role") return { ...problem, message: "Choose a role" };
      if (problem.path === "capacity") return { ...problem, message: "Enter how many cases they can take, like 8" };
      return problem;
    });
    if (isLead && leadKinds.length === 0) worded.push({ path: "leadKinds", message: "Choose the services they cover" });
    if (!parsed.success || worded.length > 0) return fail(toFieldErrors(worded, IDS));

    create.mutate(parsed.data, {
      onSuccess: (member) =>
        navigate("/staff/leads", {
          state: {
            staffChanged: `${member.name} has been added and emailed an invitation to set their password`,
          },
        }),
      onError: (error) => {
        if (hasErrorCode(error, "CONFLICT")) {
          return fail([{ field: IDS.email, message: "Someone already has this email address" }]);
        }
        fail(fromApiError(error, IDS));
      },
    });
  }

  return (
    <FormPage
      title="Add a member of staff"
      back={{ to: "/staff/leads" }}
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel="Add member of staff"
      isSubmitting={create.isPending}
      intro={
        <>
          <h1>Add a member of staff</h1>
          <p>
            We will email them an invitation to choose their own password. The link works once, for {INVITATION_HOURS}{" "}
            hours; you can send a new one from their page.
          </p>
        </>
      }
    >
      <TextInput {...field("name", IDS.name)} label="Full name" autoComplete="off" />
      <TextInput
        {...field("email", IDS.email)}
        label="Work email address"
        type="email"
        autoComplete="off"
        spellCheck={false}
      />
      <Radios<StaffRole>
        {...choice("role", IDS.role)}
        legend="Role"
        legendSize="s"
        options={STAFF_ROLES.map((value) => ({ value, label: ROLE_LABELS[value], hint: ROLE_HINTS[value] }))}
      />
      {isLead && <LeadDetailsFields ids={IDS} field={field} choices={choices} />}
    </FormPage>
  );
}
