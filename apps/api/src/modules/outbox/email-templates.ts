import { TRAINEE_EMAIL_KINDS, type TraineeEmail, writeTraineeEmail } from "@psu/domain";
import { z } from "zod";
import { isStaffEmailKind, renderStaffEmail } from "../account/account-emails";

export type EmailContent = TraineeEmail;

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
  const parsedKind = TraineeEmailKindSchema.safeParse(kind);
  if (!parsedKind.success) throw new Error(`No email template for kind ${kind}`);
  const { reference, triageDueOn } = TraineeEmailPayloadSchema.parse(payload);
  return writeTraineeEmail(parsedKind.data, reference, triageDueOn);
}
