import { INVALID_LINK_MESSAGE } from "@psu/domain";
import { Link } from "react-router";
import { useDocumentTitle } from "../../../lib/use-document-title";

/** What a link that is unknown, expired or already used leads to: one message, and what to do next. */
export function InvalidLink({ purpose }: { purpose: "invitation" | "password-reset" }) {
  useDocumentTitle(INVALID_LINK_MESSAGE);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{INVALID_LINK_MESSAGE}</h1>
        {purpose === "invitation" ? (
          <>
            <p>Invitation links work once, for 72 hours, and only the newest one sent to you works.</p>
            <p>Ask an admin of PSU case management to send you a new invitation.</p>
            <p>
              If you have already set your password, <Link to="/staff/sign-in">sign in</Link>.
            </p>
          </>
        ) : (
          <>
            <p>Password reset links work once, for 1 hour, and only the newest one sent to you works.</p>
            <p>
              <Link to="/staff/password-reset">Ask for a new link</Link>, or <Link to="/staff/sign-in">sign in</Link> if
              you have already reset your password.
            </p>
          </>
        )}
      </div>
    </div>
  );
}
