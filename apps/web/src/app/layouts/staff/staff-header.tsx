import type { StaffProfile } from "@psu/domain";
import { Link, useLocation } from "react-router";
import { ROLE_LABELS } from "../../../lib/case-labels";

const SERVICE_NAME = "PSU case management";

type NavigationItem = { to: string; label: string; isCurrent: (pathname: string) => boolean };

function listNavigation(staff: StaffProfile): NavigationItem[] {
  const items: NavigationItem[] = [
    {
      to: "/staff",
      label: staff.role === "lead" ? "My cases" : "Cases",
      isCurrent: (pathname) => pathname === "/staff" || pathname.startsWith("/staff/cases/"),
    },
  ];
  if (staff.role !== "lead") {
    items.push({ to: "/staff/leads", label: "Staff and leads", isCurrent: (path) => path.startsWith("/staff/leads") });
    items.push({ to: "/staff/reports", label: "Reports", isCurrent: (path) => path.startsWith("/staff/reports") });
  }
  if (staff.role === "admin") {
    items.push({ to: "/staff/audit", label: "Audit log", isCurrent: (path) => path.startsWith("/staff/audit") });
    items.push({
      to: "/staff/data-protection",
      label: "Data protection",
      isCurrent: (path) => path.startsWith("/staff/data-protection"),
    });
    items.push({
      to: "/staff/links",
      label: "Documents and links",
      isCurrent: (path) => path.startsWith("/staff/links"),
    });
  }
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

function NhsLogo() {
  return (
    <svg
      className="nhsuk-header__logo"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 200 80"
      height="40"
      width="100"
      focusable="false"
      role="img"
      aria-label="NHS"
    >
      <title>NHS</title>
      <path
        fill="currentcolor"
        d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"
      />
    </svg>
  );
}
