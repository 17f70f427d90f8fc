import { z } from "zod";
import { findService, SERVICE_IDS, type ServiceId } from "../catalogue/services";
import {
  BandSchema,
  CONCERNS,
  ConcernSchema,
  EligibilityAnswersSchema,
  EligibilityGroupSchema,
  PharmacyRouteSchema,
  ReferrerSchema,
  RegionSchema,
  TrainingNumberStatusSchema,
} from "../eligibility/eligibility-answers";
import { createMultiLineTextSchema, createSingleLineTextSchema } from "../text/text-input";
import { EMAIL_MAX_LENGTH, PersonalEmailSchema, PreferredContactSchema, UkPhoneSchema } from "./contact";
import { ProfessionalRegisterSchema, REGISTRATION_NUMBER_MAX_LENGTH, RegistrationSchema } from "./registration";
import { ResumeCodeSchema } from "./resume-code";

// The referral a trainee submits at the end of the wizard, in the sections the wizard asks
// for them, and the half-filled draft saved on the way.

/** Longest text accepted per kind of field: short answers, contact notes, and the trainee's own account. */
export const FREE_TEXT_LIMITS = { short: 100, medium: 500, long: 2000 } as const;

function tooLong(label: string, limit: number): string {
  return `${label} must be ${limit} characters or fewer`;
}

/** Whether the answer is typed on one line (a text input) or several (a textarea). */
type Lines = "one" | "several";

// Every answer goes through the domain's text rule (text/text-input.ts): a control character,
// including U+0000 which PostgreSQL cannot store, is refused naming the field.
function createTextSchema(label: string, lines: Lines, error: string) {
  return lines === "one" ? createSingleLineTextSchema(label, { error }) : createMultiLineTextSchema(label, { error });
}

function createRequiredTextSchema(label: string, missing: string, limit: number, lines: Lines = "one") {
  return createTextSchema(label, lines, missing).trim().min(1, missing).max(limit, tooLong(label, limit));
}

// An optional answer left blank is the same as no answer, so "" is stored as nothing.
function createOptionalTextSchema(label: string, limit: number, lines: Lines = "one") {
  return createTextSchema(label, lines, `${label} must be text`)
    .trim()
    .max(limit, tooLong(label, limit))
    .transform((text) => (text === "" ? undefined : text))
    .optional();
}

export const WORK_PATTERNS = ["full_time", "less_than_full_time"] as const;
export const WorkPatternSchema = z.enum(WORK_PATTERNS, {
  error: "Select whether you work full time or less than full time",
});
export type WorkPattern = z.infer<typeof WorkPatternSchema>;

/** The "your details" section: who the trainee is, how to reach them safely, and where they train. */
export const ReferralDetailsSchema = z.object({
  fullName: createRequiredTextSchema("Full name", "Enter your full name", FREE_TEXT_LIMITS.short),
  personalEmail: PersonalEmailSchema,
  phone: UkPhoneSchema,
  preferredContact: PreferredContactSchema,
  safeContactTimes: createOptionalTextSchema("Safe times to contact you", FREE_TEXT_LIMITS.medium, "several"),
  registration: RegistrationSchema,
  programme: createRequiredTextSchema(
    "Specialty or programme",
    "Enter your specialty or training programme",
    FREE_TEXT_LIMITS.short,
  ),
  grade: createRequiredTextSchema("Grade", "Enter your grade, for example ST3, F2 or Band 6", FREE_TEXT_LIMITS.short),
  employer: createRequiredTextSchema("Trust or employer", "Enter your Trust or employer", FREE_TEXT_LIMITS.short),
  workPattern: WorkPatternSchema,
});
export type ReferralDetails = z.infer<typeof ReferralDetailsSchema>;

export const HOW_SOON = ["urgent_within_a_week", "soon_within_a_month", "when_possible"] as const;
export const HowSoonSchema = z.enum(HOW_SOON, { error: "Select how soon you would like support" });
export type HowSoon = z.infer<typeof HowSoonSchema>;

/** The trainee's own account: what is happening, what they tried, what would help, and how soon. */
export const ReferralStorySchema = z.object({
  whatIsHappening: createRequiredTextSchema(
    "What is happening",
    "Enter what is happening",
    FREE_TEXT_LIMITS.long,
    "several",
  ),
  whatHasBeenTried: createOptionalTextSchema("What you have tried", FREE_TEXT_LIMITS.long, "several"),
  whatWouldHelp: createOptionalTextSchema("What would help", FREE_TEXT_LIMITS.long, "several"),
  howSoon: HowSoonSchema,
  accessNeeds: createOptionalTextSchema("Access needs", FREE_TEXT_LIMITS.long, "several"),
});
export type ReferralStory = z.infer<typeof ReferralStorySchema>;

