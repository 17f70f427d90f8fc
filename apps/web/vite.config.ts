import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { nhsukFrontendAssets, nhsukFrontendIeHack } from "./vite-plugins/nhsuk-frontend.ts";
import { pageHtml } from "./vite-plugins/page-html.ts";
import { precompressAssets } from "./vite-plugins/precompress.ts";
import { ROUTE_AREA_CHUNKS } from "./vite-plugins/route-area-chunks.ts";

export default defineConfig({
  plugins: [
    react(),
    nhsukFrontendAssets(),
    nhsukFrontendIeHack(),
    // The pages people open first: prerendered when their first render is the same for everyone;
    // the queue, which needs a session, preloads what its first render loads (src/app/staff-routes.tsx).
    pageHtml({
      pages: [
        { path: "/", prerender: true },
        { path: "/get-help-now", prerender: true },
        { path: "/accessibility-statement", prerender: true },
        { path: "/refer/urgent-help", prerender: true },
        {
          path: "/staff",
          preload: [
            "src/app/layouts/query-layout.tsx",
            "src/app/layouts/staff/staff-layout.tsx",
            "src/features/queue/pages/queue-page.tsx",
          ],
          // Who is signed in: the staff layout asks before drawing anything (decision 030).
          fetchPreload: ["/api/auth/me"],
        },
      ],
    }),
    // Last: compresses everything the build wrote, the pages' HTML included.
    precompressAssets(),
  ],
  server: {
    // The API runs on its own port in development; in production one process serves both.
    proxy: { "/api": "http://localhost:3000" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Read by vite-plugins/page-html.ts and scripts/measure-start-page.mjs to find pages' chunks.
    manifest: true,
    // Code the lazily loaded pages share is grouped by route area (trainee, staff, both), not
    // split into a chunk for every combination of pages. No "vendor" chunk: the start page loads
    // React, the router and the layout, but not zod, react-query or any other page's code (a forced
    // vendor chunk of all of them put 134 KB gzipped on the start page).
    rolldownOptions: { output: { codeSplitting: ROUTE_AREA_CHUNKS } },
  },
});
