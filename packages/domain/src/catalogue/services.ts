import { z } from "zod";
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
  "neurodiversity_resources",
  "development_courses",
  "wellbeing_resources",
] as const;
export const ServiceIdSchema = z.enum(SERVICE_IDS);
export type ServiceId = z.infer<typeof ServiceIdSchema>;

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

const BaseServiceSchema = z.object({
  id: ServiceIdSchema,
  name: z.string().min(1),
  summary: z.string().min(1),
  groups: z.array(TraineeGroupSchema).min(1),
});

/**
 * A service is either something a trainee is referred to (a lead takes it on) or a
 * self-serve resource (a link, never a referral).
 */
export const ServiceSchema = z.discriminatedUnion("access", [
  BaseServiceSchema.extend({ access: z.literal("referral"), leadKind: LeadKindSchema }),
  BaseServiceSchema.extend({ access: z.literal("self_serve"), url: z.url() }),
]);
export type Service = z.infer<typeof ServiceSchema>;

export const ServiceListSchema = z.object({ services: z.array(ServiceSchema) });
export type ServiceList = z.infer<typeof ServiceListSchema>;

const ALL_GROUPS: TraineeGroup[] = [...TRAINEE_GROUPS];
const PSU_PAGE = "https://london.hee.nhs.uk/professional-development/professional-support-unit";

/** The PSU's services, from the unit's public page. Order is the order trainees see. */
export const SERVICES: readonly Service[] = [
  {
    id: "spoc",
    name: "Confidential 1:1 support or advice",
    summary:
      "Talk in confidence to the Single Point of Contact (SPOC) about anything affecting your training. Choose this if you are not sure what you need.",
    access: "referral",
    groups: ALL_GROUPS,
    leadKind: "spoc",
  },
  {
    id: "ist",
    name: "Individual Support Team",
    summary: "Tailored support from a small team when difficulties are affecting your progress in training.",
    access: "referral",
    groups: ALL_GROUPS,
    leadKind: "ist",
  },
  {
    id: "coaching",
    name: "Coaching",
    summary: "Confidential sessions with a trained coach to work through a challenge or a goal.",
    access: "referral",
    groups: ALL_GROUPS,
    leadKind: "coaching",
  },
  {
    id: "careers",
    name: "Careers advice",
    summary: "Support with career decisions, changing specialty or thinking about your next step.",
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
    name: "Communication and language skills support",
    summary: "Specialist support with communication and linguistics skills.",
    access: "referral",
    groups: ALL_GROUPS,
    leadKind: "communication_skills",
  },
  {
    id: "dyslexia",
    name: "Dyslexia assessment and coaching",
    summary: "A dyslexia assessment and specialist dyslexia coaching.",
    access: "referral",
    groups: ALL_GROUPS,
    leadKind: "dyslexia",
  },
  {
    id: "supported_return",
    name: "Supported Return to Training",
    summary: "Help to return to training safely and confidently after time away.",
    access: "referral",
    groups: ["doctor_or_dentist"],
    leadKind: "return_to_training",
  },
  {
    id: "neurodiversity_resources",
    name: "Neurodiversity resources",
    summary: "Information and tools for neurodivergent trainees and their supervisors.",
    access: "self_serve",
    groups: ALL_GROUPS,
    url: PSU_PAGE,
  },
  {
    id: "development_courses",
    name: "Development courses, conferences and e-learning",
    summary: "Free courses, conferences and e-learning to develop your skills.",
    access: "self_serve",
    groups: ALL_GROUPS,
    url: PSU_PAGE,
  },
  {
    id: "wellbeing_resources",
    name: "Wellbeing and self-management resources",
    summary: "Resources to look after your wellbeing and manage pressure.",
    access: "self_serve",
    groups: ALL_GROUPS,
    url: PSU_PAGE,
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
