// `npm test`: every test in the workspace, then one closing line "N passed, N failed".
// Unit and integration tests run in one Vitest run (the integration project starts its own
// embedded PostgreSQL); browser journeys run in Playwright against the built app on Debian's
// Chromium, which is installed through apt when missing (we are root on these machines).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const CHROMIUM = "/usr/bin/chromium";

function ensureChromium(env) {
  if (existsSync(CHROMIUM) || env.PLAYWRIGHT_CHROMIUM_PATH) return true;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || spawnSync("which", ["apt-get"]).status !== 0) {
    console.error(`Browser tests need Chromium at ${CHROMIUM}: install it (Debian: apt-get install -y chromium).`);
    return false;
  }
  console.log("Installing Debian's chromium for the browser tests (once)...");
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  const install = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], {
    stdio: "inherit",
    env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return update.status === 0 && install.status === 0 && existsSync(CHROMIUM);
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
