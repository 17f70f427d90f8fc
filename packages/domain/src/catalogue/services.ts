import { z } from "zod";
import { createSingleLineTextSchema } from "../text/text-input";
import { DOCTOR_GROUPS, TRAINEE_GROUPS, type TraineeGroup, TraineeGroupSchema } from "./groups";

export const SERVICE_IDS = [
  "spoc",
  "ist",
  "coaching",
  "careers",
  "mental_health",
  "communication_skills",
  "dyslexia",
  "supported_return",
  "differential_attainment",
  "neurodiversity_resources",
  "development_courses",
  "wellbeing_resources",
] as const;
export const ServiceIdSchema = z.enum(SERVICE_IDS);
export type ServiceId = z.infer<typeof ServiceIdSchema>;

/** The self-serve resources: links, never referrals (their links are published links). */
export const RESOURCE_SERVICE_IDS = [
  "differential_attainment",
  "neurodiversity_resources",
  "development_courses",
  "wellbeing_resources",
] as const satisfies readonly ServiceId[];
export type ResourceServiceId = (typeof RESOURCE_SERVICE_IDS)[number];

/** The kinds of lead a coordinator can allocate a referral to. */
export const LEAD_KINDS = [
  "spoc",
  "ist",
  "coaching",
  "careers",
  "mental_health",
  "communication_skills",
  "dyslexia",
  "return_to_training",
] as const;
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
