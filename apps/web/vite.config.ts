import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { nhsukFrontendAssets, nhsukFrontendIeHack } from "./vite-plugins/nhsuk-frontend.ts";

// The libraries every page needs. They change only on upgrades, so one long-cached chunk; the
// list is explicit so a heavy library used by one staff page never lands on the start page.
const SHARED_LIBRARIES =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/][^\\/]+|zod)[\\/]/;

export default defineConfig({
  plugins: [react(), nhsukFrontendAssets(), nhsukFrontendIeHack()],
  server: {
    // The API runs on its own port in development; in production one process serves both.
    proxy: { "/api": "http://localhost:3000" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: "vendor", test: SHARED_LIBRARIES }] },
      },
    },
  },
});
