import { CreateStaffMemberRequestSchema, LEAD_KINDS, type LeadKind, STAFF_ROLES, type StaffRole } from "@psu/domain";
import { useState } from "react";
import { useNavigate } from "react-router";
import { Checkboxes } from "../../../components/checkboxes";
import { FormPage, useFormErrors } from "../../../components/form-page";
import { Radios } from "../../../components/radios";
import { TextInput } from "../../../components/text-input";
import { Textarea } from "../../../components/textarea";
import { ApiError } from "../../../lib/api-client";
import { findFieldError } from "../../../lib/form-errors";
import { useCreateStaffMember } from "../api/create-staff-member";
import { AdminOnly } from "../components/admin-only";
import { LEAD_KIND_LABELS, ROLE_LABELS } from "../components/case-labels";
import { PasswordInput } from "../components/password-input";
import { fromApiError, fromIssues, parseWholeNumber, splitLines, toFieldErrors } from "../components/staff-form-errors";
import { useSignedInStaff } from "../components/staff-session";

const IDS = {
  name: "staff-name",
  email: "staff-email",
  role: "staff-role",
  password: "staff-password",
  leadKinds: "staff-lead-kinds",
  capacity: "staff-capacity",
  affiliations: "staff-affiliations",
};

const ROLE_HINTS: Readonly<Record<StaffRole, string>> = {
  coordinator: "Triages referrals and allocates them to leads",
  lead: "Supports trainees; sees only the cases allocated to them",
  admin: "Manages staff and reads the audit log",
};

/** An admin adds a coordinator, lead or admin, with the password they will first sign in with. */
export function AddStaffMemberPage() {
  const staff = useSignedInStaff();
  if (staff.role !== "admin") return <AdminOnly title="Add a member of staff" />;
  return <AddStaffMemberForm />;
}

function AddStaffMemberForm() {
  const navigate = useNavigate();
  const create = useCreateStaffMember();
  const { errors, failures, fail } = useFormErrors();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<StaffRole | undefined>(undefined);
  const [password, setPassword] = useState("");
  const [leadKinds, setLeadKinds] = useState<LeadKind[]>([]);
  const [capacity, setCapacity] = useState("");
  const [affiliations, setAffiliations] = useState("");
  const isLead = role === "lead";

  function submit() {
    const capacityNumber = isLead ? parseWholeNumber(capacity) : 0;
    const parsed = CreateStaffMemberRequestSchema.safeParse({
      name,
      email,
      role,
      password,
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
      onSuccess: (member) => navigate("/staff/leads", { state: { staffChanged: `${member.name} has been added` } }),
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409) {
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
      intro={<h1>Add a member of staff</h1>}
    >
      <TextInput
        id={IDS.name}
        label="Full name"
        autoComplete="off"
        value={name}
        onChange={setName}
        error={findFieldError(errors, IDS.name)}
      />
      <TextInput
        id={IDS.email}
        label="Work email address"
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={email}
        onChange={setEmail}
        error={findFieldError(errors, IDS.email)}
      />
      <Radios<StaffRole>
        name={IDS.role}
        legend="Role"
        legendSize="s"
        options={STAFF_ROLES.map((value) => ({ value, label: ROLE_LABELS[value], hint: ROLE_HINTS[value] }))}
        value={role}
        onChange={setRole}
        error={findFieldError(errors, IDS.role)}
      />
      {isLead && (
        <>
          <Checkboxes<LeadKind>
            name={IDS.leadKinds}
            legend="Services they cover"
            legendSize="s"
            options={LEAD_KINDS.map((value) => ({ value, label: LEAD_KIND_LABELS[value] }))}
            values={leadKinds}
            onChange={setLeadKinds}
            error={findFieldError(errors, IDS.leadKinds)}
          />
          <TextInput
            id={IDS.capacity}
            label="Capacity"
            hint="The most open cases they take at once"
            inputMode="numeric"
            width="3"
            value={capacity}
            onChange={setCapacity}
            error={findFieldError(errors, IDS.capacity)}
          />
          <Textarea
            id={IDS.affiliations}
            label="Trusts or employers they work for or with (optional)"
            hint="One on each line. A trainee from one of these is a conflict of interest, so they will not be suggested."
            maxLength={2000}
            rows={3}
            value={affiliations}
            onChange={setAffiliations}
            error={findFieldError(errors, IDS.affiliations)}
          />
        </>
      )}
      <PasswordInput
        id={IDS.password}
        label="Password for their first sign-in"
        hint="At least 12 characters. Tell them in person or by phone, never by email."
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={findFieldError(errors, IDS.password)}
      />
    </FormPage>
  );
}
