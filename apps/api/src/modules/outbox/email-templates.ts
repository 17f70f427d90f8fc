import { TRAINEE_EMAIL_KINDS, type TraineeEmail, writeTraineeEmail } from "@psu/domain";
import { z } from "zod";
import { isStaffEmailKind, renderStaffEmail, STAFF_EMAIL_KINDS } from "../account/account-emails";
import { isSlaDigestEmailKind, renderSlaDigestEmail, SLA_DIGEST_EMAIL_KINDS } from "../sla-digest/digest-email";

export type EmailContent = TraineeEmail;

/**
 * Every kind of email the outbox sends: the one list. Configuration requires a GOV.UK Notify
 * template for each (NOTIFY_TEMPLATE_<KIND>, config/env.ts), so a kind added here cannot reach
 * Notify without one.
 */
export const EMAIL_KINDS = [...TRAINEE_EMAIL_KINDS, ...STAFF_EMAIL_KINDS, ...SLA_DIGEST_EMAIL_KINDS] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];
const EmailKindSchema = z.enum(EMAIL_KINDS);

/** True for a kind the outbox knows how to send. */
export function isEmailKind(kind: string): kind is EmailKind {
  return EmailKindSchema.safeParse(kind).success;
}

const TraineeEmailKindSchema = z.enum(TRAINEE_EMAIL_KINDS);
// The payload holds the reference and, for a new referral, the triage due date: nothing else.
const TraineeEmailPayloadSchema = z.object({ reference: z.string(), triageDueOn: z.string().optional() });

/**
 * The words of each email, from the domain's one source of what a trainee is told. They hold
 * the reference and dates only: nothing about the person's situation, because email is read on
 * shared screens and lock screens.
 */
export function renderEmail(kind: string, payload: unknown): EmailContent {
  // Staff emails (an invitation, a password reset) are worded by the account module.
  if (isStaffEmailKind(kind)) return renderStaffEmail(kind, payload);
  // The coordinators' daily SLA digest (counts and references) is worded by its own module.
  if (isSlaDigestEmailKind(kind)) return renderSlaDigestEmail(payload);
  const parsedKind = TraineeEmailKindSchema.safeParse(kind);
  if (!parsedKind.success) throw new Error(`No email template for kind ${kind}`);
  const { reference, triageDueOn } = TraineeEmailPayloadSchema.parse(payload);
  return writeTraineeEmail(parsedKind.data, reference, triageDueOn);
}
