import {
  CalendarDateSchema,
  DEFAULT_SLA_CONFIG,
  dayOfWeek,
  formatCalendarDateLong,
  SLA_KINDS,
  type SlaKind,
  toDayNumber,
} from "@psu/domain";
import { z } from "zod";

// The coordinators' daily SLA digest, in words: queued by sla-digest.service.ts, rendered by the
// outbox worker (outbox/email-templates.ts asks this file for this kind). Counts and case
// references only: no names, nothing about anyone's situation (email is read on shared screens).

export const SLA_DIGEST_EMAIL_KINDS = ["sla_digest"] as const;
export type SlaDigestEmailKind = (typeof SLA_DIGEST_EMAIL_KINDS)[number];
const SlaDigestEmailKindSchema = z.enum(SLA_DIGEST_EMAIL_KINDS);
export const SLA_DIGEST_EMAIL_KIND: SlaDigestEmailKind = "sla_digest";

/** At most this many references per clock and state; the rest are counted, and the view lists them all. */
export const REFERENCES_LISTED = 50;

const CasesSchema = z.object({
  count: z.int().nonnegative(),
  /** The oldest first, at most REFERENCES_LISTED. */
  references: z.array(z.string()).max(REFERENCES_LISTED),
});
const ClockSchema = z.object({ breached: CasesSchema, due_soon: CasesSchema });

export const SlaDigestPayloadSchema = z.object({
  /** The London date of the digest. */
  date: CalendarDateSchema,
  /** The "Breaching soon" view. */
  viewUrl: z.url(),
  triage: ClockSchema,
  first_contact: ClockSchema,
});
export type SlaDigestPayload = z.infer<typeof SlaDigestPayloadSchema>;

/** True for the kinds this file writes. */
export function isSlaDigestEmailKind(kind: string): kind is SlaDigestEmailKind {
  return SlaDigestEmailKindSchema.safeParse(kind).success;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const CLOCK_TITLES: Readonly<Record<SlaKind, string>> = {
  triage: `Triage (due ${DEFAULT_SLA_CONFIG.triageWorkingDays} working days after the referral arrives)`,
  first_contact: `First contact (due ${DEFAULT_SLA_CONFIG.firstContactWorkingDays} working days after allocation)`,
};
const CLOCK_NAMES: Readonly<Record<SlaKind, string>> = { triage: "Triage", first_contact: "First contact" };
const SIGN_OFF = "Professional Support Unit, London and KSS";

function describeDueSoon(withinWorkingDays: number): string {
  if (withinWorkingDays === 0) return "due today";
  if (withinWorkingDays === 1) return "due today or on the next working day";
  return `due today or within the next ${withinWorkingDays} working days`;
}

function listReferences(label: string, cases: z.infer<typeof CasesSchema>): string[] {
  if (cases.count === 0) return [];
  const more = cases.count - cases.references.length;
  return [
    `${label}:`,
    ...cases.references,
    ...(more > 0 ? [`and ${more} more (the "Breaching soon" view lists them all)`] : []),
    "",
  ];
}

/** The words of the digest: per clock, how many cases are breached and due soon, then their references. */
export function renderSlaDigestEmail(payload: unknown): { subject: string; text: string } {
  const digest = SlaDigestPayloadSchema.parse(payload);
  const day = `${WEEKDAYS[dayOfWeek(toDayNumber(digest.date))]} ${formatCalendarDateLong(digest.date)}`;
  const breached = digest.triage.breached.count + digest.first_contact.breached.count;
  const dueSoon = digest.triage.due_soon.count + digest.first_contact.due_soon.count;
  return {
    subject: `SLA digest for ${day}: ${breached} breached, ${dueSoon} due soon`,
    text: [
      `Open cases whose SLA clock is breached or due soon, on ${day}:`,
      "",
      ...SLA_KINDS.flatMap((kind) => [
        CLOCK_TITLES[kind],
        `Breached: ${digest[kind].breached.count}`,
        `Due soon: ${digest[kind].due_soon.count}`,
        "",
      ]),
      `Due soon means ${describeDueSoon(DEFAULT_SLA_CONFIG.dueSoonWithinWorkingDays)}. Cases waiting for information are not counted while their clock is paused, unless it had already breached.`,
      "",
      ...SLA_KINDS.flatMap((kind) => [
        ...listReferences(`${CLOCK_NAMES[kind]}, breached`, digest[kind].breached),
        ...listReferences(`${CLOCK_NAMES[kind]}, due soon`, digest[kind].due_soon),
      ]),
      'Open the "Breaching soon" view to act on them (sign in first):',
      digest.viewUrl,
      "",
      "You get this email on working days because you are a coordinator.",
      "",
      SIGN_OFF,
    ].join("\n"),
  };
}
