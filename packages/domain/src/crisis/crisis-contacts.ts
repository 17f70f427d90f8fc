import { z } from "zod";

export const CrisisChannelSchema = z.object({
  kind: z.enum(["phone", "text"]),
  /** What a person dials or texts, as written on the unit's page. */
  number: z.string().min(1),
  /** For texts: the word to send. */
  message: z.string().min(1).optional(),
  /** Opening hours in plain words; absent means 24 hours a day, 7 days a week. */
  hours: z.string().min(1).optional(),
});
export type CrisisChannel = z.infer<typeof CrisisChannelSchema>;

export const CrisisContactSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  audience: z.string().min(1),
  channels: z.array(CrisisChannelSchema).min(1),
});
export type CrisisContact = z.infer<typeof CrisisContactSchema>;

export const CrisisContactListSchema = z.object({ contacts: z.array(CrisisContactSchema) });
export type CrisisContactList = z.infer<typeof CrisisContactListSchema>;

/** Crisis help shown on every trainee page, never behind a form (from the unit's page). */
export const CRISIS_CONTACTS: readonly CrisisContact[] = [
  {
    id: "emergency",
    name: "Emergency services",
    audience: "If you or someone else is in immediate danger",
    channels: [{ kind: "phone", number: "999" }],
  },
  {
    id: "samaritans",
    name: "Samaritans",
    audience: "Anyone who needs to talk",
    channels: [{ kind: "phone", number: "116 123" }],
  },
  {
    id: "nhs_frontline",
    name: "NHS Frontline",
    audience: "All NHS staff",
    channels: [
      { kind: "phone", number: "0300 131 7000", hours: "7am to 11pm" },
      { kind: "text", number: "85258", message: "FRONTLINE" },
    ],
  },
  {
    id: "nhs_bereavement",
    name: "NHS Bereavement and Loss Helpline",
    audience: "NHS staff affected by bereavement or loss",
    channels: [{ kind: "phone", number: "0300 303 4434", hours: "7am to 11pm" }],
  },
  {
    id: "bma_counselling",
    name: "BMA counselling",
    audience: "All doctors, whether BMA members or not",
    channels: [{ kind: "phone", number: "0330 123 1245" }],
  },
  {
    id: "practitioner_health",
    name: "Practitioner Health crisis line",
    audience: "Doctors, dentists and other healthcare practitioners",
    channels: [{ kind: "text", number: "85258", message: "NHSPH" }],
  },
];

/** The `tel:` or `sms:` address for a channel, digits only so every phone can dial it. */
export function toDialAddress(channel: CrisisChannel): string {
  const digits = channel.number.replace(/\D/g, "");
  return channel.kind === "phone" ? `tel:${digits}` : `sms:${digits}`;
}
