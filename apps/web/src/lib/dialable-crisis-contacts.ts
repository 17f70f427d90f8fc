import { type CrisisChannel, type CrisisContact, toDialAddress } from "@psu/domain";

/** A crisis contact whose channels carry their tel: or sms: address, ready to render as links. */
export type DialableCrisisContact = Omit<CrisisContact, "channels"> & {
  channels: readonly (CrisisChannel & { href: string })[];
  /** The website the unit's page links to, named by its address ("bma.org.uk"). */
  site?: { href: string; label: string } | undefined;
};

/** Adds each channel's tel: or sms: address (the domain's toDialAddress). */
export function toDialableContacts(contacts: readonly CrisisContact[]): DialableCrisisContact[] {
  return contacts.map((contact) => ({
    ...contact,
    channels: contact.channels.map((channel) => ({ ...channel, href: toDialAddress(channel) })),
    site: contact.website
      ? { href: contact.website, label: new URL(contact.website).hostname.replace(/^www\./, "") }
      : undefined,
  }));
}
