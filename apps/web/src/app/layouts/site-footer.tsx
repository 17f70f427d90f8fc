import { Link } from "react-router";

// The unit's public page, where its confidentiality and complaints policies are published.
// TODO: link each policy document directly once the unit confirms their addresses.
const PSU_PAGE = "https://london.hee.nhs.uk/professional-development/professional-support-unit";
const CONTACT_EMAIL = "psu.lase@hee.nhs.uk";

/** NHS.UK footer with the service's support links. */
export function SiteFooter() {
  return (
    <footer className="nhsuk-footer">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">Support links</h2>
          <ul className="nhsuk-footer__list">
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to="/accessibility-statement">
                Accessibility statement
              </Link>
            </li>
            <li className="nhsuk-footer__list-item">
              <a className="nhsuk-footer__list-item-link" href={PSU_PAGE}>
                Confidentiality policy
              </a>
            </li>
            <li className="nhsuk-footer__list-item">
              <a className="nhsuk-footer__list-item-link" href={PSU_PAGE}>
                Complaints policy
              </a>
            </li>
            <li className="nhsuk-footer__list-item">
              <a className="nhsuk-footer__list-item-link" href={`mailto:${CONTACT_EMAIL}`}>
                Contact {CONTACT_EMAIL}
              </a>
            </li>
          </ul>
          <p className="nhsuk-body-s">© NHS England</p>
        </div>
      </div>
    </footer>
  );
}
