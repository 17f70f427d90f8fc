import { defineConfig } from "vitest/config";

// One test run for the whole workspace: fast unit tests next to the code (`x.test.ts`) and
// integration tests against a real PostgreSQL (`x.int.test.ts`), which share one embedded
// server started by the global setup.
export default defineConfig({
  test: {
    // One test file per core. Vitest's default is one fewer than the cores, which on a 2-core
    // machine runs every file one after another; integration tests spend much of their time
    // waiting on PostgreSQL and on server processes, so two at once took the whole run from
    // 296 s to 182 s here (three: 172 s, not worth the extra contention).
    maxWorkers: "100%",
    projects: [
      {
        test: {
          name: "unit",
          include: ["{apps,packages,prisma}/*/src/**/*.test.{ts,tsx}", "prisma/src/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["{apps,packages}/*/src/**/*.int.test.ts", "prisma/src/**/*.int.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: ["./scripts/test/postgres-global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
