import { Link } from "react-router";
import { NhsLogo } from "../../components/nhs-logo";

const SERVICE_NAME = "Professional Support Unit";

/**
 * NHS.UK header (nhsuk-frontend 10 markup): the NHS logo and service name as one link home,
 * and "Get help now" on every page so crisis help is always one click away.
 */
export function SiteHeader() {
  return (
    <header className="nhsuk-header">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          {/* No aria-label: the logo's "NHS" and the visible name make the link's name, so it matches what people see. */}
          <Link className="nhsuk-header__service-logo" to="/">
            <NhsLogo />
            <span className="nhsuk-header__service-name">
              {SERVICE_NAME} <span className="app-header__region">London and Kent, Surrey and Sussex</span>
            </span>
          </Link>
        </div>
      </div>
      <nav className="nhsuk-header__navigation" aria-label="Crisis help">
        <div className="nhsuk-header__navigation-container nhsuk-width-container">
          <ul className="nhsuk-header__navigation-list">
            <li className="nhsuk-header__navigation-item">
              <Link className="nhsuk-header__navigation-link app-header__help-link" to="/get-help-now">
                Get help now
              </Link>
            </li>
          </ul>
        </div>
      </nav>
    </header>
  );
}
