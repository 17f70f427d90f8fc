import { Link } from "react-router";
import { useDocumentTitle } from "../../../lib/use-document-title";

/** Said to someone whose role does not allow reports (leads): the API refused them. */
export function NotAllowed({ title }: { title: string }) {
  useDocumentTitle(title);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{title}</h1>
        <p>Only coordinators and admins can see reports.</p>
        <p>
          <Link to="/staff">Go to your cases</Link>
        </p>
      </div>
    </div>
  );
}
