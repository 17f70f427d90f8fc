// `npm test`: every test in the workspace, then one closing line "N passed, N failed".
// Unit and integration tests run in one Vitest run (the integration project starts its own
// embedded PostgreSQL); browser journeys run in Playwright against the built app on Debian's
// Chromium, which is installed through apt when missing (we are root on these machines), as
// are the PostgreSQL 15 programs the backup and restore test needs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const CHROMIUM = "/usr/bin/chromium";
// The backup and restore test runs scripts/ops against a throwaway PostgreSQL 15 cluster.
const POSTGRES_15 = {
  "/usr/lib/postgresql/15/bin/initdb": "postgresql-15",
  "/usr/lib/postgresql/15/bin/pg_dump": "postgresql-client-15",
};

/** Installs Debian packages when we are root and have apt; true when it worked. */
function installWithApt(packages, env) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || spawnSync("which", ["apt-get"]).status !== 0) return false;
  console.log(`Installing ${packages.join(", ")} with apt (once)...`);
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  const install = spawnSync("apt-get", ["install", "-y", "-qq", ...packages], {
    stdio: "inherit",
    env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return update.status === 0 && install.status === 0;
}

function ensureChromium(env) {
  if (existsSync(CHROMIUM) || env.PLAYWRIGHT_CHROMIUM_PATH) return true;
  if (installWithApt(["chromium"], env) && existsSync(CHROMIUM)) return true;
  console.error(`Browser tests need Chromium at ${CHROMIUM}: install it (Debian: apt-get install -y chromium).`);
  return false;
}

// Without them the backup test is skipped (and fails when CI=true), so this only warns.
function ensurePostgres15(env) {
  const missing = Object.entries(POSTGRES_15).filter(([path]) => !existsSync(path));
  if (missing.length === 0) return;
  const packages = missing.map(([, name]) => name);
  if (installWithApt(packages, env) && missing.every(([path]) => existsSync(path))) return;
  console.error(`The backup and restore test needs PostgreSQL 15: apt-get install -y ${packages.join(" ")}`);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

function countVitest(report) {
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.success === false && !report.numFailedTests ? 1 : 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function countPlaywright(report) {
  if (!report?.stats) return { passed: 0, failed: 1, skipped: 0 };
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  const brokenRun = (report.errors?.length ?? 0) > 0 ? 1 : 0;
  return { passed: expected + flaky, failed: unexpected + brokenRun, skipped };
}

export async function runTests({ root, pnpmRun, pnpmOrExit, env }) {
  const reports = join(root, "test-results");
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });

  pnpmOrExit(["exec", "turbo", "run", "build", "--output-logs=errors-only"]);

  ensurePostgres15(env);
  const vitestReport = join(reports, "vitest.json");
  const vitestStatus = pnpmRun([
    "exec",
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${vitestReport}`,
  ]);
  const unit = countVitest(readJson(vitestReport));
  if (vitestStatus !== 0 && unit.failed === 0) unit.failed = 1;

  let browser = { passed: 0, failed: 1, skipped: 0 };
  if (ensureChromium(env)) {
    const playwrightReport = join(reports, "playwright.json");
    pnpmRun(["--filter", "@psu/e2e", "exec", "playwright", "test"], {
      env: { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport },
    });
    browser = countPlaywright(readJson(playwrightReport));
  }

  const total = {
    passed: unit.passed + browser.passed,
    failed: unit.failed + browser.failed,
    skipped: unit.skipped + browser.skipped,
  };
  console.log(`\nunit and integration: ${unit.passed} passed, ${unit.failed} failed`);
  console.log(`browser: ${browser.passed} passed, ${browser.failed} failed`);
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  return total.failed === 0 ? 0 : 1;
}
