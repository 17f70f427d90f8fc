import { Suspense } from "react";
import { Outlet, useLocation } from "react-router";
import { ExitThisPage } from "../../components/exit-this-page";
import { SkipLink } from "../../components/skip-link";
import { useIsNavigationPending } from "../app-router";
import { PageLoading } from "./page-loading";
import { PageErrorBoundary } from "./route-error";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";
import { useFocusOnNavigation } from "./use-focus-on-navigation";

const MAIN_ID = "maincontent";

/** Every trainee page: skip link, NHS.UK header with crisis link, "Exit this page", main content, footer. */
export function RootLayout() {
  useFocusOnNavigation(MAIN_ID);
  const isPending = useIsNavigationPending();
  const { pathname } = useLocation();

  return (
    <>
      <SkipLink targetId={MAIN_ID} />
      <SiteHeader />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id={MAIN_ID}>
          <ExitThisPage />
          <PageErrorBoundary resetKey={pathname}>
            {/* Only the first page shows this: later pages load while the current one stays on screen. */}
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </main>
      </div>
      <SiteFooter />
      {/* Pages load on demand; on a slow connection this tells screen reader users why nothing has changed yet. */}
      <div className="nhsuk-u-visually-hidden" role="status">
        {isPending ? "Loading page" : ""}
      </div>
    </>
  );
}
