import { HeaderNavigationItem, NhsHeader } from "./nhs-header";

const SERVICE_NAME = "Professional Support Unit";

/**
 * The public pages' header: the NHS logo and service name as one link home, and "Get help now"
 * on every page so crisis help is always one click away.
 */
export function SiteHeader() {
  return (
    <NhsHeader
      homeTo="/"
      serviceName={
        <>
          {SERVICE_NAME} <span className="app-header__region">London and Kent, Surrey and Sussex</span>
        </>
      }
      navigation={{
        label: "Crisis help",
        items: <HeaderNavigationItem to="/get-help-now" label="Get help now" linkClassName="app-header__help-link" />,
      }}
    />
  );
}
