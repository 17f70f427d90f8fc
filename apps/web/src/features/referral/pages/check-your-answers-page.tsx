import {
  findService,
  formatCalendarDateLong,
  isCalendarDate,
  PROFESSIONAL_REGISTER_LABELS,
  REQUESTED_SERVICE_NOT_SURE,
  ReferralSubmissionSchema,
} from "@psu/domain";
import { type ReactNode, useRef } from "react";
import { Navigate, useNavigate } from "react-router";
import { BackLink } from "../../../components/back-link";
import { ErrorSummary } from "../../../components/error-summary";
import { useFormErrors } from "../../../components/form-page";
import { SummaryList, type SummaryRow } from "../../../components/summary-list";
import { ApiError } from "../../../lib/api-client";
import type { FormError } from "../../../lib/form-errors";
import { createRandomUuid } from "../../../lib/random-id";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useSubmitReferral } from "../api/submit-referral";
import {
  CONCERN_LABELS,
  GROUP_LABELS,
  HOW_SOON_LABELS,
  PHARMACY_ROUTE_LABELS,
  PREFERRED_CONTACT_LABELS,
  REFERRER_LABELS,
  REGION_LABELS,
  TRAINING_NUMBER_LABELS,
  WORK_PATTERN_LABELS,
} from "../components/answer-labels";
import { toStepPath, type WizardStep } from "../wizard/journey";
import { RETURN_TO_CHECK, useWizardStep } from "../wizard/use-wizard-step";
import { INITIAL_WIZARD_STATE, type WizardState } from "../wizard/wizard-state";

const HEADING = "Check your answers before sending your referral";

/** The NHS.UK "Check your answers" page, and the one place the referral is sent from. */
export function CheckYourAnswersPage() {
  const { state, store, redirectTo, back } = useWizardStep("check-your-answers");
  const navigate = useNavigate();
  const submit = useSubmitReferral();
  const sending = useRef(false);
  const { errors, failures, fail } = useFormErrors();
  useDocumentTitle(HEADING, { hasError: errors.length > 0 });

  // Sent: the answers are gone from memory, and the receipt is on the confirmation page.
  if (state.receipt) return <Navigate to="/refer/confirmation" replace />;
  if (redirectTo) return <Navigate to={redirectTo} replace />;

  async function send() {
    // A second click while the first is on its way does nothing; if one got through anyway,
    // the Idempotency-Key below makes the API answer it with the same referral.
    if (sending.current) return;
    const current = store.getState();
    const parsed = ReferralSubmissionSchema.safeParse(buildSubmission(current));
    if (!parsed.success) return fail(toCheckErrors(parsed.error.issues));
    sending.current = true;
    // One key per attempt: kept for retries of the same answers, replaced when an answer changes.
    const idempotencyKey = current.submissionKey ?? createRandomUuid();
    if (current.submissionKey === undefined) store.update((latest) => ({ ...latest, submissionKey: idempotencyKey }));
    try {
      const receipt = await submit.mutateAsync({ submission: parsed.data, idempotencyKey });
      store.reset({ ...INITIAL_WIZARD_STATE, receipt });
      navigate("/refer/confirmation", { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === "IDEMPOTENCY_KEY_REUSED") {
        store.update((latest) => ({ ...latest, submissionKey: undefined }));
      }
      fail(describeSubmitFailure(error));
    } finally {
      sending.current = false;
    }
  }

  return (
    <>
      <BackLink to={back.to} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} focusKey={failures} />
          <h1>{HEADING}</h1>
          {listSections(state).map((section) => (
            <section key={section.heading}>
              <h2 className="nhsuk-heading-m">{section.heading}</h2>
              <SummaryList rows={section.rows} />
            </section>
          ))}
          <h2 className="nhsuk-heading-m">Now send your referral</h2>
          <p>
            By sending this referral you confirm that, to the best of your knowledge, the details you have given are
            correct.
          </p>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void send();
            }}
          >
            <button className="nhsuk-button" type="submit" disabled={submit.isPending}>
              Send referral
            </button>
          </form>
        </div>
      </div>
    </>
  );
}

