import { z } from "zod";
import { createSingleLineTextSchema } from "../text/text-input";

/** Who staff are: coordinators triage and allocate, leads work their own cases, admins run the service. */
export const STAFF_ROLES = ["coordinator", "lead", "admin"] as const;
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

export const SignInRequestSchema = z.object({
  email: createSingleLineTextSchema("Email address", { error: "Enter your email address" })
    .trim()
    .toLowerCase()
    .min(3, "Enter your email address")
    .max(254),
  password: createSingleLineTextSchema("Password", { error: "Enter your password" })
    .min(1, "Enter your password")
    .max(1024),
});
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

/** The signed-in member of staff, as the web app sees them. */
export const StaffProfileSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: StaffRoleSchema,
});
export type StaffProfile = z.infer<typeof StaffProfileSchema>;

/** Session limits: signed out after 30 minutes idle, and after 12 hours whatever happens. */
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;
