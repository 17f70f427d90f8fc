import {
  assessEligibility,
  type Band,
  type Concern,
  createEligibilityAnswersSchema,
  type EligibilityGroup,
  type EligibilityVerdict,
  type FieldError,
  type HowSoon,
  type PharmacyRoute,
  type PreferredContact,
  type ProfessionalRegister,
  type RecordedChannel,
  type RecordReferralRequest,
  RecordReferralRequestSchema,
  type Referrer,
  type Region,
  type RequestedService,
  type TrainingNumberStatus,
  validateEligibilityAnswers,
  type WorkPattern,
} from "@psu/domain";
import type { DateParts } from "../../../components/date-input";
import { fromYesNo, type YesNo } from "../../../components/yes-no";
import { type FormError, toFieldId, toFormErrors } from "../../../lib/form-errors";

// The "Record a referral" form as typed, and how it becomes the API's request. Every check is
// the domain's: the request schema the API runs, and the eligibility rules with today's date.

export type RecordReferralForm = {
  channel?: RecordedChannel | undefined;
  eligibility: {
    referrer?: Referrer | undefined;
    region?: Region | undefined;
    group?: EligibilityGroup | undefined;
    trainingNumber?: TrainingNumberStatus | undefined;
    trainingEndedOn: DateParts;
    band?: Band | undefined;
    inRecognisedScheme?: YesNo | undefined;
    pharmacyRoute?: PharmacyRoute | undefined;
    schemeOffered?: YesNo | undefined;
    concerns: Concern[];
  };
  services: RequestedService[];
  details: {
    fullName: string;
    personalEmail: string;
    phone: string;
    preferredContact?: PreferredContact | undefined;
    safeContactTimes: string;
    register?: ProfessionalRegister | undefined;
    registrationNumber: string;
    programme: string;
    grade: string;
    employer: string;
    workPattern?: WorkPattern | undefined;
  };
  story: {
    whatIsHappening: string;
    whatHasBeenTried: string;
    whatWouldHelp: string;
    howSoon?: HowSoon | undefined;
    accessNeeds: string;
  };
  consent: {
    discussed: ("confidentialityPolicyDiscussed" | "safetyOverrideDiscussed")[];
    consentsToSupervisorContact?: YesNo | undefined;
  };
};

export const EMPTY_FORM: RecordReferralForm = {
  eligibility: { trainingEndedOn: { day: "", month: "", year: "" }, concerns: [] },
  services: [],
  details: {
    fullName: "",
    personalEmail: "",
    phone: "",
    safeContactTimes: "",
    registrationNumber: "",
    programme: "",
    grade: "",
    employer: "",
  },
  story: { whatIsHappening: "", whatHasBeenTried: "", whatWouldHelp: "", accessNeeds: "" },
  consent: { discussed: [] },
};

/** The ids of the fields on the page, top to bottom: the error summary lists problems in this order. */
export const FIELD_ORDER = [
  "channel",
  "eligibility-referrer",
  "eligibility-region",
  "eligibility-group",
  "eligibility-trainingNumber",
  "eligibility-trainingEndedOn-day",
  "eligibility-band",
  "eligibility-inRecognisedScheme",
  "eligibility-pharmacyRoute",
  "eligibility-schemeOffered",
  "eligibility-concerns",
  "eligibility-verdict",
  "services",
  "details-fullName",
  "details-personalEmail",
  "details-phone",
  "details-preferredContact",
  "details-safeContactTimes",
  "details-registration-register",
  "details-registration-number",
  "details-programme",
  "details-grade",
  "details-employer",
  "details-workPattern",
  "story-whatIsHappening",
  "story-whatHasBeenTried",
  "story-whatWouldHelp",
  "story-howSoon",
  "story-accessNeeds",
  "consent-discussed",
  "consent-discussed-2",
  "consent-consentsToSupervisorContact",
] as const;

// Paths whose field on the page is not named after them: the date's first box, the second
// consent checkbox, and the registration (one request field, two page fields).
const RENAMED_FIELDS: Readonly<Record<string, string>> = {
  "eligibility.trainingEndedOn": "eligibility-trainingEndedOn-day",
  "consent.confidentialityPolicyDiscussed": "consent-discussed",
  "consent.safetyOverrideDiscussed": "consent-discussed-2",
  "details.registration": "details-registration-register",
};

