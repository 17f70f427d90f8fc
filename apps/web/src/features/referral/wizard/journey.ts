import {
  ReferralConsentSchema,
  ReferralDetailsSchema,
  ReferralStorySchema,
  RequestedServicesSchema,
  type SignpostCode,
} from "@psu/domain";
import { type EligibilityField, isEligibilityAnswerGiven } from "./eligibility-answer";
import type { WizardState } from "./wizard-state";

// The order of the questions, worked out from the answers so far. Pure: pages use it to find
// the next question, and to send someone who arrives without an earlier answer (after a
// refresh, or by typing an address) to the first question still to answer.

export const ELIGIBILITY_STEPS = [
  "urgent-help",
  "who-is-referring",
  "where-you-work",
  "your-group",
  "training-number",
  "training-ended",
  "band",
  "recognised-scheme",
  "pharmacy-route",
  "scheme-offered",
] as const;

/** The eligibility questions after the first, each asking for one answer. */
export type EligibilityQuestionStep = Exclude<(typeof ELIGIBILITY_STEPS)[number], "urgent-help">;

/** The answer each eligibility question asks for. */
export const ELIGIBILITY_QUESTION_FIELDS = {
  "who-is-referring": "referrer",
  "where-you-work": "region",
  "your-group": "group",
  "training-number": "trainingNumber",
  "training-ended": "trainingEndedOn",
  band: "band",
  "recognised-scheme": "inRecognisedScheme",
  "pharmacy-route": "pharmacyRoute",
  "scheme-offered": "schemeOffered",
} as const satisfies Record<EligibilityQuestionStep, EligibilityField>;

function isEligibilityQuestion(step: WizardStep): step is EligibilityQuestionStep {
  return Object.hasOwn(ELIGIBILITY_QUESTION_FIELDS, step);
}

export const ADVICE_STEPS = ["advice-contract", "advice-physical-health", "advice-rotation"] as const;
export type AdviceStep = (typeof ADVICE_STEPS)[number];

/** The interruption page for each signpost; "where to get support instead" is on the exit page, not one of these. */
export const SIGNPOST_STEPS: Readonly<Record<SignpostCode, AdviceStep | null>> = {
  CONTRACT: "advice-contract",
  PHYSICAL_HEALTH: "advice-physical-health",
  ROTATION: "advice-rotation",
  LOCAL_SUPPORT: null,
};

/** The signpost each interruption page shows. */
export const ADVICE_SIGNPOSTS: Readonly<Record<AdviceStep, SignpostCode>> = {
  "advice-contract": "CONTRACT",
  "advice-physical-health": "PHYSICAL_HEALTH",
  "advice-rotation": "ROTATION",
};

export const DETAILS_STEPS = ["contact-details", "registration", "training-and-work"] as const;

/** Where someone referring another person is sent at once: the trainee must refer themselves. */
export const SOMEONE_ELSE_STEP = "referring-someone-else";

export type WizardStep =
  | (typeof ELIGIBILITY_STEPS)[number]
  | typeof SOMEONE_ELSE_STEP
  | "not-eligible"
  | "services"
  | "concerns"
  | AdviceStep
  | (typeof DETAILS_STEPS)[number]
  | "your-situation"
  | "consent"
  | "check-your-answers";

const ALL_STEPS: readonly WizardStep[] = [
  ...ELIGIBILITY_STEPS,
  SOMEONE_ELSE_STEP,
  "not-eligible",
  "services",
  "concerns",
  ...ADVICE_STEPS,
  ...DETAILS_STEPS,
  "your-situation",
  "consent",
  "check-your-answers",
];

/** The step a name stands for (from a saved draft or storage), or null when there is none. */
export function parseWizardStep(name: string | undefined): WizardStep | null {
  return ALL_STEPS.find((step) => step === name) ?? null;
}

export const CONTACT_FIELDS = ["fullName", "personalEmail", "phone", "preferredContact", "safeContactTimes"] as const;
export const WORK_FIELDS = ["programme", "grade", "employer", "workPattern"] as const;

/** Each page's part of the details, checked with the referral's own rules. */
export const ContactDetailsSchema = ReferralDetailsSchema.pick({
  fullName: true,
  personalEmail: true,
  phone: true,
  preferredContact: true,
  safeContactTimes: true,
});
export const RegistrationDetailsSchema = ReferralDetailsSchema.pick({ registration: true });
export const WorkDetailsSchema = ReferralDetailsSchema.pick({
  programme: true,
  grade: true,
  employer: true,
  workPattern: true,
});

/** The path to the page for a step. */
export function toStepPath(step: WizardStep): string {
  return `/refer/${step}`;
}

/**
 * The eligibility questions for the answers so far, in order. Someone referring another person
 * is asked nothing more: nothing about "you" applies to them, and the answer is already known.
 */