/** The referral as the API takes it, from the answers as typed (the schema tidies them). */
function buildSubmission(state: WizardState) {
  return {
    eligibility: { ...state.eligibility, concerns: state.eligibility.concerns ?? [] },
    services: state.services,
    details: state.details,
    story: state.story,
    consent: state.consent,
    // The draft these answers were saved in or resumed from: the API deletes it with the referral.
    ...(state.resumeCode === undefined ? {} : { resumeCode: state.resumeCode }),
  };
}

// Where to change each part of the referral when the check finds a problem with it.
function findStepForPath(path: readonly PropertyKey[]): WizardStep {
  const [section, field] = path.map(String);
  switch (section) {
    case "eligibility":
      return field === "group" ? "your-group" : "who-is-referring";
    case "services":
      return "services";
    case "details":
      if (field === "registration") return "registration";
      if (field === "programme" || field === "grade" || field === "employer" || field === "workPattern") {
        return "training-and-work";
      }
      return "contact-details";
    case "story":
      return "your-situation";
    default:
      return "consent";
  }
}

function toCheckError(path: readonly PropertyKey[], message: string): FormError {
  return {
    field: path.map(String).join("-"),
    message,
    link: { to: toStepPath(findStepForPath(path)), state: RETURN_TO_CHECK },
  };
}

function toCheckErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FormError[] {
  return issues.map((issue) => toCheckError(issue.path, issue.message));
}

function describeSubmitFailure(error: unknown): FormError[] {
  if (error instanceof ApiError) {
    if (error.code === "VALIDATION_FAILED" && error.fields.length > 0) {
      return error.fields.map((field) => toCheckError(field.field.split("."), field.message));
    }
    if (error.code === "NOT_ELIGIBLE") {
      return [toCheckError(["eligibility"], error.message)];
    }
    if (error.code === "IDEMPOTENCY_KEY_REUSED") {
      return [{ field: "", message: "Your answers changed while your referral was being sent. Send it again." }];
    }
    if (error.code === "TOO_MANY_REQUESTS") {
      // The API's words: when to try again, the crisis lines and the coordinators' email.
      return [{ field: "", message: error.message }];
    }
  }
  return [
    {
      field: "",
      message:
        "Sorry, we could not send your referral. Your answers are still here: check your connection and try again.",
    },
  ];
}

type Section = { heading: string; rows: SummaryRow[] };

function change(step: WizardStep, label: string): SummaryRow["change"] {
  return { to: toStepPath(step), label, state: RETURN_TO_CHECK };
}

