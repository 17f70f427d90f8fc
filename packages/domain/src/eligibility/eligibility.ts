import { z } from "zod";
import {
  addCalendarDays,
  addCalendarMonthsClamped,
  assertCalendarDate,
  formatCalendarDateLong,
} from "../calendar/calendar-date";
import type { Band, EligibilityAnswers } from "./eligibility-answers";
import { listSignpostsForConcerns, PSU_COORDINATOR_EMAIL, SIGNPOSTS, SignpostSchema } from "./signposts";

/** In rule order: when several rules fail, the reasons come in this order. */
export const ELIGIBILITY_REASON_CODES = [
  "NOT_SELF_REFERRAL",
  "OUTSIDE_REGION",
  "NOT_ELIGIBLE_GROUP",
  "NO_TRAINING_NUMBER",
  "GRACE_PERIOD_EXPIRED",
  "BAND_NOT_ELIGIBLE",
  "NOT_IN_RECOGNISED_SCHEME",
  "PHARMACY_ROUTE_NOT_ELIGIBLE",
  "NO_SCHEME_PLACEMENT",
] as const;
export const EligibilityReasonCodeSchema = z.enum(ELIGIBILITY_REASON_CODES);
export type EligibilityReasonCode = z.infer<typeof EligibilityReasonCodeSchema>;

export const EligibilityReasonSchema = z.object({ code: EligibilityReasonCodeSchema, message: z.string().min(1) });
export type EligibilityReason = z.infer<typeof EligibilityReasonSchema>;

/** The `POST /api/eligibility` response. `reasons` is empty exactly when `eligible` is true. */
export const EligibilityVerdictSchema = z.object({
  eligible: z.boolean(),
  reasons: z.array(EligibilityReasonSchema),
  signposts: z.array(SignpostSchema),
});
export type EligibilityVerdict = z.infer<typeof EligibilityVerdictSchema>;

/** Doctors and dentists stay eligible for this many months after CCT or giving up their number. */
export const GRACE_PERIOD_MONTHS = 3;

/** Agenda for Change bands the unit supports: 5 to 8, with 8a to 8d (not 4, not 9). */
export const ELIGIBLE_BANDS: readonly Band[] = ["5", "6", "7", "8a", "8b", "8c", "8d"];

const LOCAL_HELP = "Your employer's staff support or Occupational Health service can help instead.";

const REASON_MESSAGES: Readonly<Record<Exclude<EligibilityReasonCode, "GRACE_PERIOD_EXPIRED">, string>> = {
  NOT_SELF_REFERRAL:
    "We can only take a referral from the trainee themselves, because our support starts with their consent. " +
    "Please share this service's start page with the person you are worried about so they can refer themselves, " +
    `or email our coordinators at ${PSU_COORDINATOR_EMAIL} for advice on how to support them.`,
  OUTSIDE_REGION:
    "We support trainees in London and Kent, Surrey and Sussex only. " +
    "Your own deanery or NHS England region has a professional support unit that can help you.",
  NOT_ELIGIBLE_GROUP:
    "We support postgraduate doctors and dentists, healthcare professionals in recognised training schemes, " +
    "pharmacy trainees, and doctors on GP schemes, the Clinical Apprenticeship Scheme or the Medical Support Worker programme. " +
    LOCAL_HELP,
  NO_TRAINING_NUMBER:
    "We support doctors and dentists who hold a London or KSS training number, " +
    `or who finished training or gave their number up in the last ${GRACE_PERIOD_MONTHS} months. ` +
    "A doctor in a London or KSS foundation programme counts as holding one: if that is you, go back and answer yes. " +
    LOCAL_HELP,
  BAND_NOT_ELIGIBLE:
    "We support healthcare professionals in Agenda for Change bands 5 to 8 (including 8a to 8d). " +
    `Your band is not one of these. ${LOCAL_HELP}`,
  NOT_IN_RECOGNISED_SCHEME:
    "We support healthcare professionals who are in a recognised training scheme, " +
    `such as nurse preceptorship or development for a specialised role. ${LOCAL_HELP}`,
  PHARMACY_ROUTE_NOT_ELIGIBLE:
    "We support foundation trainee pharmacists, trainee pharmacy technicians employed by Trusts, " +
    "foundation pharmacists in their first 2 years after registration, " +
    `and pharmacists on the 18-month GP pharmacist training pathway. ${LOCAL_HELP}`,
  NO_SCHEME_PLACEMENT:
    "We support doctors who have passed the entry requirements and been offered a placement on the " +
    "Induction and Returning, Retainer or International GP Recruitment scheme. " +
    `Once you have been offered a placement, you can come back and refer yourself. ${LOCAL_HELP}`,
};

