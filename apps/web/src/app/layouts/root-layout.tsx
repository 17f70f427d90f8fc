import { Outlet, ScrollRestoration, useNavigation } from "react-router";
import { SkipLink } from "../../components/skip-link";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";
import { useFocusOnNavigation } from "./use-focus-on-navigation";

const MAIN_ID = "maincontent";

/** Every trainee page: skip link, NHS.UK header with crisis link, main content, footer. */
export function RootLayout() {
  useFocusOnNavigation(MAIN_ID);
  const navigation = useNavigation();

  return (
    <>
      <SkipLink targetId={MAIN_ID} />
      <SiteHeader />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id={MAIN_ID}>
          <Outlet />
        </main>
      </div>
      <SiteFooter />
      {/* Pages load on demand; on a slow connection this tells screen reader users why nothing has changed yet. */}
      <div className="nhsuk-u-visually-hidden" role="status">
        {navigation.state === "loading" ? "Loading page" : ""}
      </div>
      <ScrollRestoration />
    </>
  );
}