function listSections(state: WizardState): Section[] {
  const { eligibility, details, story, consent } = state;
  const eligibilityRows: SummaryRow[] = [
    row(
      "Who is making this referral",
      labelFor(REFERRER_LABELS, eligibility.referrer),
      change("who-is-referring", "who is making this referral"),
    ),
    row(
      "Where you work or train",
      labelFor(REGION_LABELS, eligibility.region),
      change("where-you-work", "where you work or train"),
    ),
    row("Which describes you", labelFor(GROUP_LABELS, eligibility.group), change("your-group", "which describes you")),
  ];
  switch (eligibility.group) {
    case "doctor_or_dentist":
      eligibilityRows.push(
        row(
          "London or KSS training number",
          labelFor(TRAINING_NUMBER_LABELS, eligibility.trainingNumber),
          change("training-number", "your training number"),
        ),
      );
      if (
        eligibility.trainingNumber === "ended" &&
        eligibility.trainingEndedOn &&
        isCalendarDate(eligibility.trainingEndedOn)
      ) {
        eligibilityRows.push(
          row(
            "Date your training number ended",
            formatCalendarDateLong(eligibility.trainingEndedOn),
            change("training-ended", "the date your training number ended"),
          ),
        );
      }
      break;
    case "healthcare_professional":
      eligibilityRows.push(
        row("Agenda for Change band", eligibility.band && `Band ${eligibility.band}`, change("band", "your band")),
        row(
          "In a recognised training scheme",
          yesNo(eligibility.inRecognisedScheme),
          change("recognised-scheme", "whether you are in a recognised training scheme"),
        ),
      );
      break;
    case "pharmacy":
      eligibilityRows.push(
        row(
          "Pharmacy training",
          labelFor(PHARMACY_ROUTE_LABELS, eligibility.pharmacyRoute),
          change("pharmacy-route", "your pharmacy training"),
        ),
      );
      break;
    case "gp_scheme":
      eligibilityRows.push(
        row(
          "Offered a placement on the scheme",
          yesNo(eligibility.schemeOffered),
          change("scheme-offered", "whether you have been offered a placement"),
        ),
      );
      break;
    default:
      break;
  }
  const concerns = eligibility.concerns ?? [];
  eligibilityRows.push(
    row(
      "Is it about any of these",
      concerns.length === 0 ? "None of these" : <Lines lines={concerns.map((concern) => CONCERN_LABELS[concern])} />,
      change("concerns", "what it is about"),
    ),
  );

  const services = (state.services ?? []).map((id) =>
    id === REQUESTED_SERVICE_NOT_SURE ? "Not sure: I'd like to talk to someone" : (findService(id)?.name ?? id),
  );
  const registration = details.registration;
  const contact = rowsChangedOn("contact-details");
  const register = rowsChangedOn("registration");
  const work = rowsChangedOn("training-and-work");
  const situation = rowsChangedOn("your-situation");
  const agreed = rowsChangedOn("consent");

  return [
    { heading: "About you and your training", rows: eligibilityRows },
    {
      heading: "Support you would like",
      rows: [row("Support", <Lines lines={services} />, change("services", "the support you would like"))],
    },
    {
      heading: "Your details",
      rows: [
        contact("Full name", details.fullName, "your name"),
        contact("Personal email address", details.personalEmail, "your email address"),
        contact("Phone number", details.phone, "your phone number"),
        contact(
          "How to contact you",
          labelFor(PREFERRED_CONTACT_LABELS, details.preferredContact),
          "how to contact you",
        ),
        contact("Safe times to contact you", details.safeContactTimes || "Not given", "safe times to contact you"),
        register(
          "Professional register",
          labelFor(PROFESSIONAL_REGISTER_LABELS, registration?.register),
          "your professional register",
        ),
        ...(registration?.register && registration.register !== "none"
          ? [register("Registration number", registration.number, "your registration number")]
          : []),
        work("Specialty or training programme", details.programme, "your specialty or programme"),
        work("Grade", details.grade, "your grade"),
        work("Trust or employer", details.employer, "your Trust or employer"),
        work(
          "Full time or less than full time",
          labelFor(WORK_PATTERN_LABELS, details.workPattern),
          "whether you work full time",
        ),
      ],
    },
    {
      heading: "Your situation",
      rows: [
        situation("What is happening", <Text value={story.whatIsHappening} />, "what is happening"),
        situation("What you have tried", <Text value={story.whatHasBeenTried} />, "what you have tried"),
        situation("What would help", <Text value={story.whatWouldHelp} />, "what would help"),
        situation("How soon", labelFor(HOW_SOON_LABELS, story.howSoon), "how soon you would like support"),
        situation("Access needs", <Text value={story.accessNeeds} />, "your access needs"),
      ],
    },
    {
      heading: "Confidentiality and consent",
      rows: [
        agreed(
          "Confidentiality policy",
          consent.acceptsConfidentialityPolicy ? "Read" : "Not confirmed",
          "confidentiality",
        ),
        agreed(
          "Sharing information to keep people safe",
          consent.understandsSafetyOverride ? "Understood" : "Not confirmed",
          "sharing information to keep people safe",
        ),
        agreed(
          "We may contact your supervisor",
          yesNo(consent.consentsToSupervisorContact),
          "whether we may contact your supervisor",
        ),
      ],
    },
  ];
}

/** Rows whose answers are changed on one page: each row's change link goes to `step`. */
function rowsChangedOn(step: WizardStep) {
  return (key: string, value: ReactNode, what: string) => row(key, value, change(step, what));
}

/** The words for an answer, or nothing while it is not given. */
function labelFor<Answer extends string>(labels: Readonly<Record<Answer, string>>, answer: Answer | undefined) {
  return answer === undefined ? undefined : labels[answer];
}

function row(key: string, value: ReactNode, changeLink: SummaryRow["change"]): SummaryRow {
  return { key, value: value === undefined || value === "" ? "Not given" : value, change: changeLink };
}

function yesNo(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? "Yes" : "No";
}

function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <ul className="nhsuk-list">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** Free text as typed, line breaks kept. */
function Text({ value }: { value: string | undefined }) {
  if (value === undefined || value.trim() === "") return <>Not given</>;
  return <span className="app-pre-wrap">{value}</span>;
}
