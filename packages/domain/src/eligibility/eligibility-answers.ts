import { z } from "zod";
import { assertCalendarDate } from "../calendar/calendar-date";
import { TRAINEE_GROUPS } from "../catalogue/groups";

// The wizard's answers, exactly as the stable `POST /api/eligibility` contract names them.
// Every field a branch needs is required; fields of other branches are stripped unread, so a
// doctor who also sends `band: "banana"` is fine. Unknown keys are stripped too.

export const REFERRERS = ["self", "someone_else"] as const;
export const ReferrerSchema = z.enum(REFERRERS, { error: "Select who is making this referral" });
export type Referrer = z.infer<typeof ReferrerSchema>;

export const REGIONS = ["london", "kss", "elsewhere"] as const;
export const RegionSchema = z.enum(REGIONS, { error: "Select where you work or train" });
export type Region = z.infer<typeof RegionSchema>;

/** The trainee groups plus the answer that none of them fits. */
export const ELIGIBILITY_GROUPS = [...TRAINEE_GROUPS, "none_of_these"] as const;
const SELECT_GROUP = "Select the group you belong to";
export const EligibilityGroupSchema = z.enum(ELIGIBILITY_GROUPS, { error: SELECT_GROUP });
export type EligibilityGroup = z.infer<typeof EligibilityGroupSchema>;

export const TRAINING_NUMBER_STATUSES = ["current", "ended", "none"] as const;
const SELECT_TRAINING_NUMBER = "Select whether you hold a London or KSS training number";
export const TrainingNumberStatusSchema = z.enum(TRAINING_NUMBER_STATUSES, { error: SELECT_TRAINING_NUMBER });
export type TrainingNumberStatus = z.infer<typeof TrainingNumberStatusSchema>;

/** Agenda for Change bands, as strings because of 8a to 8d. */
export const BANDS = ["4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"] as const;
export const BandSchema = z.enum(BANDS, { error: "Select your Agenda for Change band" });
export type Band = z.infer<typeof BandSchema>;

export const PHARMACY_ROUTES = [
  "foundation_trainee_pharmacist",
  "trainee_pharmacy_technician",
  "foundation_pharmacist",
  "gp_pharmacist_pathway",
  "other",
] as const;
export const PharmacyRouteSchema = z.enum(PHARMACY_ROUTES, { error: "Select your pharmacy training route" });
export type PharmacyRoute = z.infer<typeof PharmacyRouteSchema>;

export const CONCERNS = ["contract", "physical_health", "rotation", "other"] as const;
export const ConcernSchema = z.enum(CONCERNS, { error: "Select only concerns from the list" });
export type Concern = z.infer<typeof ConcernSchema>;

const TRAINING_ENDED_ON_IN_FUTURE = "The date your training number ended must be today or in the past";

/** The `trainingEndedOn` field: a real "YYYY-MM-DD" date, and with `today` given, not after it. */
export function createTrainingEndedOnSchema(today?: string) {
  const date = z.iso.date({
    abort: true,
    error: (issue) =>
      issue.code === "invalid_format"
        ? "Enter the date your training number ended as a real date, for example 2025-08-31"
        : "Enter the date your training number ended",
  });
  return today === undefined
    ? date
    : date.refine((endedOn) => !isAfterToday(endedOn, today), TRAINING_ENDED_ON_IN_FUTURE);
}

// Dates in "YYYY-MM-DD" form sort as text, so comparing strings compares days.
function isAfterToday(date: string, today: string): boolean {
  return date > today;
}

function createBooleanSchema(message: string) {
  return z.boolean({ error: message });
}

