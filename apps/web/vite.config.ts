import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { nhsukFrontendAssets, nhsukFrontendIeHack } from "./vite-plugins/nhsuk-frontend.ts";
import { precompressAssets } from "./vite-plugins/precompress.ts";
import { prerenderPages } from "./vite-plugins/prerender-pages.ts";

export default defineConfig({
  plugins: [
    react(),
    nhsukFrontendAssets(),
    nhsukFrontendIeHack(),
    // The pages that are the same for everyone: the start page, crisis help, the accessibility statement.
    prerenderPages({ locations: ["/", "/get-help-now", "/accessibility-statement"] }),
    // Last: compresses everything the build wrote, prerendered pages included.
    precompressAssets(),
  ],
  server: {
    // The API runs on its own port in development; in production one process serves both.
    proxy: { "/api": "http://localhost:3000" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // scripts/measure-start-page.mjs reads it to find the start page's chunks.
    manifest: true,
    // No manual chunks: Rolldown splits shared code by what each lazy page imports, so the start
    // page loads React, the router and the layout, but not zod, react-query or any other page's
    // code. (A forced "vendor" chunk of all of them put 134 KB gzipped on the start page.)
  },
});
