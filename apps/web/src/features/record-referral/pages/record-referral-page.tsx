import {
  FREE_TEXT_LIMITS,
  formatCalendarDateLong,
  hasPermission,
  PROFESSIONAL_REGISTER_LABELS,
  type ProfessionalRegister,
  REGISTRATION_NUMBER_HINTS,
  REQUESTED_SERVICE_NOT_SURE,
  type RecordedReferral,
  type RequestedService,
  SERVICES,
  TraineeGroupSchema,
  toLondonDate,
} from "@psu/domain";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { bindFields } from "../../../components/bind-fields";
import { Checkboxes, type CheckboxOption } from "../../../components/checkboxes";
import { toChoiceOptions } from "../../../components/choice-list";
import { FormPage } from "../../../components/form-page";
import { Panel } from "../../../components/panel";
import { Radios } from "../../../components/radios";
import { TextInput } from "../../../components/text-input";
import { Textarea } from "../../../components/textarea";
import { useForm } from "../../../components/use-form";
import { YES_NO_OPTIONS } from "../../../components/yes-no";
import { ApiError, hasErrorCode } from "../../../lib/api-client";
import { type FormError, findFieldError } from "../../../lib/form-errors";
import { createRandomUuid } from "../../../lib/random-id";
import { useSignedInStaff } from "../../../lib/staff-session";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useRecordReferral } from "../api/record-referral";
import { EligibilityFields } from "../components/eligibility-fields";
import {
  checkForm,
  EMPTY_FORM,
  findVerdict,
  type RecordReferralForm,
  toPageErrors,
} from "../components/record-referral-form";
import {
  CHANNEL_LABELS,
  HOW_SOON_LABELS,
  PREFERRED_CONTACT_LABELS,
  WORK_PATTERN_LABELS,
} from "../components/record-referral-labels";

const TITLE = "Record a referral";

const REGISTER_LABELS: Readonly<Record<ProfessionalRegister, string>> = {
  ...PROFESSIONAL_REGISTER_LABELS,
  none: "Not on a professional register yet",
};

/** The parts of the form kept as objects of their own. */
type Section = "eligibility" | "details" | "story" | "consent";

/**
 * A referral that reached the unit by email or phone, recorded by a coordinator:
 * the trainee's own questions on one page, checked with the same rules before it is sent, and
 * the reference to give the trainee once it is recorded.
 */
export function RecordReferralPage() {
  // Leads work their own cases and admins have none; recording a referral is for coordinators (the API agrees).
  if (!hasPermission(useSignedInStaff().role, "recordReferral")) return <NotAllowed />;
  return <RecordReferral />;
}

