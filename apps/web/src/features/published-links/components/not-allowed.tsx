import { Link } from "react-router";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { PAGE_TITLE } from "./link-labels";

/** Said to coordinators and leads, whom the API refuses: only admins keep the links. */
export function NotAllowed() {
  useDocumentTitle(PAGE_TITLE);
  return (
    <>
      <h1>{PAGE_TITLE}</h1>
      <p>Only admins can change the links to documents and resources. Ask an admin if one needs to change.</p>
      <p>
        <Link to="/staff">Go to the cases</Link>
      </p>
    </>
  );
}
