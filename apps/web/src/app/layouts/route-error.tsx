import { CRISIS_CONTACTS } from "@psu/domain";
import { CrisisContactList } from "../../features/crisis/components/crisis-contact-list";
import { useDocumentTitle } from "../../lib/use-document-title";

/** Inside the layout: a page failed to render or its code failed to load. */
export function PageErrorBoundary() {
  return <ServiceProblem />;
}

/** Outside the layout: the layout itself failed, so this brings its own <main>. */
export function AppErrorBoundary() {
  return (
    <div className="nhsuk-width-container">
      <main className="nhsuk-main-wrapper" id="maincontent">
        <ServiceProblem />
      </main>
    </div>
  );
}

// Crisis numbers come straight from the bundled list: this page must not depend on the network,
// and a failed page download (for example after a release) is one way to get here.
function ServiceProblem() {
  useDocumentTitle("Sorry, there is a problem with the service");

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Sorry, there is a problem with the service</h1>
        <p>Try again later, or reload the page.</p>
        <h2>If you need help now</h2>
        <CrisisContactList contacts={CRISIS_CONTACTS} />
      </div>
    </div>
  );
}
