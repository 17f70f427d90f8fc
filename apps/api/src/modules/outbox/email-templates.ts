import { CRISIS_CONTACTS, formatCalendarDateLong } from "@psu/domain";
import { z } from "zod";

export interface EmailContent {
  subject: string;
  text: string;
}

const ReferralReceivedSchema = z.object({ reference: z.string(), triageDueOn: z.string() });

const CRISIS_LINES = CRISIS_CONTACTS.map(
  (contact) =>
    `- ${contact.name}: ${contact.channels.map((channel) => (channel.kind === "text" ? `text ${channel.message} to ${channel.number}` : `call ${channel.number}`)).join(" or ")}`,
).join("\n");

/**
 * The words of each email. They hold the reference and dates only: nothing about the person's
 * situation, because email is read on shared screens and lock screens.
 */
export function renderEmail(kind: string, payload: unknown): EmailContent {
  if (kind === "referral_received") {
    const { reference, triageDueOn } = ReferralReceivedSchema.parse(payload);
    return {
      subject: `We have received your request: ${reference}`,
      text: [
        "Thank you for contacting the Professional Support Unit (London and Kent, Surrey and Sussex).",
        "",
        `Your reference is ${reference}. Keep it to check progress or to withdraw your request.`,
        `We will contact you by ${formatCalendarDateLong(triageDueOn)}, in the way you asked us to.`,
        "",
        "If you need help now, you do not need to wait for us:",
        CRISIS_LINES,
        "",
        "If you did not contact us, you can ignore this email or tell us at psu.lase@hee.nhs.uk.",
      ].join("\n"),
    };
  }
  throw new Error(`No email template for kind ${kind}`);
}
