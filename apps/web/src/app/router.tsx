import { Route, Routes } from "react-router";
import { lazyComponent } from "./app-router";
import { RootLayout } from "./layouts/root-layout";
import { staffRoutes } from "./staff-routes";

// Every page is its own chunk, loaded when first visited, so the start page carries no code for
// the wizard, the status pages or the staff side (staff-routes.tsx). The wizard and the status pages are
// one chunk each: once someone starts, the next question must not wait on the network.

const loadGetHelpNowPage = () => import("../features/crisis/pages/get-help-now-page");
const loadQueryLayout = () => import("./layouts/query-layout");

const StartPage = lazyComponent(
  () => import("../features/referral/pages/start-page"),
  (module) => module.StartPage,
);
const QueryLayout = lazyComponent(loadQueryLayout, (module) => module.QueryLayout);
const GetHelpNowPage = lazyComponent(loadGetHelpNowPage, (module) => module.GetHelpNowPage);
const ContinueAfterCrisis = lazyComponent(
  () => import("../features/referral/components/continue-after-crisis"),
  (module) => module.ContinueAfterCrisis,
);
const ReferralRoutes = lazyComponent(
  () => import("../features/referral/referral-routes"),
  (module) => module.ReferralRoutes,
);
const StatusRoutes = lazyComponent(
  () => import("../features/status/status-routes"),
  (module) => module.StatusRoutes,
);
const DocumentsPage = lazyComponent(
  () => import("../features/documents/pages/documents-page"),
  (module) => module.DocumentsPage,
);
const AccessibilityStatementPage = lazyComponent(
  () => import("../features/about/pages/accessibility-statement-page"),
  (module) => module.AccessibilityStatementPage,
);
const NotFoundPage = lazyComponent(
  () => import("../features/errors/pages/not-found-page"),
  (module) => module.NotFoundPage,
);

/** The trainee side's pages. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<RootLayout />}>
        <Route index element={<StartPage />} />
        <Route element={<QueryLayout />}>
          <Route path="get-help-now" element={<GetHelpNowPage />} />
          {/* The crisis page reached from "Do you need urgent help right now?", with the way back to the referral. */}
          <Route
            path="refer/get-help-now"
            element={
              <>
                <GetHelpNowPage />
                <ContinueAfterCrisis />
              </>
            }
          />
          <Route path="refer/*" element={<ReferralRoutes />} />
          <Route path="check-status/*" element={<StatusRoutes />} />
          <Route path="documents" element={<DocumentsPage />} />
        </Route>
        <Route path="accessibility-statement" element={<AccessibilityStatementPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      {staffRoutes}
    </Routes>
  );
}

/** Fetches the crisis page's code once the browser is idle, so "Get help now" opens at once. */
export function preloadCrisisPage(): void {
  const preload = () => void Promise.all([loadGetHelpNowPage(), loadQueryLayout()]).catch(() => undefined);
  if ("requestIdleCallback" in window) window.requestIdleCallback(preload);
  else setTimeout(preload, 2_000);
}
