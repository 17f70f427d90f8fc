import {
  FREE_TEXT_LIMITS,
  formatCalendarDateLong,
  hasPermission,
  PROFESSIONAL_REGISTER_LABELS,
  PROFESSIONAL_REGISTERS,
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
import { Checkboxes, type CheckboxOption } from "../../../components/checkboxes";
import { FormPage, useFormErrors } from "../../../components/form-page";
import { Panel } from "../../../components/panel";
import { Radios } from "../../../components/radios";
import { TextInput } from "../../../components/text-input";
import { Textarea } from "../../../components/textarea";
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
  type YesNo,
} from "../components/record-referral-form";
import {
  CHANNEL_LABELS,
  HOW_SOON_LABELS,
  PREFERRED_CONTACT_LABELS,
  toOptions,
  WORK_PATTERN_LABELS,
} from "../components/record-referral-labels";

const TITLE = "Record a referral";

const REGISTER_LABELS: Readonly<Record<ProfessionalRegister, string>> = {
  ...PROFESSIONAL_REGISTER_LABELS,
  none: "Not on a professional register yet",
};

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
  const [form, setForm] = useState<RecordReferralForm>(EMPTY_FORM);
  const [recorded, setRecorded] = useState<{ referral: RecordedReferral; emailed: boolean } | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const { errors, failures, fail, clear } = useFormErrors();
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
          setForm(EMPTY_FORM);
          setRecorded(null);
          attempt.current = null;
          clear();
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

  function update<Section extends "eligibility" | "details" | "story" | "consent">(
    section: Section,
    change: Partial<RecordReferralForm[Section]>,
  ) {
    setForm((current) => ({ ...current, [section]: { ...current[section], ...change } }));
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

  const error = (field: string) => findFieldError(errors, field);
  const { details, story, consent } = form;

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
        name="channel"
        legend="How did the referral arrive?"
        legendSize="m"
        options={toOptions(CHANNEL_LABELS)}
        value={form.channel}
        onChange={(channel) => setForm((current) => ({ ...current, channel }))}
        error={error("channel")}
      />

      <EligibilityFields
        value={form.eligibility}
        onChange={(change) => update("eligibility", change)}
        errors={errors}
        verdict={verdict}
      />

      <h2>Services</h2>
      <Checkboxes<RequestedService>
        name="services"
        legend="Which services would they like?"
        legendSize="s"
        hint="Choose every one they asked for. Self-help resources need no referral: send them the links instead."
        options={serviceOptions}
        values={form.services}
        onChange={(services) => setForm((current) => ({ ...current, services }))}
        error={error("services")}
      />

      <h2>The trainee's details</h2>
      <TextInput
        id="details-fullName"
        label="Full name"
        value={details.fullName}
        onChange={(fullName) => update("details", { fullName })}
        autoComplete="off"
        spellCheck={false}
        error={error("details-fullName")}
      />
      <TextInput
        id="details-personalEmail"
        label="Personal email address (optional)"
        hint="Not a work address. If they gave none, leave it blank: no confirmation email is then sent, so give them the reference yourself."
        type="email"
        value={details.personalEmail}
        onChange={(personalEmail) => update("details", { personalEmail })}
        autoComplete="off"
        spellCheck={false}
        error={error("details-personalEmail")}
      />
      <TextInput
        id="details-phone"
        label="Phone number"
        type="tel"
        width="20"
        value={details.phone}
        onChange={(phone) => update("details", { phone })}
        autoComplete="off"
        error={error("details-phone")}
      />
      <Radios
        name="details-preferredContact"
        legend="How would they like us to contact them?"
        legendSize="s"
        inline
        options={toOptions(PREFERRED_CONTACT_LABELS)}
        value={details.preferredContact}
        onChange={(preferredContact) => update("details", { preferredContact })}
        error={error("details-preferredContact")}
      />
      <Textarea
        id="details-safeContactTimes"
        label="Safe times to contact them (optional)"
        rows={2}
        maxLength={FREE_TEXT_LIMITS.medium}
        value={details.safeContactTimes}
        onChange={(safeContactTimes) => update("details", { safeContactTimes })}
        error={error("details-safeContactTimes")}
      />
      <Radios
        name="details-registration-register"
        legend="Which professional register are they on?"
        legendSize="s"
        options={PROFESSIONAL_REGISTERS.map((register) => ({
          value: register,
          label: REGISTER_LABELS[register],
          dividerBefore: register === "none",
        }))}
        value={details.register}
        onChange={(register) => update("details", { register })}
        error={error("details-registration-register")}
      >
        {details.register !== undefined && details.register !== "none" && (
          <TextInput
            id="details-registration-number"
            label="Registration number"
            hint={REGISTRATION_NUMBER_HINTS[details.register].replace(/^Enter your/, "Their")}
            width="10"
            value={details.registrationNumber}
            onChange={(registrationNumber) => update("details", { registrationNumber })}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            error={error("details-registration-number")}
          />
        )}
      </Radios>
      <TextInput
        id="details-programme"
        label="Specialty or training programme"
        value={details.programme}
        onChange={(programme) => update("details", { programme })}
        error={error("details-programme")}
      />
      <TextInput
        id="details-grade"
        label="Grade"
        hint="For example ST3, F2 or Band 6"
        width="10"
        value={details.grade}
        onChange={(grade) => update("details", { grade })}
        error={error("details-grade")}
      />
      <TextInput
        id="details-employer"
        label="Trust or employer"
        value={details.employer}
        onChange={(employer) => update("details", { employer })}
        error={error("details-employer")}
      />
      <Radios
        name="details-workPattern"
        legend="Do they work full time or less than full time?"
        legendSize="s"
        inline
        options={toOptions(WORK_PATTERN_LABELS)}
        value={details.workPattern}
        onChange={(workPattern) => update("details", { workPattern })}
        error={error("details-workPattern")}
      />

      <h2>In their words</h2>
      <Textarea
        id="story-whatIsHappening"
        label="What is happening"
        maxLength={FREE_TEXT_LIMITS.long}
        value={story.whatIsHappening}
        onChange={(whatIsHappening) => update("story", { whatIsHappening })}
        error={error("story-whatIsHappening")}
      />
      <Textarea
        id="story-whatHasBeenTried"
        label="What they have tried (optional)"
        maxLength={FREE_TEXT_LIMITS.long}
        value={story.whatHasBeenTried}
        onChange={(whatHasBeenTried) => update("story", { whatHasBeenTried })}
        error={error("story-whatHasBeenTried")}
      />
      <Textarea
        id="story-whatWouldHelp"
        label="What would help (optional)"
        maxLength={FREE_TEXT_LIMITS.long}
        value={story.whatWouldHelp}
        onChange={(whatWouldHelp) => update("story", { whatWouldHelp })}
        error={error("story-whatWouldHelp")}
      />
      <Radios
        name="story-howSoon"
        legend="How soon would they like support?"
        legendSize="s"
        options={toOptions(HOW_SOON_LABELS)}
        value={story.howSoon}
        onChange={(howSoon) => update("story", { howSoon })}
        error={error("story-howSoon")}
      />
      <Textarea
        id="story-accessNeeds"
        label="Access needs (optional)"
        rows={2}
        maxLength={FREE_TEXT_LIMITS.long}
        value={story.accessNeeds}
        onChange={(accessNeeds) => update("story", { accessNeeds })}
        error={error("story-accessNeeds")}
      />

      <h2>Consent</h2>
      <Checkboxes
        name="consent-discussed"
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
        values={consent.discussed}
        onChange={(discussed) => update("consent", { discussed })}
        error={error("consent-discussed") ?? error("consent-discussed-2")}
      />
      <Radios<YesNo>
        name="consent-consentsToSupervisorContact"
        legend="May we contact their supervisor?"
        legendSize="s"
        inline
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
        value={consent.consentsToSupervisorContact}
        onChange={(consentsToSupervisorContact) => update("consent", { consentsToSupervisorContact })}
        error={error("consent-consentsToSupervisorContact")}
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
