import { AppRouter } from "./app-router";
import { AppErrorBoundary } from "./layouts/route-error";
import { AppRoutes } from "./router";

/** The app: router and routes, with a last-resort error page. Query clients come with the pages that use them. */
export function App() {
  return (
    <AppErrorBoundary>
      <AppRouter>
        <AppRoutes />
      </AppRouter>
    </AppErrorBoundary>
  );
}
