import { CRISIS_CONTACTS } from "@psu/domain";
import { Component, type ReactNode } from "react";
import { CrisisContactList } from "../../components/crisis-contact-list";
import { ExitThisPage } from "../../components/exit-this-page";
import { toDialableContacts } from "../../lib/dialable-crisis-contacts";
import { useDocumentTitle } from "../../lib/use-document-title";

// Plain data from the domain (no zod), so this page shows even when page code failed to load.
const DIALABLE_CRISIS_CONTACTS = toDialableContacts(CRISIS_CONTACTS);

type BoundaryProps = {
  children: ReactNode;
  /** When this changes (the next page), the boundary tries its children again. */
  resetKey?: string;
};
type BoundaryState = { failedAt: string | undefined | null };

/**
 * Inside the layout: a page failed to render or its code failed to load (for example after a
 * release). The header, with its crisis link, and "Exit this page" stay on screen.
 */
export class PageErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failedAt: null };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failedAt: undefined };
  }

  override componentDidCatch(): void {
    // Remember which page failed, so moving to another page tries again.
    this.setState({ failedAt: this.props.resetKey });
  }

  override componentDidUpdate(previous: BoundaryProps): void {
    if (this.state.failedAt !== null && previous.resetKey !== this.props.resetKey) this.setState({ failedAt: null });
  }

  override render(): ReactNode {
    return this.state.failedAt === null ? this.props.children : <ServiceProblem />;
  }
}

/** Outside the layout: the layout itself failed, so this brings its own <main>. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent">
          <ExitThisPage />
          <ServiceProblem />
        </main>
      </div>
    );
  }
}

// Crisis numbers come from the build (see vite-plugins/crisis-contacts.ts): this page must not
// depend on the network, and a failed page download (for example after a release) is one way here.
function ServiceProblem() {
  useDocumentTitle("Sorry, there is a problem with the service");

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Sorry, there is a problem with the service</h1>
        <p>Try again later, or reload the page.</p>
        <h2>If you need help now</h2>
        <CrisisContactList contacts={DIALABLE_CRISIS_CONTACTS} />
      </div>
    </div>
  );
}
