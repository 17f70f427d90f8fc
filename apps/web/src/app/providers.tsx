import { StaticRouter } from "react-router";
import { AppRouter } from "./app-router";
import { AppErrorBoundary } from "./layouts/route-error";
import { AppRoutes } from "./router";

type AppProps = {
  /** Renders this one page without a browser, for the build to prerender (vite-plugins/prerender-pages.ts). */
  location?: string;
};

/** The app: router and routes, with a last-resort error page. Query clients come with the pages that use them. */
export function App({ location }: AppProps) {
  return (
    <AppErrorBoundary>
      {location === undefined ? (
        <AppRouter>
          <AppRoutes />
        </AppRouter>
      ) : (
        <StaticRouter location={location}>
          <AppRoutes />
        </StaticRouter>
      )}
    </AppErrorBoundary>
  );
}
