import type { ComponentType } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { PageLoading } from "./layouts/page-loading";
import { RootLayout } from "./layouts/root-layout";
import { AppErrorBoundary, PageErrorBoundary } from "./layouts/route-error";

// Each page is its own chunk, loaded when first visited. HydrateFallback fills <main> while the
// first page's chunk loads, so the header, with its crisis link, shows at once.
function lazyPage(load: () => Promise<ComponentType>): Pick<RouteObject, "lazy" | "HydrateFallback"> {
  return {
    lazy: async () => ({ Component: await load() }),
    HydrateFallback: PageLoading,
  };
}

const loadGetHelpNowPage = () =>
  import("../features/crisis/pages/get-help-now-page").then((module) => module.GetHelpNowPage);

const routes: RouteObject[] = [
  {
    Component: RootLayout,
    ErrorBoundary: AppErrorBoundary,
    children: [
      {
        // Errors below here render inside the layout, keeping the header and its crisis link.
        ErrorBoundary: PageErrorBoundary,
        children: [
          {
            index: true,
            ...lazyPage(() => import("../features/referral/pages/start-page").then((module) => module.StartPage)),
          },
          { path: "get-help-now", ...lazyPage(loadGetHelpNowPage) },
          {
            path: "refer",
            ...lazyPage(() => import("../features/referral/pages/refer-page").then((module) => module.ReferPage)),
          },
          {
            path: "accessibility-statement",
            ...lazyPage(() =>
              import("../features/about/pages/accessibility-statement-page").then(
                (module) => module.AccessibilityStatementPage,
              ),
            ),
          },
          {
            path: "*",
            ...lazyPage(() => import("../features/errors/pages/not-found-page").then((module) => module.NotFoundPage)),
          },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);

/** Fetches the crisis page's code once the browser is idle, so "Get help now" opens at once. */
export function preloadCrisisPage(): void {
  const preload = () => void loadGetHelpNowPage().catch(() => undefined);
  if ("requestIdleCallback" in window) window.requestIdleCallback(preload);
  else setTimeout(preload, 2_000);
}
