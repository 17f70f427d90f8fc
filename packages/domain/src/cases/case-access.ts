import { z } from "zod";
import { keysOf } from "../keys-of";
import type { StaffProfile, StaffRole } from "../staff/staff";
import { createSingleLineTextSchema } from "../text/text-input";

// Least privilege, written once (decision record 017): what each role may do, and who may see
// (and so act on) a case. The API's routes, the case page, the queue and the staff navigation
// all ask here, and a case someone may not see is answered as if it did not exist.
//
//   capability                          coordinator   lead            admin
//   queue                               every case    own cases       -
//   case view                           every case    own case        - (break-glass read only)
//   case changes (status, notes, ...)   every case    own case        -
//   lead suggestions, allocation        yes           -               -
//   record a referral                   yes           -               -
//   reports (aggregates only)           yes           -               yes
//   staff list                          yes           -               yes
//   manage staff                        -             -               yes
//   audit log                           -             -               yes
//   data protection (SAR, erasure)      -             -               yes (each request audited)
//   published links                     -             -               yes
//   break-glass read (reason, audited)  -             -               yes

/** Each thing staff do, and the roles that may do it. A lead's case rights are further limited to their own cases. */
export const STAFF_PERMISSIONS = {
  /** The queue: a lead's is limited to their own cases (listVisibleLeadIds). */
  readQueue: ["coordinator", "lead"],
  /** A case's content: a lead's own cases only (canSeeCase). */
  readCase: ["coordinator", "lead"],
  /** Status moves, notes, the safety flag and first contact: a lead's own cases only. */
  changeCase: ["coordinator", "lead"],
  /** Lead suggestions and allocating a case to a lead. */
  allocateCase: ["coordinator"],
  /** Recording a referral that arrived by email or phone. */
  recordReferral: ["coordinator"],
  /** Reports: counts, times and caseloads, never a case's content. */
  readReports: ["coordinator", "admin"],
  /** The staff list (coordinators need it to allocate). */
  listStaff: ["coordinator", "admin"],
  /** Adding staff, changing their role, capacity and leave. */
  manageStaff: ["admin"],
  readAuditLog: ["admin"],
  /** Subject access export and erasure on request: purpose-bound, one person at a time, audited. */
  handleDataProtection: ["admin"],
  managePublishedLinks: ["admin"],
  /** Reading one case without routine access, giving a reason, audited as such. */
  breakGlassRead: ["admin"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffPermission = keyof typeof STAFF_PERMISSIONS;

/** Whether a role may do this (for a lead's case rights, canSeeCase decides which cases). */
export function hasPermission(role: StaffRole, permission: StaffPermission): boolean {
  return (STAFF_PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}

/** The one answer for a case that does not exist and one the member of staff may not see. */
export const CASE_NOT_FOUND_MESSAGE = "There is no case with that id, or it is not allocated to you.";

/** Whether a member of staff may routinely see a case: coordinators every case, a lead only their own, admins none. */
export function canSeeCase(staff: Pick<StaffProfile, "id" | "role">, found: { leadId: string | null }): boolean {
  if (!hasPermission(staff.role, "readCase")) return false;
  return staff.role !== "lead" || found.leadId === staff.id;
}

/** The leads whose cases a member of staff's queue is limited to, or null for every case. */
export function listVisibleLeadIds(staff: Pick<StaffProfile, "id" | "role">): string[] | null {
  return staff.role === "lead" ? [staff.id] : null;
}

// Break-glass: an admin reads one case for a reason given on the spot. The code says why in
// words the audit page can filter and count; the free text says which request or concern, and
// is kept in the audit log for good, so the page asks for no personal details in it.

export const BREAK_GLASS_REASON_LABELS = {
  SAFEGUARDING: "A safety or safeguarding concern that cannot wait for a coordinator",
  COMPLAINT: "A complaint about how the case was handled",
  LEGAL_OR_REGULATORY: "A legal or regulatory request",
  ACCESS_INVESTIGATION: "Investigating who saw or changed the case",
  SERVICE_FAULT: "Fixing a fault in the service",
} as const satisfies Record<string, string>;

export type BreakGlassReasonCode = keyof typeof BREAK_GLASS_REASON_LABELS;
export const BREAK_GLASS_REASON_CODES = keysOf(BREAK_GLASS_REASON_LABELS);

export const BREAK_GLASS_DETAIL_MAX_LENGTH = 200;

export const BreakGlassRequestSchema = z.object({
  reasonCode: z.enum(BREAK_GLASS_REASON_CODES, { error: "Choose why you need to read this case" }),
  // One line: the domain's text rule refuses control characters, line breaks and tabs included.
  detail: createSingleLineTextSchema("The detail", { error: "Enter the request or concern this read is for" })
    .trim()
    .min(1, "Enter the request or concern this read is for")
    .min(10, "Enter at least 10 characters: the request or concern this read is for")
    .max(BREAK_GLASS_DETAIL_MAX_LENGTH, `Enter ${BREAK_GLASS_DETAIL_MAX_LENGTH} characters or fewer`),
});
export type BreakGlassRequest = z.infer<typeof BreakGlassRequestSchema>;
