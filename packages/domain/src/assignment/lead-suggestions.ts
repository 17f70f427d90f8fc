import { z } from "zod";
import { addCalendarDays, type CalendarDate, CalendarDateSchema } from "../calendar/calendar-date";
import { type Instant, toLondonDate } from "../calendar/london-time";
import { type LeadKind, LeadKindSchema } from "../catalogue/services";

/** Leave from `from` to `to`, both days included: `to` is the last day away. */
export const LeavePeriodSchema = z
  .object({ from: CalendarDateSchema, to: CalendarDateSchema })
  .refine((period) => period.from <= period.to, {
    message: "Leave must end on or after the day it starts",
    path: ["to"],
  });
export type LeavePeriod = z.infer<typeof LeavePeriodSchema>;

/** What the suggestions need to know about a lead. */
export const LeadForSuggestionSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  leadKinds: z.array(LeadKindSchema),
  /** Most open cases the lead takes at once. */
  capacity: z.int().min(0),
  openCaseCount: z.int().min(0),
  leave: z.array(LeavePeriodSchema),
  /** Trusts or employers the lead works for or with; the same one as the trainee's is a conflict. */
  affiliations: z.array(z.string()),
});
export type LeadForSuggestion = z.infer<typeof LeadForSuggestionSchema>;

/** What the suggestions need to know about the case. */
export const CaseForSuggestionSchema = z.object({
  /** The kind of lead the requested service needs (from the service catalogue). */
  leadKind: LeadKindSchema,
  /** The trainee's Trust or employer as they wrote it; null when not given. */
  traineeTrust: z.string().nullable(),
  /** Leads who have supported this trainee before, on this case or an earlier one. */
  previousLeadIds: z.array(z.string()),
});
export type CaseForSuggestion = z.infer<typeof CaseForSuggestionSchema>;

export const LEAD_SUGGESTION_REASON_CODES = [
  "COVERS_SERVICE",
  "DOES_NOT_COVER_SERVICE",
  "HAS_CAPACITY",
  "AT_CAPACITY",
  "ON_LEAVE",
  "LEAVE_STARTS_SOON",
  "PREVIOUS_LEAD",
  "CONFLICT_SAME_TRUST",
] as const;
export const LeadSuggestionReasonCodeSchema = z.enum(LEAD_SUGGESTION_REASON_CODES);
export type LeadSuggestionReasonCode = z.infer<typeof LeadSuggestionReasonCodeSchema>;

export const LeadSuggestionReasonSchema = z.object({
  code: LeadSuggestionReasonCodeSchema,
  message: z.string().min(1),
});
export type LeadSuggestionReason = z.infer<typeof LeadSuggestionReasonSchema>;

export const LeadSuggestionSchema = z.object({
  leadId: z.string(),
  name: z.string(),
  eligible: z.boolean(),
  /**
   * A summary of the ranking for display, higher is better: 1000 if eligible, 200 for
   * continuity, plus the share of places free as 0 to 100. The list order is the authority.
   */
  score: z.number(),
  reasons: z.array(LeadSuggestionReasonSchema),
});
export type LeadSuggestion = z.infer<typeof LeadSuggestionSchema>;

/** Leave starting within this many days is mentioned (it does not change eligibility or order). */
export const LEAVE_SOON_WITHIN_DAYS = 14;