/** Builds the answers schema; with `today` it also rejects a training end date in the future. */
export function createEligibilityAnswersSchema(today?: string) {
  if (today !== undefined) assertCalendarDate(today, "today");
  const common = z.object({
    referrer: ReferrerSchema,
    region: RegionSchema,
    // Required (an empty list is fine): the contract lists it and the signposts depend on it.
    concerns: z.array(ConcernSchema, { error: "Send concerns as a list, which may be empty" }),
  });

  const doctorOrDentist = z.discriminatedUnion(
    "trainingNumber",
    [
      z.object({ group: z.literal("doctor_or_dentist"), trainingNumber: z.enum(["current", "none"]) }),
      z.object({
        group: z.literal("doctor_or_dentist"),
        trainingNumber: z.literal("ended"),
        trainingEndedOn: createTrainingEndedOnSchema(today),
      }),
    ],
    // Only objects reach this union, so its one possible failure is an unknown trainingNumber.
    { error: SELECT_TRAINING_NUMBER },
  );

  const branch = z.discriminatedUnion(
    "group",
    [
      doctorOrDentist,
      z.object({
        group: z.literal("healthcare_professional"),
        band: BandSchema,
        inRecognisedScheme: createBooleanSchema("Select whether you are in a recognised training scheme"),
      }),
      z.object({ group: z.literal("pharmacy"), pharmacyRoute: PharmacyRouteSchema }),
      z.object({
        group: z.literal("gp_scheme"),
        schemeOffered: createBooleanSchema("Select whether you have been offered a place on the scheme"),
      }),
      z.object({ group: z.enum(["caps_or_msw", "none_of_these"]) }),
    ],
    // A body that is not an object keeps zod's own message; a missing or unknown group gets ours.
    { error: (issue) => (issue.code === "invalid_union" ? SELECT_GROUP : undefined) },
  );

  // An intersection (not one union of whole objects) so that a bad `group` does not hide
  // problems with the common fields: the client hears about every field at once.
  return z.intersection(common, branch);
}

/** The `POST /api/eligibility` body, without the check against today (for documentation and types). */
export const EligibilityAnswersSchema = createEligibilityAnswersSchema();
export type EligibilityAnswers = z.infer<typeof EligibilityAnswersSchema>;

/** One invalid field: a dotted path into the body (`concerns.0`, or `body` for the whole) and what is wrong. */
export interface EligibilityFieldIssue {
  field: string;
  message: string;
}

export type EligibilityAnswersValidation =
  | { success: true; answers: EligibilityAnswers }
  | { success: false; issues: EligibilityFieldIssue[] };

// Building the schema costs more than parsing with it, and `today` changes once a day: keep the
// last one. Same input, same schema, so this cache never changes an answer.
let cachedSchema: { today: string; schema: ReturnType<typeof createEligibilityAnswersSchema> } | undefined;
function getSchemaForToday(today: string) {
  if (cachedSchema?.today !== today) cachedSchema = { today, schema: createEligibilityAnswersSchema(today) };
  return cachedSchema.schema;
}

/**
 * The one problem today's date adds to answers that EligibilityAnswersSchema accepted: a training
 * end date after today, as validateEligibilityAnswers would list it. Null when there is none.
 * For a caller that has parsed the answers already (the API's route), so they are parsed once.
 */
export function findFutureTrainingEnd(answers: EligibilityAnswers, today: string): EligibilityFieldIssue | null {
  if (
    answers.group === "doctor_or_dentist" &&
    answers.trainingNumber === "ended" &&
    isAfterToday(answers.trainingEndedOn, today)
  )
    return { field: "trainingEndedOn", message: TRAINING_ENDED_ON_IN_FUTURE };
  return null;
}

/** Parses a request body into answers, or lists every invalid field (a 400) including a future end date. */
export function validateEligibilityAnswers(input: unknown, today: string): EligibilityAnswersValidation {
  const result = getSchemaForToday(today).safeParse(input);
  if (result.success) return { success: true, answers: result.data };
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.join(".") || "body",
    message: issue.message,
  }));
  // A body that is not an object fails both halves of the intersection with the same issue.
  const unique = new Map(issues.map((issue) => [`${issue.field}\n${issue.message}`, issue]));
  return { success: false, issues: [...unique.values()] };
}
