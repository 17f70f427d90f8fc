import { Link } from "react-router";
import { useDocumentTitle } from "../../../lib/use-document-title";

// A holding page until the referral questions are built.
export function ReferPage() {
  useDocumentTitle("Refer yourself");

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Refer yourself</h1>
        <p>This part of the service is being built.</p>
        <p>
          Until it is ready, you can email the PSU at <a href="mailto:psu.lase@hee.nhs.uk">psu.lase@hee.nhs.uk</a>.
        </p>
        <p>
          <Link to="/">Go back to the start page</Link>
        </p>
      </div>
    </div>
  );
}
