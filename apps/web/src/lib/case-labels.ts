import type { HowSoon, SlaKind, SlaState, StaffRole } from "@psu/domain";

// Staff-facing words for the contract's codes. Staff read these all day, so they are shorter
// than the trainee's wording (the catalogue's service names are written for trainees).

// The short names of services and lead kinds are the domain's, shared with the reports.
export { LEAD_KIND_LABELS, SERVICE_SHORT_NAMES } from "@psu/domain";

export const URGENCY_LABELS: Readonly<Record<HowSoon, string>> = {
  urgent_within_a_week: "Urgent (within a week)",
  soon_within_a_month: "Soon (within a month)",
  when_possible: "When possible",
};

export const REGION_LABELS = { london: "London", kss: "Kent, Surrey and Sussex" } as const;

export const ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  coordinator: "Coordinator",
  lead: "Lead",
  admin: "Admin",
};

export const SLA_STATE_LABELS: Readonly<Record<SlaState, string>> = {
  breached: "Breached",
  due_soon: "Due soon",
  on_track: "On track",
  paused: "Paused",
  met: "Met",
};

export const SLA_KIND_LABELS: Readonly<Record<SlaKind, string>> = {
  triage: "Triage",
  first_contact: "First contact",
};

/** "CASE_VIEWED", "urgent_within_a_week" or "fromDay" as words ("Case viewed"), for codes with no label of their own. */
export function describeCode(code: string): string {
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A label from `labels`, or the code in words when the contract has grown a value we do not know yet. */
export function labelFor(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? describeCode(code);
}