function RecordReferral() {
  const { values: form, setValues, choice, choices, errors, failures, fail, reset } = useForm(EMPTY_FORM);
  const [recorded, setRecorded] = useState<{ referral: RecordedReferral; emailed: boolean } | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const mutation = useRecordReferral();
  // One key per set of answers: a second click or a retry of the same answers cannot make a second referral.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  // Today, once: the rules must not change while the page is open.
  const [today] = useState(() => toLondonDate(new Date()));

  if (forbidden) return <NotAllowed />;
  if (recorded) {
    return (
      <Recorded
        {...recorded}
        onRecordAnother={() => {
          reset();
          setRecorded(null);
          attempt.current = null;
        }}
      />
    );
  }

  const verdict = findVerdict(form.eligibility, today);
  const group = TraineeGroupSchema.safeParse(form.eligibility.group);
  // The services open to the trainee's group, once it is known (the schema refuses the others).
  const serviceOptions: CheckboxOption<RequestedService>[] = [
    ...SERVICES.filter(
      (service) => service.access === "referral" && (!group.success || service.groups.includes(group.data)),
    ).map((service) => ({ value: service.id, label: service.name })),
    { value: REQUESTED_SERVICE_NOT_SURE, label: "Not sure: talk it through with the SPOC", dividerBefore: true },
  ];

  /** Sets one value in one part of the form. */
  function setIn<Part extends Section>(section: Part) {
    return <Name extends keyof RecordReferralForm[Part] & string>(name: Name, value: RecordReferralForm[Part][Name]) =>
      setValues((current) => ({ ...current, [section]: { ...current[section], [name]: value } }));
  }

  /** The fields of one part of the form, whose ids start with the part's name ("details-phone"). */
  function bindSection<Part extends Section>(section: Part) {
    return bindFields({ values: form[section], set: setIn(section), errors, prefix: section });
  }

  async function submit() {
    const checked = checkForm(form, today);
    if (!checked.ok) return fail(checked.errors);
    const body = JSON.stringify(checked.request);
    if (attempt.current?.body !== body) attempt.current = { body, key: createRandomUuid() };
    try {
      const referral = await mutation.mutateAsync({ request: checked.request, idempotencyKey: attempt.current.key });
      setRecorded({ referral, emailed: checked.request.details.personalEmail !== undefined });
    } catch (error) {
      if (hasErrorCode(error, "FORBIDDEN")) return setForbidden(true);
      fail(describeFailure(error));
    }
  }

  const details = bindSection("details");
  const story = bindSection("story");
  const consent = bindSection("consent");

  return (
    <FormPage
      title={TITLE}
      back={{ to: "/staff" }}
      errors={errors}
      failures={failures}
      onSubmit={() => void submit()}
      submitLabel="Record referral"
      isSubmitting={mutation.isPending}
      intro={
        <>
          <h1>{TITLE}</h1>
          <p>
            For a referral that came by email or phone. It gets the same checks and a reference, like one made online.
            Ask the trainee the questions below as they are written.
          </p>
        </>
      }
    >
      <Radios
        legend="How did the referral arrive?"
        legendSize="m"
        options={toChoiceOptions(CHANNEL_LABELS)}
        {...choice("channel")}
      />

      <EligibilityFields value={form.eligibility} set={setIn("eligibility")} errors={errors} verdict={verdict} />

      <h2>Services</h2>
      <Checkboxes<RequestedService>
        legend="Which services would they like?"
        legendSize="s"
        hint="Choose every one they asked for. Self-help resources need no referral: send them the links instead."
        options={serviceOptions}
        {...choices("services")}
      />

      <h2>The trainee's details</h2>
      <TextInput label="Full name" {...details.field("fullName")} autoComplete="off" spellCheck={false} />
      <TextInput
        label="Personal email address (optional)"
        hint="Not a work address. If they gave none, leave it blank: no confirmation email is then sent, so give them the reference yourself."
        type="email"
        {...details.field("personalEmail")}
        autoComplete="off"
        spellCheck={false}
      />
      <TextInput label="Phone number" type="tel" width="20" {...details.field("phone")} autoComplete="off" />
      <Radios
        legend="How would they like us to contact them?"
        legendSize="s"
        inline
        options={toChoiceOptions(PREFERRED_CONTACT_LABELS)}
        {...details.choice("preferredContact")}
      />
      <Textarea
        label="Safe times to contact them (optional)"
        rows={2}
        maxLength={FREE_TEXT_LIMITS.medium}
        {...details.field("safeContactTimes")}
      />
      <Radios
        legend="Which professional register are they on?"
        legendSize="s"
        options={toChoiceOptions(REGISTER_LABELS, { dividerBefore: "none" })}
        {...details.choice("register", "details-registration-register")}
      >
        {form.details.register !== undefined && form.details.register !== "none" && (
          <TextInput
            label="Registration number"
            hint={REGISTRATION_NUMBER_HINTS[form.details.register].replace(/^Enter your/, "Their")}
            width="10"
            {...details.field("registrationNumber", "details-registration-number")}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
        )}
      </Radios>
      <TextInput label="Specialty or training programme" {...details.field("programme")} />
      <TextInput label="Grade" hint="For example ST3, F2 or Band 6" width="10" {...details.field("grade")} />
      <TextInput label="Trust or employer" {...details.field("employer")} />
      <Radios
        legend="Do they work full time or less than full time?"
        legendSize="s"
        inline
        options={toChoiceOptions(WORK_PATTERN_LABELS)}
        {...details.choice("workPattern")}
      />

      <h2>In their words</h2>
      <Textarea label="What is happening" maxLength={FREE_TEXT_LIMITS.long} {...story.field("whatIsHappening")} />
      <Textarea
        label="What they have tried (optional)"
        maxLength={FREE_TEXT_LIMITS.long}
        {...story.field("whatHasBeenTried")}
      />
      <Textarea
        label="What would help (optional)"
        maxLength={FREE_TEXT_LIMITS.long}
        {...story.field("whatWouldHelp")}
      />
      <Radios
        legend="How soon would they like support?"
        legendSize="s"
        options={toChoiceOptions(HOW_SOON_LABELS)}
        {...story.choice("howSoon")}
      />
      <Textarea
        label="Access needs (optional)"
        rows={2}
        maxLength={FREE_TEXT_LIMITS.long}
        {...story.field("accessNeeds")}
      />

      <h2>Consent</h2>
      <Checkboxes
        legend="What you went through with the trainee"
        legendSize="s"
        options={[
          {
            value: "confidentialityPolicyDiscussed",
            label: "I went through the unit's confidentiality policy with them",
          },
          {
            value: "safetyOverrideDiscussed",
            label: "I told them we may share information without their consent if someone is at risk of serious harm",
          },
        ]}
        {...consent.choices("discussed")}
        // A problem with either box is shown on the group.
        error={findFieldError(errors, "consent-discussed") ?? findFieldError(errors, "consent-discussed-2")}
      />
      <Radios
        legend="May we contact their supervisor?"
        legendSize="s"
        inline
        options={YES_NO_OPTIONS}
        {...consent.choice("consentsToSupervisorContact")}
      />
    </FormPage>
  );
}

