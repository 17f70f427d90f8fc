import { Link } from "react-router";

/** Under the crisis contacts when they were reached from the referral: the way back to it, when ready. */
export function ContinueAfterCrisis() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h2>Continue with your referral</h2>
        <p>When you feel ready, you can carry on with your referral to the PSU.</p>
        <Link className="nhsuk-button" to="/refer/who-is-referring" draggable={false}>
          Continue with your referral
        </Link>
      </div>
    </div>
  );
}
