import { INVITATION_HOURS, PASSWORD_RESET_MINUTES } from "@psu/domain";
import { z } from "zod";

// Emails to staff about their own account, sent through the outbox like every other email:
// queued in the transaction that creates the one-time link, rendered by the outbox worker
// (outbox/email-templates.ts asks this file for these kinds). The payload holds the link and
// nothing else; the outbox drops the link from the row once the email is sent.

export const STAFF_EMAIL_KINDS = ["staff_invitation", "staff_password_reset"] as const;
export type StaffEmailKind = (typeof STAFF_EMAIL_KINDS)[number];
const StaffEmailKindSchema = z.enum(STAFF_EMAIL_KINDS);

/** What a one-time link is for (staff_tokens.purpose). */
export type LinkPurpose = "invitation" | "password-reset";
/** The email that carries each kind of link. */
export const STAFF_EMAIL_KIND_FOR: Readonly<Record<LinkPurpose, StaffEmailKind>> = {
  invitation: "staff_invitation",
  "password-reset": "staff_password_reset",
};
const StaffEmailPayloadSchema = z.object({ link: z.url() });

const SIGN_OFF = "Professional Support Unit, London and KSS";

/** True for the kinds this file writes. */
export function isStaffEmailKind(kind: string): kind is StaffEmailKind {
  return StaffEmailKindSchema.safeParse(kind).success;
}

/** The words of an email to a member of staff: what the link is for, how long it works, and what to do if it was not expected. */
export function renderStaffEmail(kind: StaffEmailKind, payload: unknown): { subject: string; text: string } {
  const { link } = StaffEmailPayloadSchema.parse(payload);
  if (kind === "staff_invitation") {
    return {
      subject: "You have been invited to PSU case management",
      text: [
        "An admin has added you to PSU case management, the Professional Support Unit's system for referrals and cases.",
        "",
        "Set your password here:",
        link,
        "",
        `The link works once and expires in ${INVITATION_HOURS} hours. If it has expired, ask an admin to send a new invitation.`,
        "After setting your password you will set up an authenticator app for your second sign-in step.",
        "",
        "If you did not expect this email, you can ignore it.",
        "",
        SIGN_OFF,
      ].join("\n"),
    };
  }
  return {
    subject: "Reset your PSU case management password",
    text: [
      "Someone asked to reset the password for your PSU case management account.",
      "",
      "Choose a new password here:",
      link,
      "",
      `The link works once and expires in ${PASSWORD_RESET_MINUTES} minutes. Resetting your password signs you out everywhere; your authenticator app stays as it is.`,
      "",
      "If you did not ask for this, you can ignore this email: your password has not changed.",
      "",
      SIGN_OFF,
    ].join("\n"),
  };
}
