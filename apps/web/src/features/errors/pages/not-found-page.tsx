import { Link } from "react-router";
import { PageNotFound } from "../../../components/page-not-found";

/** NHS.UK "Page not found" pattern, for trainees. */
export function NotFoundPage() {
  return (
    <PageNotFound>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        You can <Link to="/">go to the start page</Link> or <Link to="/get-help-now">get help now</Link>.
      </p>
    </PageNotFound>
  );
}
