import { Link } from "react-router";
import { useDocumentTitle } from "../lib/use-document-title";

/**
 * "Page not found" for staff: an unknown address, or a case this member of staff may not see.
 * The two look the same on purpose, so a lead cannot learn that a case exists.
 */
export function StaffNotFoundPage() {
  useDocumentTitle("Page not found");
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Page not found</h1>
        <p>If you entered a web address, check it was correct.</p>
        <p>If you followed a link to a case, it may not be allocated to you.</p>
        <p>
          <Link to="/staff">Go to your cases</Link>
        </p>
      </div>
    </div>
  );
}