const LEAD_KIND_NAMES: Readonly<Record<LeadKind, string>> = {
  spoc: "Single Point of Contact (SPOC) support",
  ist: "Individual Support Team cases",
  coaching: "coaching",
  careers: "careers advice",
  mental_health: "mental health services",
  communication_skills: "communication skills support",
  dyslexia: "dyslexia assessment and coaching",
  return_to_training: "Supported Return to Training",
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "12 Dec", with the year only when it is not this year's. */
function formatShortDate(date: CalendarDate, today: CalendarDate): string {
  const [year = "", month = "", day = ""] = date.split("-");
  const text = `${Number(day)} ${MONTHS[Number(month) - 1]}`;
  return year === today.slice(0, 4) ? text : `${text} ${year}`;
}

/** Case, spacing, "&" and punctuation differences do not hide a shared Trust. */
function normaliseOrganisationName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['\u2019]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The last day of the run of leave that covers `today`, joining back-to-back periods; null if at work. */
function findLeaveEnd(leave: readonly LeavePeriod[], today: CalendarDate): CalendarDate | null {
  let end: CalendarDate | null = null;
  for (const period of leave) {
    if (period.from <= today && today <= period.to && (end === null || period.to > end)) end = period.to;
  }
  if (end === null) return null;
  for (let extended = true; extended; ) {
    extended = false;
    const dayAfter: CalendarDate = addCalendarDays(end, 1);
    for (const period of leave) {
      if (period.from <= dayAfter && period.to > end) {
        end = period.to;
        extended = true;
      }
    }
  }
  return end;
}

function findNextLeaveStart(leave: readonly LeavePeriod[], today: CalendarDate): CalendarDate | null {
  const horizon = addCalendarDays(today, LEAVE_SOON_WITHIN_DAYS);
  const starts = leave.map((period) => period.from).filter((from) => from > today && from <= horizon);
  return starts.sort()[0] ?? null;
}

interface RankedLead {
  suggestion: LeadSuggestion;
  continuity: boolean;
  spareRatio: number;
}

function assessLead(lead: LeadForSuggestion, caseInfo: CaseForSuggestion, today: CalendarDate): RankedLead {
  const reasons: LeadSuggestionReason[] = [];
  let eligible = true;

  const serviceName = LEAD_KIND_NAMES[caseInfo.leadKind];
  if (lead.leadKinds.includes(caseInfo.leadKind)) {
    reasons.push({ code: "COVERS_SERVICE", message: `Covers ${serviceName}` });
  } else {
    eligible = false;
    reasons.push({ code: "DOES_NOT_COVER_SERVICE", message: `Does not cover ${serviceName}` });
  }

  const spare = lead.capacity - lead.openCaseCount;
  const spareRatio = lead.capacity > 0 ? Math.max(0, spare) / lead.capacity : 0;
  if (spare > 0) {
    const places = lead.capacity === 1 ? "place" : "places";
    reasons.push({ code: "HAS_CAPACITY", message: `${spare} of ${lead.capacity} ${places} free` });
  } else {
    eligible = false;
    const message =
      spare === 0
        ? `At capacity: all ${lead.capacity} places taken`
        : `Over capacity: ${lead.openCaseCount} open cases for ${lead.capacity} places`;
    reasons.push({ code: "AT_CAPACITY", message });
  }

  const leaveEnd = findLeaveEnd(lead.leave, today);
  if (leaveEnd !== null) {
    eligible = false;
    reasons.push({ code: "ON_LEAVE", message: `On leave until ${formatShortDate(leaveEnd, today)}` });
  } else {
    const leaveStart = findNextLeaveStart(lead.leave, today);
    if (leaveStart !== null) {
      reasons.push({ code: "LEAVE_STARTS_SOON", message: `On leave from ${formatShortDate(leaveStart, today)}` });
    }
  }

  const continuity = caseInfo.previousLeadIds.includes(lead.id);
  if (continuity) {
    reasons.push({ code: "PREVIOUS_LEAD", message: "Has supported this trainee before" });
  }

  const traineeTrust = caseInfo.traineeTrust === null ? "" : normaliseOrganisationName(caseInfo.traineeTrust);
  const sharedTrust =
    traineeTrust === ""
      ? undefined
      : lead.affiliations.find((name) => normaliseOrganisationName(name) === traineeTrust);
  if (sharedTrust !== undefined) {
    eligible = false;
    reasons.push({
      code: "CONFLICT_SAME_TRUST",
      message: `Conflict of interest: works with ${sharedTrust.trim()}, the trainee's Trust`,
    });
  }

  const score = (eligible ? 1000 : 0) + (continuity ? 200 : 0) + Math.round(spareRatio * 100);
  return { suggestion: { leadId: lead.id, name: lead.name, eligible, score, reasons }, continuity, spareRatio };
}

function compareRanked(a: RankedLead, b: RankedLead): number {
  return (
    Number(b.suggestion.eligible) - Number(a.suggestion.eligible) ||
    Number(b.continuity) - Number(a.continuity) ||
    b.spareRatio - a.spareRatio ||
    a.suggestion.name.localeCompare(b.suggestion.name, "en-GB", { sensitivity: "base" }) ||
    (a.suggestion.leadId < b.suggestion.leadId ? -1 : a.suggestion.leadId > b.suggestion.leadId ? 1 : 0)
  );
}

/**
 * Ranks every lead for a case, best first, each with the reasons a coordinator needs:
 * eligible leads (cover the service, a place free, not on leave, no conflict) come first,
 * then continuity, then the largest share of places free, then name.
 */
export function suggestLeads(
  caseInfo: CaseForSuggestion,
  leads: readonly LeadForSuggestion[],
  now: Instant,
): LeadSuggestion[] {
  const today = toLondonDate(now);
  return leads
    .map((lead) => assessLead(lead, caseInfo, today))
    .sort(compareRanked)
    .map((ranked) => ranked.suggestion);
}
