import { Link, Navigate } from "react-router";
import { HelpNowLink } from "../../../components/help-now-link";
import { Panel } from "../../../components/panel";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useStatusLookup } from "../components/status-lookup-provider";

const HEADING = "Your referral has been withdrawn";

export function WithdrawnPage() {
  const { lookup } = useStatusLookup();
  useDocumentTitle(HEADING);
  if (lookup === null) return <Navigate to="/check-status" replace />;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Panel heading={HEADING}>
          Reference number
          <br />
          <strong>{lookup.status.reference}</strong>
        </Panel>
        <p>We will not contact you about this referral again.</p>
        <p>
          If you need support in future, you can <Link to="/refer">make a new referral</Link> at any time.
        </p>
        <HelpNowLink />
      </div>
    </div>
  );
}
