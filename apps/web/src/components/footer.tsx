import type { ReactNode } from "react";
import { Link } from "react-router";

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
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to="/accessibility-statement">
                Accessibility statement
              </Link>
            </li>
            {children}
          </ul>
          <p className="nhsuk-body-s">© NHS England</p>
        </div>
      </div>
    </footer>
  );
}
