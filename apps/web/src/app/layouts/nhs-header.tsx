import type { ReactNode } from "react";
import { Link } from "react-router";
import { NhsLogo } from "../../components/nhs-logo";

type NhsHeaderProps = {
  /** Where the logo and the service name link to. */
  homeTo: string;
  serviceName: ReactNode;
  /** Full width, as the staff pages are. */
  isFluid?: boolean;
  /** Beside the service name: who is signed in, and their links. */
  account?: ReactNode;
  /** The bar under the header: its name for screen readers, and its HeaderNavigationItems. */
  navigation?: { label: string; items: ReactNode } | undefined;
};

/** NHS.UK header (nhsuk-frontend 10 markup): the NHS logo and service name as one link, and a navigation bar. */
export function NhsHeader({ homeTo, serviceName, isFluid = false, account, navigation }: NhsHeaderProps) {
  const width = `nhsuk-width-container${isFluid ? " nhsuk-width-container-fluid" : ""}`;
  return (
    <header className="nhsuk-header">
      <div className={`nhsuk-header__container ${width}`}>
        <div className="nhsuk-header__service">
          {/* No aria-label: the logo's "NHS" and the visible name make the link's name, so it matches what people see. */}
          <Link className="nhsuk-header__service-logo" to={homeTo}>
            <NhsLogo />
            <span className="nhsuk-header__service-name">{serviceName}</span>
          </Link>
        </div>
        {account}
      </div>
      {navigation && (
        <nav className="nhsuk-header__navigation" aria-label={navigation.label}>
          <div className={`nhsuk-header__navigation-container ${width}`}>
            <ul className="nhsuk-header__navigation-list">{navigation.items}</ul>
          </div>
        </nav>
      )}
    </header>
  );
}

type HeaderNavigationItemProps = {
  to: string;
  label: string;
  /** The page itself ("page"), or a page within its section ("true"). */
  current?: "page" | "true" | undefined;
  /** Extra classes for the link. */
  linkClassName?: string;
};

/** One link in the header's navigation bar, marked (and bold) when it is where the reader is. */
export function HeaderNavigationItem({ to, label, current, linkClassName }: HeaderNavigationItemProps) {
  return (
    <li className={`nhsuk-header__navigation-item${current ? " nhsuk-header__navigation-item--current" : ""}`}>
      <Link
        className={`nhsuk-header__navigation-link${linkClassName ? ` ${linkClassName}` : ""}`}
        to={to}
        aria-current={current}
      >
        {/* Bold as well as marked, so the current section shows with colours overridden. */}
        {current ? <strong className="nhsuk-header__navigation-item-current-fallback">{label}</strong> : label}
      </Link>
    </li>
  );
}