function describeFailure(error: unknown): FormError[] {
  if (error instanceof ApiError) {
    if (error.code === "VALIDATION_FAILED" && error.fields.length > 0) return toPageErrors(error.fields);
    if (error.code === "NOT_ELIGIBLE") return [{ field: "eligibility-verdict", message: error.message }];
    if (error.code === "NETWORK_ERROR") {
      return [{ field: "", message: "The service could not be reached. Check the connection and try again." }];
    }
  }
  return [{ field: "", message: "Sorry, the referral could not be recorded. Try again in a moment." }];
}

type RecordedProps = { referral: RecordedReferral; emailed: boolean; onRecordAnother: () => void };

/** The reference to give the trainee, when triage is due, and the way to the new case. */
function Recorded({ referral, emailed, onRecordAnother }: RecordedProps) {
  useDocumentTitle("Referral recorded");
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Panel heading="Referral recorded">
          Reference
          <br />
          <strong>{referral.reference}</strong>
        </Panel>
        <p>Triage is due by {formatCalendarDateLong(referral.triageDueOn)}.</p>
        <p>
          {emailed
            ? "The trainee will get an email confirming the referral, with this reference."
            : "No email address was given, so no confirmation email is sent: give the trainee this reference yourself."}
        </p>
        <p>
          <Link to={`/staff/cases/${referral.caseId}`}>Open the case</Link>
        </p>
        <p>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onRecordAnother}>
            Record another referral
          </button>
        </p>
        <p>
          <Link to="/staff">Back to the cases</Link>
        </p>
      </div>
    </div>
  );
}

/** Said to a lead or an admin who comes here: the API refused them. */
function NotAllowed() {
  useDocumentTitle(TITLE);
  return (
    <>
      <h1>{TITLE}</h1>
      <p>Only coordinators can record referrals.</p>
      <p>
        <Link to="/staff">Go to your start page</Link>
      </p>
    </>
  );
}
