import { hasPermission, type StaffProfile } from "@psu/domain";
import { Link, useLocation } from "react-router";
import { NhsLogo } from "../../../components/nhs-logo";
import { ROLE_LABELS } from "../../../lib/case-labels";

const SERVICE_NAME = "PSU case management";

type NavigationItem = { to: string; label: string; isCurrent: (pathname: string) => boolean };

/** The sections a role may use, from the one policy (decision record 017): nothing it cannot use is offered. */
function listNavigation(staff: StaffProfile): NavigationItem[] {
  const items: NavigationItem[] = [];
  const section = (to: string, label: string) => ({ to, label, isCurrent: (path: string) => path.startsWith(to) });
  if (hasPermission(staff.role, "readQueue")) {
    items.push({
      to: "/staff",
      label: staff.role === "lead" ? "My cases" : "Cases",
      isCurrent: (pathname) => pathname === "/staff" || pathname.startsWith("/staff/cases/"),
    });
  }
  if (hasPermission(staff.role, "listStaff")) items.push(section("/staff/leads", "Staff and leads"));
  if (hasPermission(staff.role, "readReports")) items.push(section("/staff/reports", "Reports"));
  if (hasPermission(staff.role, "readAuditLog")) items.push(section("/staff/audit", "Audit log"));
  if (hasPermission(staff.role, "handleDataProtection"))
    items.push(section("/staff/data-protection", "Data protection"));
  if (hasPermission(staff.role, "managePublishedLinks")) items.push(section("/staff/links", "Documents and links"));
  return items;
}

type StaffHeaderProps = {
  /** The signed-in member of staff; absent on the sign-in page. */
  staff?: StaffProfile | undefined;
  onSignOut?: () => void;
  isSigningOut?: boolean;
};

/**
 * NHS.UK header (nhsuk-frontend 10 markup) for staff pages: the service name, who is signed in
 * with their role and a Sign out button, and the sections their role may use.
 */
export function StaffHeader({ staff, onSignOut, isSigningOut = false }: StaffHeaderProps) {
  const { pathname } = useLocation();
  return (
    <header className="nhsuk-header">
      <div className="nhsuk-header__container nhsuk-width-container nhsuk-width-container-fluid">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-logo" to="/staff">
            <NhsLogo />
            <span className="nhsuk-header__service-name">{SERVICE_NAME}</span>
          </Link>
        </div>
        {staff && (
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
              <li className="nhsuk-header__account-item">
                <span>
                  <span className="nhsuk-u-visually-hidden">Signed in as </span>
                  {staff.name} ({ROLE_LABELS[staff.role]})
                </span>
              </li>
              <li className="nhsuk-header__account-item">
                <Link className="nhsuk-header__account-link" to="/staff/account/password">
                  Change password
                </Link>
              </li>
              <li className="nhsuk-header__account-item">
                <button
                  className="nhsuk-header__account-button"
                  type="button"
                  onClick={onSignOut}
                  disabled={isSigningOut}
                >
                  Sign out
                </button>
              </li>
            </ul>
          </nav>
        )}
      </div>
      {staff && (
        <nav className="nhsuk-header__navigation" aria-label="Staff sections">
          <div className="nhsuk-header__navigation-container nhsuk-width-container nhsuk-width-container-fluid">
            <ul className="nhsuk-header__navigation-list">
              {listNavigation(staff).map((item) => {
                const current = item.isCurrent(pathname);
                const exact = pathname === item.to;
                return (
                  <li
                    key={item.to}
                    className={`nhsuk-header__navigation-item${current ? " nhsuk-header__navigation-item--current" : ""}`}
                  >
                    <Link
                      className="nhsuk-header__navigation-link"
                      to={item.to}
                      aria-current={current ? (exact ? "page" : "true") : undefined}
                    >
                      {/* Bold as well as marked, so the current section shows with colours overridden. */}
                      {current ? (
                        <strong className="nhsuk-header__navigation-item-current-fallback">{item.label}</strong>
                      ) : (
                        item.label
                      )}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        </nav>
      )}
    </header>
  );
}
