import { hasPermission, type StaffProfile } from "@psu/domain";
import { Link, useLocation } from "react-router";
import { ROLE_LABELS } from "../../../lib/case-labels";
import { HeaderNavigationItem, NhsHeader } from "../nhs-header";

const SERVICE_NAME = "PSU case management";
const NAVIGATION_LABEL = "Staff sections";

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
  /** Still asking who is signed in: the account row and the navigation bar keep their space. */
  isChecking?: boolean;
  onSignOut?: () => void;
  isSigningOut?: boolean;
};

/**
 * The staff pages' header: the service name, who is signed in with their role and a Sign out
 * button, and the sections their role may use.
 */
export function StaffHeader({ staff, isChecking = false, onSignOut, isSigningOut = false }: StaffHeaderProps) {
  const { pathname } = useLocation();
  return (
    <NhsHeader
      homeTo="/staff"
      serviceName={SERVICE_NAME}
      isFluid
      account={
        staff ? (
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
        ) : (
          isChecking && <ReservedAccount />
        )
      }
      navigation={
        staff
          ? {
              label: NAVIGATION_LABEL,
              items: listNavigation(staff).map((item) => (
                <HeaderNavigationItem
                  key={item.to}
                  to={item.to}
                  label={item.label}
                  current={item.isCurrent(pathname) ? (pathname === item.to ? "page" : "true") : undefined}
                />
              )),
            }
          : isChecking
            ? RESERVED_NAVIGATION
            : undefined
      }
    />
  );
}

// While GET /api/auth/me is pending, the account row and the navigation bar are laid out with
// stand-in text, invisible and hidden from screen readers, so the page does not jump down (about
// 140 px on a phone) when they arrive.
const RESERVED_ACCOUNT_ITEMS = ["Signed in as a member of staff", "Change password", "Sign out"];

function ReservedAccount() {
  return (
    <div className="nhsuk-header__account app-reserved" aria-hidden="true">
      <ul className="nhsuk-header__account-list">
        {RESERVED_ACCOUNT_ITEMS.map((text) => (
          <li className="nhsuk-header__account-item" key={text}>
            {text}
          </li>
        ))}
      </ul>
    </div>
  );
}

const RESERVED_NAVIGATION = {
  label: NAVIGATION_LABEL,
  items: (
    <li className="nhsuk-header__navigation-item app-reserved" aria-hidden="true">
      <span className="nhsuk-header__navigation-link">Cases</span>
    </li>
  ),
};
