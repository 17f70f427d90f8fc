import { Link } from "react-router";
import { PageNotFound } from "./page-not-found";

/**
 * "Page not found" for staff: an unknown address, or a case this member of staff may not see.
 * The two look the same on purpose, so a lead cannot learn that a case exists.
 */
export function StaffNotFoundPage() {
  return (
    <PageNotFound>
      <p>If you followed a link to a case, it may not be allocated to you.</p>
      <p>
        <Link to="/staff">Go to your cases</Link>
      </p>
    </PageNotFound>
  );
}
