import type { StaffProfile } from "../staff/staff";

// Need-to-know, written once: who may see (and so act on) a case. The case page, case changes
// and the queue all ask here, and all answer a case someone may not see as if it did not exist.

/** The one answer for a case that does not exist and one the member of staff may not see. */
export const CASE_NOT_FOUND_MESSAGE = "There is no case with that id, or it is not allocated to you.";

/** Whether a member of staff may see a case: coordinators and admins every case, a lead only their own. */
export function canSeeCase(staff: Pick<StaffProfile, "id" | "role">, found: { leadId: string | null }): boolean {
  return staff.role !== "lead" || found.leadId === staff.id;
}

/** The leads whose cases a member of staff's queue is limited to, or null for every case. */
export function listVisibleLeadIds(staff: Pick<StaffProfile, "id" | "role">): string[] | null {
  return staff.role === "lead" ? [staff.id] : null;
}
