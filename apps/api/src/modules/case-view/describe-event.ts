import {
  CASE_OUTCOME_LABELS,
  CASE_STATUS_LABELS,
  CaseOutcomeSchema,
  CaseStatusSchema,
  formatCalendarDateLong,
  type ReferralChannel,
  ReferralChannelSchema,
  toLondonDate,
} from "@psu/domain";
import { z } from "zod";

/** Staff names by id, for the people an event mentions. */
export type StaffNames = ReadonlyMap<string, string>;

// Each kind's data as the writers store it. Parsed leniently (safeParse): an event written
// before a field existed still gets a sensible line rather than breaking the case page.
const StatusChangedSchema = z.object({
  from: CaseStatusSchema.nullish(),
  to: CaseStatusSchema,
  reason: z.string().nullish(),
  outcome: CaseOutcomeSchema.nullish(),
});
const AssignedSchema = z.object({ leadId: z.string().nullish(), previousLeadId: z.string().nullish() });
const SafetyFlagSchema = z.object({ flagged: z.boolean(), reason: z.string().nullish() });
const FirstContactSchema = z.object({ contactedAt: z.string().nullish() });
const ReasonSchema = z.object({ reason: z.string().nullish() });
const RecordedSchema = z.object({ channel: ReferralChannelSchema });

const RECORDED_FROM: Readonly<Record<ReferralChannel, string>> = {
  online: "the online form",
  email: "an email",
  phone: "a phone call",
};

function label(status: z.infer<typeof CaseStatusSchema>): string {
  return CASE_STATUS_LABELS[status].toLowerCase();
}

function withReason(sentence: string, reason: string | null | undefined): string {
  const trimmed = reason?.trim();
  return trimmed ? `${sentence}: ${trimmed}` : sentence;
}

function nameOf(names: StaffNames, id: string | null | undefined): string {
  return (id && names.get(id)) || "a lead no longer listed";
}

function formatInstantAsDay(text: string | null | undefined): string | null {
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : formatCalendarDateLong(toLondonDate(new Date(ms)));
}

/** A plain-English line for one timeline event ("Allocated to Sam Spoc"); never the text of a note. */
export function describeEvent(kind: string, data: unknown, names: StaffNames): string {
  switch (kind) {
    case "referral_submitted":
      return "Referral received";
    case "referral_recorded": {
      // The actor (the member of staff) is shown beside the line.
      const parsed = RecordedSchema.safeParse(data);
      return parsed.success
        ? `Referral recorded by staff from ${RECORDED_FROM[parsed.data.channel]}`
        : "Referral recorded by staff";
    }
    case "status_changed": {
      const parsed = StatusChangedSchema.safeParse(data);
      if (!parsed.success) return "Status changed";
      const { from, to, reason, outcome } = parsed.data;
      if (to === "closed" && outcome)
        return withReason(`Closed: ${CASE_OUTCOME_LABELS[outcome].toLowerCase()}`, reason);
      if (to === "withdrawn") return withReason("Withdrawn", reason);
      if (from === "information_requested") return `Resumed: back to ${label(to)}`;
      if (to === "information_requested") return withReason("Information requested", reason);
      const moved = from ? `Moved from ${label(from)} to ${label(to)}` : `Moved to ${label(to)}`;
      return withReason(moved, reason);
    }
    case "assigned": {
      const parsed = AssignedSchema.safeParse(data);
      if (!parsed.success || !parsed.data.leadId) return "Lead changed";
      const { leadId, previousLeadId } = parsed.data;
      return previousLeadId
        ? `Reallocated from ${nameOf(names, previousLeadId)} to ${nameOf(names, leadId)}`
        : `Allocated to ${nameOf(names, leadId)}`;
    }
    case "unassigned":
      return "Lead removed";
    case "note_added":
      return "Internal note added";
    case "safety_flag_changed": {
      const parsed = SafetyFlagSchema.safeParse(data);
      if (!parsed.success) return "Safety concern flag changed";
      return withReason(
        parsed.data.flagged ? "Safety concern flagged" : "Safety concern flag removed",
        parsed.data.reason,
      );
    }
    case "first_contact_recorded": {
      const parsed = FirstContactSchema.safeParse(data);
      const day = parsed.success ? formatInstantAsDay(parsed.data.contactedAt) : null;
      return day ? `First contact recorded (made on ${day})` : "First contact recorded";
    }
    case "information_requested": {
      const parsed = ReasonSchema.safeParse(data);
      return withReason("Information requested", parsed.success ? parsed.data.reason : null);
    }
    default: {
      // A kind added later without a line here still reads as words, not an identifier.
      const words = kind.replaceAll("_", " ").trim();
      return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}` : "Case updated";
    }
  }
}