export function listEligibilitySteps(state: WizardState): WizardStep[] {
  const { referrer, group, trainingNumber } = state.eligibility;
  if (referrer === "someone_else") return ["urgent-help", "who-is-referring"];
  const steps: WizardStep[] = ["urgent-help", "who-is-referring", "where-you-work", "your-group"];
  switch (group) {
    case "doctor_or_dentist":
      steps.push("training-number", ...(trainingNumber === "ended" ? (["training-ended"] as const) : []));
      break;
    case "healthcare_professional":
      steps.push("band", "recognised-scheme");
      break;
    case "pharmacy":
      steps.push("pharmacy-route");
      break;
    case "gp_scheme":
      steps.push("scheme-offered");
      break;
    default:
      break;
  }
  return steps;
}

/** Every step of the journey for the answers so far: up to the verdict when there is none yet. */
export function listJourney(state: WizardState): WizardStep[] {
  const steps = listEligibilitySteps(state);
  // Known from this one answer, so no verdict is asked for (the API would give NOT_SELF_REFERRAL).
  if (state.eligibility.referrer === "someone_else") return [...steps, SOMEONE_ELSE_STEP];
  if (state.verdict === undefined) return steps;
  if (!state.verdict.eligible) return [...steps, "not-eligible"];
  return [
    ...steps,
    "services",
    "concerns",
    ...listSignpostSteps(state),
    ...DETAILS_STEPS,
    "your-situation",
    "consent",
    "check-your-answers",
  ];
}

/** The interruption pages for the verdict's signposts, once the concerns have been answered. */
export function listSignpostSteps(state: WizardState): WizardStep[] {
  if (state.eligibility.concerns === undefined || state.verdict === undefined) return [];
  return state.verdict.signposts.flatMap((signpost) => SIGNPOST_STEPS[signpost.code] ?? []);
}

/** Whether a step's answer is there and valid by the domain's rules (`today` for the training end date). */
export function isStepComplete(step: WizardStep, state: WizardState, today: string): boolean {
  if (isEligibilityQuestion(step)) {
    return isEligibilityAnswerGiven(state.eligibility, ELIGIBILITY_QUESTION_FIELDS[step], today);
  }
  switch (step) {
    case "urgent-help":
      return state.urgentHelp !== undefined || state.passedUrgentHelp;
    case SOMEONE_ELSE_STEP:
    case "not-eligible":
      return false;
    case "services":
      return RequestedServicesSchema.safeParse(state.services).success;
    case "concerns":
      return state.eligibility.concerns !== undefined;
    case "advice-contract":
    case "advice-physical-health":
    case "advice-rotation":
      return state.seenSignposts.includes(ADVICE_SIGNPOSTS[step]);
    case "contact-details":
      return ContactDetailsSchema.safeParse(state.details).success;
    case "registration":
      return RegistrationDetailsSchema.safeParse(state.details).success;
    case "training-and-work":
      return WorkDetailsSchema.safeParse(state.details).success;
    case "your-situation":
      return ReferralStorySchema.safeParse(state.story).success;
    case "consent":
      return ReferralConsentSchema.safeParse(state.consent).success;
    case "check-your-answers":
      return false;
  }
}

/**
 * The first step still to answer. When every eligibility question is answered but there is no
 * verdict (it is not kept over a refresh), that is the last eligibility question: continuing
 * from it asks the API again.
 */
export function findFirstIncompleteStep(state: WizardState, today: string): WizardStep {
  const journey = listJourney(state);
  const incomplete = journey.find((step) => !isStepComplete(step, state, today));
  if (incomplete !== undefined) return incomplete;
  // Only reached without a verdict: with one, the journey ends in a page that is never complete.
  return journey.at(-1) ?? "urgent-help";
}

/** Whether a step can be shown: it is on the journey and every step before it is answered. */
export function canVisitStep(step: WizardStep, state: WizardState, today: string): boolean {
  const journey = listJourney(state);
  const index = journey.indexOf(step);
  if (index === -1) return false;
  return journey.slice(0, index).every((earlier) => isStepComplete(earlier, state, today));
}

/**
 * Where to go after answering `step`: the next step of the journey or, when changing an answer
 * from "Check your answers", the next step still to answer and otherwise back to the check.
 */
export function findNextStep(step: WizardStep, state: WizardState, today: string, returnToCheck: boolean): WizardStep {
  const journey = listJourney(state);
  const index = journey.indexOf(step);
  if (returnToCheck) {
    const pending = journey.slice(index + 1).find((later) => !isStepComplete(later, state, today));
    return pending ?? "check-your-answers";
  }
  return journey[index + 1] ?? findFirstIncompleteStep(state, today);
}

/**
 * Whether every eligibility question of the chosen branch is answered, so the API can give a
 * verdict. Never for someone referring another person: their next page needs none.
 */
export function hasAllEligibilityAnswers(state: WizardState, today: string): boolean {
  if (state.eligibility.referrer === "someone_else") return false;
  return listEligibilitySteps(state).every((step) => isStepComplete(step, state, today));
}
