import { CRISIS_CONTACTS, describeNextSteps } from "@psu/domain";
import { Link, Navigate } from "react-router";
import { CrisisContactList } from "../../../components/crisis-contact-list";
import { Panel } from "../../../components/panel";
import { toDialableContacts } from "../../../lib/dialable-crisis-contacts";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useWizard } from "../wizard/wizard-provider";

const HEADING = "Referral sent";

/**
 * NHS.UK confirmation page: the reference, what happens next and by when (the same promise as the
 * confirmation email and the status page), and the crisis lines again.
 */
export function ConfirmationPage() {
  const { state } = useWizard();
  useDocumentTitle(HEADING);
  // The receipt is held in memory only: after a refresh the reference is in the confirmation email.
  if (state.receipt === undefined) return <Navigate to="/refer" replace />;
  const { reference, triageDueOn } = state.receipt;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Panel heading={HEADING}>
          Your reference number
          <br />
          <strong className="app-reference" data-testid="reference">
            {reference}
          </strong>
        </Panel>
        <p>We have sent an email to your personal email address with your reference number.</p>

        <h2>What happens next</h2>
        {describeNextSteps(triageDueOn).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
        <p>
          You can <Link to="/check-status">check the status of your referral</Link> at any time with your reference
          number and the email address you gave us. You can also withdraw your referral there.
        </p>

        <h2>Help us make the PSU fair for everyone (optional)</h2>
        <p>
          You can answer a few equality monitoring questions. Your answers are kept apart from your referral and the
          people supporting you will not see them.
        </p>
        <Link className="nhsuk-button nhsuk-button--secondary" to="/refer/equality" draggable={false}>
          Answer equality questions
        </Link>

        <h2>If you need help now</h2>
        <p>The PSU cannot respond straight away. These services are free, confidential and available now.</p>
        <CrisisContactList contacts={toDialableContacts(CRISIS_CONTACTS)} />
      </div>
    </div>
  );
}
