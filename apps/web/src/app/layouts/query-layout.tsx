import { QueryClientProvider } from "@tanstack/react-query";
import { Outlet } from "react-router";
import { getQueryClient } from "../../lib/query-client";

/**
 * Pages that talk to the API sit under this layout, loaded with them: react-query stays off the
 * start page's critical path (its services list brings the same client in lazily).
 */
export function QueryLayout() {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <Outlet />
    </QueryClientProvider>
  );
}
