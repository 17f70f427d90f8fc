import type { CrisisChannel } from "@psu/domain";
import type { DialableCrisisContact } from "../lib/dialable-crisis-contacts";

type CrisisContactListProps = {
  contacts: readonly DialableCrisisContact[];
  /** The heading level for each contact's name, so the list fits the page's outline. */
  headingLevel?: 2 | 3;
};

/**
 * Crisis lines with links that dial or open a text message on a phone. The links come with the
 * contacts (see toDialableContacts), so this component needs nothing at run time from
 * @psu/domain and the error page can show it without loading zod.
 */
export function CrisisContactList({ contacts, headingLevel = 3 }: CrisisContactListProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="nhsuk-list">
      {contacts.map((contact) => (
        <li key={contact.id} className="nhsuk-u-margin-bottom-5">
          <Heading className="nhsuk-heading-s nhsuk-u-margin-bottom-1">{contact.name}</Heading>
          {contact.audience && <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{contact.audience}</p>}
          <ul className="nhsuk-list">
            {contact.channels.map((channel) => (
              <li key={`${channel.kind}-${channel.number}`} className="nhsuk-u-margin-bottom-1">
                <a href={channel.href} className="nhsuk-u-font-weight-bold">
                  {describeAction(channel)}
                </a>{" "}
                <span className="nhsuk-u-secondary-text-colour">
                  ({channel.hours ?? "24 hours a day, 7 days a week"})
                </span>
              </li>
            ))}
          </ul>
          {contact.site && (
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
              <a href={contact.site.href}>Visit {contact.site.label}</a>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

function describeAction(channel: CrisisChannel): string {
  if (channel.kind === "phone") return `Call ${channel.number}`;
  return channel.message ? `Text ${channel.message} to ${channel.number}` : `Text ${channel.number}`;
}
