import { Link } from "react-router";
import { useDocumentTitle } from "../lib/use-document-title";

/** Said on an admin page to someone whose role does not allow it (the API refuses them too). */
export function AdminOnly({ title }: { title: string }) {
  useDocumentTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p>Only admins can do this. Ask an admin if something needs to change.</p>
      <p>
        <Link to="/staff">Go to the cases</Link>
      </p>
    </>
  );
}
