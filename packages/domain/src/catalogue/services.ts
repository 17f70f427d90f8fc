import { z } from "zod";
import { keysOf } from "../keys-of";
import { createSingleLineTextSchema } from "../text/text-input";
import { DOCTOR_GROUPS, TRAINEE_GROUPS, type TraineeGroup, TraineeGroupSchema } from "./groups";

/** The self-serve resources, by staff's short names: links, never referrals (their links are published links). */
const RESOURCE_SHORT_NAMES = {
  differential_attainment: "Differential attainment",
  neurodiversity_resources: "Neurodiversity resources",
  development_courses: "Development courses",
  wellbeing_resources: "Wellbeing resources",
} as const satisfies Record<string, string>;
export const RESOURCE_SERVICE_IDS = keysOf(RESOURCE_SHORT_NAMES);
export type ResourceServiceId = (typeof RESOURCE_SERVICE_IDS)[number];

/**
 * Every service, in the order trainees see them (those a trainee is referred to, then the
 * resources), with the short name staff use for it. Staff read these all day, so they are
 * shorter than the catalogue's names (written for trainees).
 */
export const SERVICE_SHORT_NAMES = {
  spoc: "SPOC",
  ist: "IST",
  coaching: "Coaching",
  careers: "Careers",
  mental_health: "Mental health",
  communication_skills: "Communication skills",
  dyslexia: "Dyslexia",
  supported_return: "Supported return",
  ...RESOURCE_SHORT_NAMES,
} as const satisfies Record<string, string>;
export const SERVICE_IDS = keysOf(SERVICE_SHORT_NAMES);
export const ServiceIdSchema = z.enum(SERVICE_IDS);
export type ServiceId = z.infer<typeof ServiceIdSchema>;

/**
 * The kinds of lead a coordinator can allocate a referral to: one for each service a trainee is
 * referred to, shown by that service's short name.
 */
export const LEAD_KIND_LABELS = {
  spoc: SERVICE_SHORT_NAMES.spoc,
  ist: SERVICE_SHORT_NAMES.ist,
  coaching: SERVICE_SHORT_NAMES.coaching,
  careers: SERVICE_SHORT_NAMES.careers,
  mental_health: SERVICE_SHORT_NAMES.mental_health,
  communication_skills: SERVICE_SHORT_NAMES.communication_skills,
  dyslexia: SERVICE_SHORT_NAMES.dyslexia,
  return_to_training: SERVICE_SHORT_NAMES.supported_return,
} as const satisfies Record<string, string>;
export const LEAD_KINDS = keysOf(LEAD_KIND_LABELS);
export const LeadKindSchema = z.enum(LEAD_KINDS);
export type LeadKind = z.infer<typeof LeadKindSchema>;

/** An address people may follow: https only, so a link never downgrades to plain HTTP. */
export const HttpsUrlSchema = createSingleLineTextSchema("Web address", { error: "Enter a web address" })
  .trim()
  .pipe(z.url({ protocol: /^https$/, error: "Enter a web address that starts with https://" }));

const BaseServiceSchema = z.object({
  id: ServiceIdSchema,
  name: z.string().min(1),
  /** In the unit's own words; absent where the unit's page gives only the name. */
  summary: z.string().min(1).optional(),
  groups: z.array(TraineeGroupSchema).min(1),
});

/**
 * A service is either something a trainee is referred to (a lead takes it on) or a
 * self-serve resource (a link, never a referral). A resource's link is kept current by admins
 * (published links): null until one is set, and then trainees are told to ask the coordinators.
 */
export const ServiceSchema = z.discriminatedUnion("access", [
  BaseServiceSchema.extend({ access: z.literal("referral"), leadKind: LeadKindSchema }),
  BaseServiceSchema.extend({ access: z.literal("self_serve"), url: HttpsUrlSchema.nullable() }),
]);
export type Service = z.infer<typeof ServiceSchema>;
export type SelfServeService = Extract<Service, { access: "self_serve" }>;

export const ServiceListSchema = z.object({ services: z.array(ServiceSchema) });
export type ServiceList = z.infer<typeof ServiceListSchema>;

const ALL_GROUPS: TraineeGroup[] = [...TRAINEE_GROUPS];

/**
 * The PSU's services, named and described only in the unit's own words (its page's service list
 * and tab names); where the page gives no description there is none. Order is the order
 * trainees see. Resource links start empty: the unit's page gives no address for them.
 */
export const SERVICES: readonly Service[] = [
  {
    id: "spoc",
    name: "Single Point of Contact (SPOC)",
    summary: "Confidential 1:1 support or advice.",
    access: "referral",
    groups: ALL_GROUPS,
    leadKind: "spoc",
  },
  {
    id: "ist",
    name: "Individual Support Team (IST)",
    access: "referral",
    groups: ALL_GROUPS,
    leadKind: "ist",
  },
  {
    id: "coaching",
    name: "Coaching Service",
    access: "referral",
    groups: ALL_GROUPS,
    leadKind: "coaching",
  },
  {
    id: "careers",
    name: "Careers Unit",
    summary: "Careers advice.",
    access: "referral",
    groups: ALL_GROUPS,
    leadKind: "careers",
  },
  {
    id: "mental_health",
    name: "Confidential mental health services",
    summary: "Access to confidential mental health services for doctors and dentists.",
    access: "referral",
    // The unit offers this to doctors and dentists only; GP scheme, CAPS and MSW trainees are doctors.
    groups: [...DOCTOR_GROUPS],
    leadKind: "mental_health",
  },
  {
    id: "communication_skills",
    name: "Communication Skills",
    summary: "Specialist communication and linguistics skills support.",
    access: "referral",
    groups: ALL_GROUPS,
    leadKind: "communication_skills",
  },
  {
    id: "dyslexia",
    name: "Dyslexia assessments and coaching",
    summary: "Dyslexia assessments and specialist dyslexia coaching.",
    access: "referral",
    groups: ALL_GROUPS,
    leadKind: "dyslexia",
  },
  {
    id: "supported_return",
    name: "Supported Return to Training",
    summary: "Support for those returning to practice.",
    access: "referral",
    // The unit sets no limit on who may use it.
    groups: ALL_GROUPS,
    leadKind: "return_to_training",
  },
  {
    id: "differential_attainment",
    name: "Differential Attainment",
    access: "self_serve",
    groups: ALL_GROUPS,
    url: null,
  },
  {
    id: "neurodiversity_resources",
    name: "Neurodiversity resources",
    access: "self_serve",
    groups: ALL_GROUPS,
    url: null,
  },
  {
    id: "development_courses",
    name: "Development courses, conferences and e-learning",
    summary: "Free development courses, conferences and e-learning.",
    access: "self_serve",
    groups: ALL_GROUPS,
    url: null,
  },
  {
    id: "wellbeing_resources",
    name: "Wellbeing and self-management resources",
    access: "self_serve",
    groups: ALL_GROUPS,
    url: null,
  },
];

/** Finds a service by id, or null when there is none. */
export function findService(id: string): Service | null {
  return SERVICES.find((service) => service.id === id) ?? null;
}

/** Lists the services open to a trainee group, in catalogue order. */
export function listServicesForGroup(group: TraineeGroup): Service[] {
  return SERVICES.filter((service) => service.groups.includes(group));
}
