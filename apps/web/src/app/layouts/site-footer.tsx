import { lazy, Suspense } from "react";
import { FOOTER_POLICIES, Footer, FooterLink } from "../../components/footer";

// The policies' own addresses come from the API (admins keep them current), with react-query
// and zod: loaded after the page. Until then, and while a policy has none, they lead to the
// documents page, which says how to ask for a copy.
const FooterDocumentLinks = lazy(() =>
  import("../../features/documents/components/footer-document-links").then((module) => ({
    default: module.FooterDocumentLinks,
  })),
);

function DocumentsPageLinks() {
  return FOOTER_POLICIES.map((policy) => (
    <FooterLink key={policy.id} to="/documents">
      {policy.label}
    </FooterLink>
  ));
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
      <FooterLink to="/documents">Documents</FooterLink>
      <FooterLink href={`mailto:${CONTACT_EMAIL}`}>Contact {CONTACT_EMAIL}</FooterLink>
    </Footer>
  );
}
