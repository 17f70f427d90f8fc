import { Link } from "react-router";

/** NHS.UK back link to the previous question (a real link, so it works however the page was reached). */
export function BackLink({ to, state }: { to: string; state?: unknown }) {
  return (
    <Link className="nhsuk-back-link" to={to} state={state}>
      Back
    </Link>
  );
}