/**
 * The earliest end date that is still inside the grace period on `today`: the date 3 calendar
 * months before today, where a day that month lacks becomes its last day (so on 31 May, the
 * end of February). Reading back from today, not forward from the end date, keeps every month
 * end in the trainee's favour.
 */
export function getGracePeriodCutoff(today: string): string {
  return addCalendarMonthsClamped(today, -GRACE_PERIOD_MONTHS);
}

/** Whether a training number that ended on `trainingEndedOn` is still inside the grace period on `today`. */
export function isWithinGracePeriod(trainingEndedOn: string, today: string): boolean {
  // Inclusive. "YYYY-MM-DD" compares as text.
  return trainingEndedOn >= getGracePeriodCutoff(today);
}

/** The last day a doctor or dentist whose training number ended on `trainingEndedOn` is still eligible. */
export function getGracePeriodEnd(trainingEndedOn: string): string {
  // The cutoff never falls as today rises, so the eligible days run up to one last day; it is
  // 3 months on (clamped), or up to 3 days later when that month is shorter (ended 29 February:
  // still eligible on 31 May, whose cutoff is the end of February).
  let end = addCalendarMonthsClamped(trainingEndedOn, GRACE_PERIOD_MONTHS);
  while (isWithinGracePeriod(trainingEndedOn, addCalendarDays(end, 1))) end = addCalendarDays(end, 1);
  return end;
}

/** The message for a reason that does not depend on the answers (every one but the grace period's). */
export function describeEligibilityReason(code: Exclude<EligibilityReasonCode, "GRACE_PERIOD_EXPIRED">): string {
  return REASON_MESSAGES[code];
}

function createReason(code: Exclude<EligibilityReasonCode, "GRACE_PERIOD_EXPIRED">): EligibilityReason {
  return { code, message: describeEligibilityReason(code) };
}

function createGracePeriodExpiredReason(trainingEndedOn: string, gracePeriodEnd: string): EligibilityReason {
  return {
    code: "GRACE_PERIOD_EXPIRED",
    message:
      `Your training number ended on ${formatCalendarDateLong(trainingEndedOn)}. ` +
      `We can support you for ${GRACE_PERIOD_MONTHS} months after that, which was until ${formatCalendarDateLong(gracePeriodEnd)}. ` +
      LOCAL_HELP,
  };
}

// Only the rules of the chosen group apply; the schema has already dropped other groups' fields.
function findGroupReasons(answers: EligibilityAnswers, today: string): EligibilityReason[] {
  switch (answers.group) {
    case "none_of_these":
      return [createReason("NOT_ELIGIBLE_GROUP")];
    case "doctor_or_dentist": {
      if (answers.trainingNumber !== "ended") {
        return answers.trainingNumber === "none" ? [createReason("NO_TRAINING_NUMBER")] : [];
      }
      if (isWithinGracePeriod(answers.trainingEndedOn, today)) return [];
      return [createGracePeriodExpiredReason(answers.trainingEndedOn, getGracePeriodEnd(answers.trainingEndedOn))];
    }
    case "healthcare_professional":
      // Both can fail at once, and then both are said.
      return [
        ...(ELIGIBLE_BANDS.includes(answers.band) ? [] : [createReason("BAND_NOT_ELIGIBLE")]),
        ...(answers.inRecognisedScheme ? [] : [createReason("NOT_IN_RECOGNISED_SCHEME")]),
      ];
    case "pharmacy":
      return answers.pharmacyRoute === "other" ? [createReason("PHARMACY_ROUTE_NOT_ELIGIBLE")] : [];
    case "gp_scheme":
      return answers.schemeOffered ? [] : [createReason("NO_SCHEME_PLACEMENT")];
    case "caps_or_msw":
      return [];
  }
}

/** Decides whether the answers make someone eligible; `today` is "YYYY-MM-DD" in Europe/London. */
export function assessEligibility(answers: EligibilityAnswers, today: string): EligibilityVerdict {
  assertCalendarDate(today, "today");
  const reasons = [
    ...(answers.referrer === "self" ? [] : [createReason("NOT_SELF_REFERRAL")]),
    ...(answers.region === "elsewhere" ? [createReason("OUTSIDE_REGION")] : []),
    ...findGroupReasons(answers, today),
  ];
  const eligible = reasons.length === 0;
  const signposts = listSignpostsForConcerns(answers.concerns);
  return { eligible, reasons, signposts: eligible ? signposts : [...signposts, SIGNPOSTS.LOCAL_SUPPORT] };
}
