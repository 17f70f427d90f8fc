import { formatCalendarDateLong } from "../calendar/calendar-date";
import type { CaseStatus } from "../cases/case-status";
import { CRISIS_CONTACTS, describeCrisisChannel } from "../crisis/crisis-contacts";
import { PSU_COORDINATOR_EMAIL } from "../eligibility/signposts";
import { DEFAULT_SLA_CONFIG } from "../sla/sla";

// What a trainee is promised, in one place: the confirmation page, every email and the status
// page say the same, and every promise is one staff are measured by (the SLA clocks): triage by
// the triage due date, and first contact within the first-contact target of allocation.

const FIRST_CONTACT_DAYS = DEFAULT_SLA_CONFIG.firstContactWorkingDays;

/** Who sees what a trainee tells us, and the one exception, said the same way everywhere. */
export const CONFIDENTIALITY_PROMISE =
  "What you tell us is confidential. We will not share it with your employer, your supervisors or your deanery " +
  "without your consent, unless we believe you or someone else is at risk of serious harm.";

/** What happens after a referral arrives: the confirmation page and the confirmation email. */
export function describeNextSteps(triageDueOn: string): string[] {
  return [
    `A PSU coordinator will review your referral by ${formatCalendarDateLong(triageDueOn)}.`,
    describeAllocationPromise(),
  ];
}

/** The promise made once a referral is allocated to the person who will support the trainee. */
export function describeAllocationPromise(): string {
  return (
    "When your referral is allocated to the person who will support you, we will email you, and they will " +
    `contact you within ${FIRST_CONTACT_DAYS} working days, in the way you asked us to.`
  );
}

/** The crisis lines as plain text, with their hours: "Samaritans: call 116 123". */
function describeCrisisLines(): string[] {
  return CRISIS_CONTACTS.map(
    (contact) => `${contact.name}: ${contact.channels.map(describeCrisisChannel).join(" or ")}`,
  );
}

/** The crisis lines as plain text, with their hours, for emails. */
export function listCrisisLinesAsText(): string[] {
  return describeCrisisLines().map((line) => `- ${line}`);
}

/**
 * Why a referral was not taken when too many arrived at once (a 429), and what to do instead:
 * the crisis lines and the coordinators' email, so a trainee in distress is never left waiting.
 */
export function describeReferralsPaused(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return (
    "We cannot take your referral just now because too many have been sent in a short time. " +
    `Your answers are still here: try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}. ` +
    `If you need help now, you do not need to wait for us: ${describeCrisisLines().join("; ")}. ` +
    `If you are not sure where to turn, email our coordinators at ${PSU_COORDINATOR_EMAIL}.`
  );
}

/** The events a trainee hears about by email. No case detail, ever: email is read on shared screens. */
export const TRAINEE_EMAIL_KINDS = [
  "referral_received",
  "referral_allocated",
  "information_requested",
  "referral_closed",
  "referral_withdrawn",
] as const;
export type TraineeEmailKind = (typeof TRAINEE_EMAIL_KINDS)[number];

/**
 * The email a case's move from one status to another sends the trainee, or null when it sends
 * none: allocation, a request for information, closing and withdrawal concern them; the steps
 * staff take between (triage, first contact, support) do not, and a re-allocation keeps its
 * status and sends nothing.
 */
export function findTraineeEmailForStatusChange(from: CaseStatus, to: CaseStatus): TraineeEmailKind | null {
  if (from === to) return null;
  switch (to) {
    case "allocated":
      // Back from a pause the trainee already heard about allocation; a first allocation is news.
      return from === "information_requested" ? null : "referral_allocated";
    case "information_requested":
      return "information_requested";
    case "closed":
      return "referral_closed";
    case "withdrawn":
      return "referral_withdrawn";
    default:
      return null;
  }
}

export interface TraineeEmail {
  subject: string;
  text: string;
}

/** The words of each email to a trainee: the reference and dates only, and the crisis lines. */
export function writeTraineeEmail(kind: TraineeEmailKind, reference: string, triageDueOn?: string): TraineeEmail {
  const body = EMAIL_BODIES[kind](reference, triageDueOn);
  return {
    subject: body.subject,
    text: [
      "Professional Support Unit (London and Kent, Surrey and Sussex)",
      "",
      ...body.lines,
      "",
      "If you need help now, you do not need to wait for us:",
      ...listCrisisLinesAsText(),
      "",
      `If you did not contact us, you can ignore this email or tell us at ${PSU_COORDINATOR_EMAIL}.`,
    ].join("\n"),
  };
}

const EMAIL_BODIES: Readonly<
  Record<TraineeEmailKind, (reference: string, triageDueOn?: string) => { subject: string; lines: string[] }>
> = {
  referral_received: (reference, triageDueOn) => ({
    subject: `We have received your referral: ${reference}`,
    lines: [
      `Thank you for contacting us. Your reference is ${reference}. Keep it to check progress or to withdraw your referral.`,
      "",
      ...(triageDueOn === undefined ? [] : describeNextSteps(triageDueOn)),
    ],
  }),
  referral_allocated: (reference) => ({
    subject: `Your referral has been allocated: ${reference}`,
    lines: [
      `Your referral ${reference} has been allocated to a member of the PSU team who will support you.`,
      `They will contact you within ${FIRST_CONTACT_DAYS} working days, in the way you asked us to.`,
    ],
  }),
  information_requested: (reference) => ({
    subject: `We need more information: ${reference}`,
    lines: [
      `We need a little more information before we can go on with your referral ${reference}.`,
      "What to do next: we will contact you in the way you asked us to. If you would rather not wait, " +
        `email ${PSU_COORDINATOR_EMAIL} and quote your reference. Please do not reply with details of your situation.`,
    ],
  }),
  referral_closed: (reference) => ({
    subject: `Your referral is closed: ${reference}`,
    lines: [
      `Your referral ${reference} is now closed.`,
      "If you need support again, you can make a new referral at any time.",
    ],
  }),
  referral_withdrawn: (reference) => ({
    subject: `You have withdrawn your referral: ${reference}`,
    lines: [
      `You withdrew your referral ${reference}. We will not contact you about it.`,
      "If you need support again, you can make a new referral at any time.",
    ],
  }),
};
