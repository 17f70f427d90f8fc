import { ContentPage } from "../../../components/content-page";

const PAGE_HEADING = "Accessibility statement";

// A short statement until the service has been audited; the full statement follows the audit.
export function AccessibilityStatementPage() {
  return (
    <ContentPage heading={PAGE_HEADING}>
      <p className="nhsuk-body-l">
        This statement applies to the Professional Support Unit referral service for London and Kent, Surrey and Sussex.
      </p>
      <p>
        We want as many people as possible to be able to use this service. It is built to meet the Web Content
        Accessibility Guidelines (WCAG) 2.2 at level AA. You should be able to zoom in up to 400% without text spilling
        off the screen, and use the service with a keyboard or a screen reader.
      </p>

      <h2>Feedback and contact information</h2>
      <p>
        If you find a problem with this service, or you need information in a different format, email{" "}
        <a href="mailto:psu.lase@hee.nhs.uk">psu.lase@hee.nhs.uk</a>. Tell us the web address of the page and what you
        were trying to do.
      </p>

      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites
        and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to
        your complaint, contact the{" "}
        <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
      </p>
    </ContentPage>
  );
}