/** The consent section: the two confirmations are required, contacting a supervisor is the trainee's choice. */
export const ReferralConsentSchema = z.object({
  acceptsConfidentialityPolicy: z.literal(true, { error: "Confirm you have read the confidentiality policy" }),
  understandsSafetyOverride: z.literal(true, {
    error: "Confirm you understand we may share information without your consent if someone is at risk of serious harm",
  }),
  consentsToSupervisorContact: z.boolean({ error: "Select whether we may contact your supervisor" }),
});
export type ReferralConsent = z.infer<typeof ReferralConsentSchema>;

/** The "not sure, talk to the SPOC" choice on the services page. */
export const REQUESTED_SERVICE_NOT_SURE = "not_sure";

export const REQUESTED_SERVICES = [...SERVICE_IDS, REQUESTED_SERVICE_NOT_SURE] as const;
export const RequestedServiceSchema = z.enum(REQUESTED_SERVICES, { error: "Select services from the list" });
export type RequestedService = z.infer<typeof RequestedServiceSchema>;

const SELECT_A_SERVICE = "Select at least one service, or select that you are not sure";

/** The services asked for: at least one, each once, and never a self-serve resource (those are links). */
export const RequestedServicesSchema = z
  .array(RequestedServiceSchema, { error: SELECT_A_SERVICE })
  .min(1, SELECT_A_SERVICE)
  .superRefine((services, context) => {
    if (new Set(services).size !== services.length) {
      context.addIssue({ code: "custom", message: "Select each service only once", input: services });
    }
    for (const id of services) {
      const service = findService(id);
      if (service?.access === "self_serve") {
        context.addIssue({
          code: "custom",
          message: `${service.name} can be used without a referral, so there is no need to ask for it`,
          input: services,
        });
      }
    }
  });

/** The services a referral is for: "not sure" becomes the SPOC, each service once, in the order asked. */
export function resolveRequestedServices(services: readonly RequestedService[]): ServiceId[] {
  const resolved = services.map((service) => (service === REQUESTED_SERVICE_NOT_SURE ? "spoc" : service));
  return [...new Set(resolved)];
}

// Messages for services open to some groups only; any other gets the general one.
const RESTRICTED_SERVICE_MESSAGES: Partial<Record<ServiceId, string>> = {
  mental_health: "Confidential mental health services are for doctors and dentists only",
};

