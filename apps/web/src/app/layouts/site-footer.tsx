import { lazy, Suspense } from "react";
import { Link } from "react-router";
import { Footer } from "../../components/footer";

// The policies' own addresses come from the API (admins keep them current), with react-query
// and zod: loaded after the page. Until then, and while a policy has none, they lead to the
// documents page, which says how to ask for a copy.
const FooterDocumentLinks = lazy(() =>
  import("../../features/documents/components/footer-document-links").then((module) => ({
    default: module.FooterDocumentLinks,
  })),
);

function DocumentsPageLinks() {
  return (
    <>
      <li className="nhsuk-footer__list-item">
        <Link className="nhsuk-footer__list-item-link" to="/documents">
          Confidentiality policy
        </Link>
      </li>
      <li className="nhsuk-footer__list-item">
        <Link className="nhsuk-footer__list-item-link" to="/documents">
          Complaints policy
        </Link>
      </li>
    </>
  );
}

// PSU_COORDINATOR_EMAIL in the domain, written out: importing it would bring zod to the start page.
const CONTACT_EMAIL = "psu.lase@hee.nhs.uk";

/** NHS.UK footer with the service's support links. */
export function SiteFooter() {
  return (
    <Footer>
      <Suspense fallback={<DocumentsPageLinks />}>
        <FooterDocumentLinks />
      </Suspense>
      <li className="nhsuk-footer__list-item">
        <Link className="nhsuk-footer__list-item-link" to="/documents">
          Documents
        </Link>
      </li>
      <li className="nhsuk-footer__list-item">
        <a className="nhsuk-footer__list-item-link" href={`mailto:${CONTACT_EMAIL}`}>
          Contact {CONTACT_EMAIL}
        </a>
      </li>
    </Footer>
  );
}
