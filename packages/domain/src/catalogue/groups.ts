import { z } from "zod";

/** The professional groups a trainee can belong to, as the eligibility contract names them. */
export const TRAINEE_GROUPS = [
  "doctor_or_dentist",
  "healthcare_professional",
  "pharmacy",
  "gp_scheme",
  "caps_or_msw",
] as const;

export const TraineeGroupSchema = z.enum(TRAINEE_GROUPS);
export type TraineeGroup = z.infer<typeof TraineeGroupSchema>;

/** Groups whose members are doctors or dentists (GP schemes, CAPS and MSW are all doctors). */
export const DOCTOR_GROUPS: readonly TraineeGroup[] = ["doctor_or_dentist", "gp_scheme", "caps_or_msw"];
