import { Link } from "react-router";
import { CareCard } from "../../../components/care-card";
import { CrisisContactList } from "../../../components/crisis-contact-list";
import { toDialableContacts } from "../../../lib/dialable-crisis-contacts";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useCrisisContacts } from "../api/get-crisis-contacts";

// 999 gets its own emergency card at the top of the page, so it is not listed again below.
const EMERGENCY_CONTACT_ID = "emergency";

export function GetHelpNowPage() {
  useDocumentTitle("Get help now");
  // Always has data (see crisisContactsQueryOptions), so there is no loading or error state.
  const { data } = useCrisisContacts();
  const contacts = data.contacts.filter((contact) => contact.id !== EMERGENCY_CONTACT_ID);

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Get help now</h1>

        <CareCard urgency="emergency" heading="If you are in immediate danger call 999">
          <p>
            Call 999 or go to A&amp;E now if you or someone else is in immediate danger, or if you have seriously harmed
            yourself.
          </p>
          <p>
            <a href="tel:999" className="nhsuk-u-font-weight-bold">
              Call 999
            </a>
          </p>
        </CareCard>

        <h2>Talk to someone now</h2>
        <p>These services are free and confidential. You do not need to be referred.</p>
        <CrisisContactList contacts={toDialableContacts(contacts)} />

        <h2>The Professional Support Unit is not a crisis service</h2>
        <p>
          The PSU cannot respond straight away. When you feel ready, you can{" "}
          <Link to="/">find out how the PSU can support you</Link>.
        </p>
      </div>
    </div>
  );
}
