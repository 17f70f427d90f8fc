import { Link } from "react-router";
import { useDocumentTitle } from "../../../lib/use-document-title";

/** NHS.UK "Page not found" pattern. */
export function NotFoundPage() {
  useDocumentTitle("Page not found");

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Page not found</h1>
        <p>If you entered a web address, check it was correct.</p>
        <p>If you pasted the web address, check you copied the entire address.</p>
        <p>
          You can <Link to="/">go to the start page</Link> or <Link to="/get-help-now">get help now</Link>.
        </p>
      </div>
    </div>
  );
}
