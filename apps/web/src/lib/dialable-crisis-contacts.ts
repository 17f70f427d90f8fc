import { type CrisisChannel, type CrisisContact, toDialAddress } from "@psu/domain";

/** A crisis contact whose channels carry their tel: or sms: address, ready to render as links. */
export type DialableCrisisContact = Omit<CrisisContact, "channels"> & {
  channels: readonly (CrisisChannel & { href: string })[];
};

/** Adds each channel's tel: or sms: address (the domain's toDialAddress). */
export function toDialableContacts(contacts: readonly CrisisContact[]): DialableCrisisContact[] {
  return contacts.map((contact) => ({
    ...contact,
    channels: contact.channels.map((channel) => ({ ...channel, href: toDialAddress(channel) })),
  }));
}
