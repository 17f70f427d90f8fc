import type { DocumentId } from "@psu/domain";
import type { ReactNode } from "react";
import { Link } from "react-router";

export const FOOTER_LINK_CLASS = "nhsuk-footer__list-item-link";

/** The policies every page's footer links to (their own addresses, or the documents page). */
export const FOOTER_POLICIES: readonly { id: DocumentId; label: string }[] = [
  { id: "confidentiality_policy", label: "Confidentiality policy" },
  { id: "complaints_policy", label: "Complaints policy" },
];

/** One support link in the footer: a page of the app (`to`) or any other address (`href`). */
export function FooterLink({ to, href, children }: { to?: string; href?: string; children: ReactNode }) {
  return (
    <li className="nhsuk-footer__list-item">
      {to !== undefined ? (
        <Link className={FOOTER_LINK_CLASS} to={to}>
          {children}
        </Link>
      ) : (
        <a className={FOOTER_LINK_CLASS} href={href}>
          {children}
        </a>
      )}
    </li>
  );
}

type FooterProps = {
  /** Full width, as the staff screens are. */
  fluid?: boolean;
  /** More support links (list items) after the accessibility statement. */
  children?: ReactNode;
};

/** NHS.UK footer: the accessibility statement, any other support links, and the copyright. */
export function Footer({ fluid = false, children }: FooterProps) {
  return (
    <footer className="nhsuk-footer">
      <div className={`nhsuk-width-container${fluid ? " nhsuk-width-container-fluid" : ""}`}>
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">Support links</h2>
          <ul className="nhsuk-footer__list">
            <FooterLink to="/accessibility-statement">Accessibility statement</FooterLink>
            {children}
          </ul>
          <p className="nhsuk-body-s">© NHS England</p>
        </div>
      </div>
    </footer>
  );
}
