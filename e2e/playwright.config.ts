import { defineConfig, devices } from "@playwright/test";
import { SSO_SERVER_ENV } from "./sso-settings";

// Browser journeys against the real app: built web app + API + its own embedded PostgreSQL
// (separate port and data folder, so a copy of the app you are running is left alone).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests",
  globalSetup: "./oidc-provider-setup.ts",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [["list"], ["json"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      // Without the networking flags Chromium floods the closed network with refused requests.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // One session per demo account, opened first and shared by the tests (tests/fixtures.ts, signIn).
    { name: "sign-in", testMatch: /demo-sessions\.setup\.ts$/ },
    {
      name: "desktop",
      dependencies: ["sign-in"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
    },
    {
      name: "mobile",
      dependencies: ["sign-in"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 320, height: 640 }, isMobile: false },
    },
  ],
  webServer: {
    command: "node scripts/start-e2e-server.mjs",
    url: `http://127.0.0.1:${PORT}/api/health/ready`,
    timeout: 60_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
    // Single sign-on is on, against the test provider oidc-provider-setup.ts starts (sso-settings.ts).
    env: { E2E_PORT: String(PORT), ...SSO_SERVER_ENV },
  },
});
