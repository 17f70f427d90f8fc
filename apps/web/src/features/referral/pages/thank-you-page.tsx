import { Link } from "react-router";
import { useDocumentTitle } from "../../../lib/use-document-title";

const HEADING = "Thank you";

export function ThankYouPage() {
  useDocumentTitle(HEADING);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{HEADING}</h1>
        <p>Your referral has been sent. We will be in touch in the way you asked us to contact you.</p>
        <p>
          You can <Link to="/check-status">check the status of your referral</Link> with your reference number and the
          email address you gave us.
        </p>
        <p>
          If you need to talk to someone now, <Link to="/get-help-now">see who you can contact now</Link>.
        </p>
      </div>
    </div>
  );
}