function composeDate({ day, month, year }: DateParts): string | undefined {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (d === "" && m === "" && y === "") return undefined;
  // Not checked here: the domain's date rule says whether it is a real date, and not in the future.
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

/** The eligibility answers as the contract has them, with only the questions of the chosen branch. */
export function toEligibilityAnswers(eligibility: RecordReferralForm["eligibility"]): Record<string, unknown> {
  const { referrer, region, group, concerns } = eligibility;
  const answers: Record<string, unknown> = { referrer, region, group, concerns };
  switch (group) {
    case "doctor_or_dentist":
      answers.trainingNumber = eligibility.trainingNumber;
      if (eligibility.trainingNumber === "ended") answers.trainingEndedOn = composeDate(eligibility.trainingEndedOn);
      break;
    case "healthcare_professional":
      answers.band = eligibility.band;
      answers.inRecognisedScheme = fromYesNo(eligibility.inRecognisedScheme);
      break;
    case "pharmacy":
      answers.pharmacyRoute = eligibility.pharmacyRoute;
      break;
    case "gp_scheme":
      answers.schemeOffered = fromYesNo(eligibility.schemeOffered);
      break;
    default:
      break;
  }
  return answers;
}

/** The verdict on the eligibility answers so far, or null while some are missing or wrong. */
export function findVerdict(eligibility: RecordReferralForm["eligibility"], today: string): EligibilityVerdict | null {
  const checked = validateEligibilityAnswers(toEligibilityAnswers(eligibility), today);
  return checked.success ? assessEligibility(checked.answers, today) : null;
}

/** The request body for the form, as typed: the schema decides whether it is acceptable. */
export function toRequestBody(form: RecordReferralForm): Record<string, unknown> {
  const { details, story, consent } = form;
  return {
    channel: form.channel,
    eligibility: toEligibilityAnswers(form.eligibility),
    services: form.services,
    details: {
      fullName: details.fullName,
      personalEmail: details.personalEmail,
      phone: details.phone,
      preferredContact: details.preferredContact,
      safeContactTimes: details.safeContactTimes,
      // Someone not yet registered has no number, whatever was typed before they chose that.
      registration:
        details.register === undefined
          ? undefined
          : { register: details.register, number: details.register === "none" ? "" : details.registrationNumber },
      programme: details.programme,
      grade: details.grade,
      employer: details.employer,
      workPattern: details.workPattern,
    },
    story,
    consent: {
      confidentialityPolicyDiscussed: consent.discussed.includes("confidentialityPolicyDiscussed"),
      safetyOverrideDiscussed: consent.discussed.includes("safetyOverrideDiscussed"),
      consentsToSupervisorContact: fromYesNo(consent.consentsToSupervisorContact),
    },
  };
}

export const NOT_ELIGIBLE_MESSAGE =
  "The trainee is not eligible, so the referral cannot be recorded: the reasons are under the eligibility questions";

export type CheckedForm = { ok: true; request: RecordReferralRequest } | { ok: false; errors: FormError[] };

/**
 * Checks the form with the API's own request schema, and the eligibility answers with today's
 * date (a training end date in the future) and the eligibility rules: the referral of someone
 * who is not eligible is refused here, as the API would.
 */
export function checkForm(form: RecordReferralForm, today: string): CheckedForm {
  const body = toRequestBody(form);
  const eligibility = createEligibilityAnswersSchema(today).safeParse(body.eligibility);
  const request = RecordReferralRequestSchema.safeParse(body);
  const issues = [
    ...(eligibility.success
      ? []
      : eligibility.error.issues.map((issue) => ({ ...issue, path: ["eligibility", ...issue.path] }))),
    ...(request.success ? [] : request.error.issues),
  ];
  if (issues.length > 0 || !request.success) {
    return { ok: false, errors: toFormErrors(issues, FIELD_ORDER, RENAMED_FIELDS) };
  }
  const verdict = findVerdict(form.eligibility, today);
  if (verdict && !verdict.eligible) {
    return { ok: false, errors: [{ field: "eligibility-verdict", message: NOT_ELIGIBLE_MESSAGE }] };
  }
  return { ok: true, request: request.data };
}

/** The API's invalid fields as errors on the page ("details.phone" is the field "details-phone"). */
export function toPageErrors(fields: readonly FieldError[]): FormError[] {
  return fields.map((error) => {
    const field = RENAMED_FIELDS[error.field] ?? toFieldId(error.field);
    return { field: (FIELD_ORDER as readonly string[]).includes(field) ? field : "", message: error.message };
  });
}