/** The issues with a referral's group and services, as [path, message]; empty when they fit together. */
export function listServiceGroupIssues(group: unknown, services: unknown): { path: string[]; message: string }[] {
  const parsedGroup = EligibilityGroupSchema.safeParse(group);
  if (!parsedGroup.success) return [];
  if (parsedGroup.data === "none_of_these") {
    return [
      {
        path: ["eligibility", "group"],
        message: "Select the group you belong to: the PSU can only take referrals from the groups listed",
      },
    ];
  }
  const traineeGroup = parsedGroup.data;
  const requested = Array.isArray(services) ? services : [];
  return requested.flatMap((id) => {
    const service = typeof id === "string" ? findService(id) : null;
    if (service === null || service.groups.includes(traineeGroup)) return [];
    const message = RESTRICTED_SERVICE_MESSAGES[service.id] ?? `${service.name} is not open to the group you selected`;
    return [{ path: ["services"], message }];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * Adds the check that the services asked for are open to the trainee's group to a referral's
 * schema (the trainee's submission and a referral recorded by staff share it).
 */
export function checkServicesFitGroup<Schema extends z.ZodType<{ eligibility: { group: unknown }; services: unknown }>>(
  schema: Schema,
) {
  return schema.superRefine(
    (referral, context) => {
      for (const issue of listServiceGroupIssues(referral.eligibility.group, referral.services)) {
        context.addIssue({ code: "custom", message: issue.message, path: issue.path, input: referral });
      }
    },
    {
      // Run even when another section is wrong, so every problem is reported at once; the
      // check reads only the group and the services and tolerates bad values in both.
      when: (payload) => isRecord(payload.value) && isRecord(payload.value.eligibility),
    },
  );
}

/** The sections every referral has, however it reached the unit: the trainee's own form or a coordinator. */
export const REFERRAL_SECTIONS = {
  eligibility: EligibilityAnswersSchema,
  services: RequestedServicesSchema,
  details: ReferralDetailsSchema,
  story: ReferralStorySchema,
} as const;

/**
 * A complete referral as the wizard submits it and the API accepts it. `resumeCode` is the code
 * of the saved draft the answers came from, if any: the API deletes that draft with the same
 * transaction that stores the referral (it compares only the code's keyed hash).
 */
export const ReferralSubmissionSchema = checkServicesFitGroup(
  z.object({ ...REFERRAL_SECTIONS, consent: ReferralConsentSchema, resumeCode: ResumeCodeSchema.optional() }),
);
export type ReferralSubmission = z.infer<typeof ReferralSubmissionSchema>;

// Drafts: every field optional and values as typed (a half-typed phone number is fine), but
// the same types, choices and length limits as the submission, so a draft is always bounded
// in size and can fill the wizard back in without guesswork. No transforms: the API sends a
// draft back through this same schema.

function createDraftTextSchema(label: string, limit: number, lines: Lines = "one") {
  return createTextSchema(label, lines, `${label} must be text`).max(limit, tooLong(label, limit)).optional();
}

/** The longest wizard step name a draft can record. */
export const DRAFT_STEP_MAX_LENGTH = 100;

export const EligibilityDraftSchema = z.object({
  referrer: ReferrerSchema.optional(),
  region: RegionSchema.optional(),
  group: EligibilityGroupSchema.optional(),
  trainingNumber: TrainingNumberStatusSchema.optional(),
  // As typed so far; checked as a date only when the answers are submitted.
  trainingEndedOn: createDraftTextSchema("The date your training number ended", 10),
  band: BandSchema.optional(),
  inRecognisedScheme: z.boolean({ error: "Select whether you are in a recognised training scheme" }).optional(),
  pharmacyRoute: PharmacyRouteSchema.optional(),
  schemeOffered: z.boolean({ error: "Select whether you have been offered a place on the scheme" }).optional(),
  concerns: z.array(ConcernSchema).max(CONCERNS.length).optional(),
});

export const ReferralDetailsDraftSchema = z.object({
  fullName: createDraftTextSchema("Full name", FREE_TEXT_LIMITS.short),
  personalEmail: createDraftTextSchema("Email address", EMAIL_MAX_LENGTH),
  phone: createDraftTextSchema("Phone number", 30),
  preferredContact: PreferredContactSchema.optional(),
  safeContactTimes: createDraftTextSchema("Safe times to contact you", FREE_TEXT_LIMITS.medium, "several"),
  registration: z
    .object({
      register: ProfessionalRegisterSchema.optional(),
      number: createDraftTextSchema("Registration number", REGISTRATION_NUMBER_MAX_LENGTH),
    })
    .optional(),
  programme: createDraftTextSchema("Specialty or programme", FREE_TEXT_LIMITS.short),
  grade: createDraftTextSchema("Grade", FREE_TEXT_LIMITS.short),
  employer: createDraftTextSchema("Trust or employer", FREE_TEXT_LIMITS.short),
  workPattern: WorkPatternSchema.optional(),
});

export const ReferralStoryDraftSchema = z.object({
  whatIsHappening: createDraftTextSchema("What is happening", FREE_TEXT_LIMITS.long, "several"),
  whatHasBeenTried: createDraftTextSchema("What you have tried", FREE_TEXT_LIMITS.long, "several"),
  whatWouldHelp: createDraftTextSchema("What would help", FREE_TEXT_LIMITS.long, "several"),
  howSoon: HowSoonSchema.optional(),
  accessNeeds: createDraftTextSchema("Access needs", FREE_TEXT_LIMITS.long, "several"),
});

export const ReferralConsentDraftSchema = z.object({
  acceptsConfidentialityPolicy: z.boolean().optional(),
  understandsSafetyOverride: z.boolean().optional(),
  consentsToSupervisorContact: z.boolean().optional(),
});

/** Wizard answers saved to come back to later: any part may be missing, nothing may be the wrong type or too long. */
export const ReferralDraftSchema = z.object({
  eligibility: EligibilityDraftSchema.optional(),
  // Bounded by the number of choices; duplicates and self-serve picks wait for the submission.
  services: z.array(RequestedServiceSchema).max(REQUESTED_SERVICES.length).optional(),
  details: ReferralDetailsDraftSchema.optional(),
  story: ReferralStoryDraftSchema.optional(),
  consent: ReferralConsentDraftSchema.optional(),
  step: createDraftTextSchema("Step", DRAFT_STEP_MAX_LENGTH),
});
export type ReferralDraft = z.infer<typeof ReferralDraftSchema>;
