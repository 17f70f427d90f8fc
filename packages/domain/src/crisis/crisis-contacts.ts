// Crisis help shown on every trainee page, never behind a form. Plain data with no zod, so
// any page (the error page included) can show it at no cost; schemas: crisis-contact-schemas.ts.

export interface CrisisChannel {
  kind: "phone" | "text";
  /** What a person dials or texts, as written on the unit's page. */
  number: string;
  /** For texts: the word to send. */
  message?: string | undefined;
  /** Opening hours in plain words; absent means 24 hours a day, 7 days a week. */
  hours?: string | undefined;
}

export interface CrisisContact {
  id: string;
  name: string;
  /** Who it is for, where the unit's page says so; absent where it does not. */
  audience?: string | undefined;
  channels: CrisisChannel[];
  /** The organisation's website, where the unit's page links to it. */
  website?: string | undefined;
}

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
    channels: [{ kind: "phone", number: "116 123" }],
    website: "https://www.samaritans.org/",
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
    audience: "NHS staff",
    channels: [{ kind: "phone", number: "0300 303 4434", hours: "7am to 11pm" }],
  },
  {
    id: "bma_counselling",
    name: "BMA counselling",
    audience: "All doctors, whether BMA members or not",
    channels: [{ kind: "phone", number: "0330 123 1245" }],
    website: "https://www.bma.org.uk/",
  },
  {
    id: "practitioner_health",
    name: "Practitioner Health crisis line",
    channels: [{ kind: "text", number: "85258", message: "NHSPH" }],
    website: "https://www.practitionerhealth.nhs.uk/",
  },
];

/** One channel in words, with its hours: "call 0300 131 7000 (7am to 11pm)" or "text FRONTLINE to 85258". */
export function describeCrisisChannel(channel: CrisisChannel): string {
  const action =
    channel.kind === "text" ? `text ${channel.message ?? ""} to ${channel.number}` : `call ${channel.number}`;
  return channel.hours === undefined ? action : `${action} (${channel.hours})`;
}

/** The `tel:` or `sms:` address for a channel, digits only so every phone can dial it. */
export function toDialAddress(channel: CrisisChannel): string {
  const digits = channel.number.replace(/\D/g, "");
  return channel.kind === "phone" ? `tel:${digits}` : `sms:${digits}`;
}
