// What a phone receives (issue 14): Lighthouse's mobile profile (simulated slow 4G, a mid-range
// phone's CPU) on the three trainee pages and the staff queue, 3 runs each, medians printed.
//   pnpm build && pnpm bench:web [--runs 3] [--reports folder] [--page /path]... [--chrome /usr/bin/chromium]
// WEB_DIST_DIR=... measures another build of the web app. --reports keeps each run's full
// report (JSON) to read its diagnostics. --page measures only the pages at these paths.
// It builds nothing: it starts the built app as `npm start` would (scripts/server-command.mjs,
// NODE_ENV=production) on a free port with a throwaway embedded PostgreSQL and the demo data, signs in as the demo
// coordinator through the API for the queue, and runs Lighthouse 12.2.3 in Debian's Chromium.
// Bytes on the wire are Lighthouse's transfer sizes: what the server really sent, compressed
// as it chose for Chromium's Accept-Encoding. Lighthouse's scores are simulated from a trace,
// so they hold across machines better than timings, but a busy machine still moves them: the
// load average is printed with them.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { API_DIR, SERVER_NODE_ARGS } from "../server-command.mjs";

const { values: options } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    reports: { type: "string" },
    page: { type: "string", multiple: true },
    chrome: { type: "string", default: "/usr/bin/chromium" },
  },
});
const RUNS = Number(options.runs);
const REPORTS_DIR = options.reports;
// apps/api/src/demo/demo-seed.ts: the demo accounts exist only on a loopback embedded database.
const COORDINATOR = { email: "coordinator@psu.example", password: "demo-password-2026" };
const SESSION_COOKIE = "__Host-psu_session";

const MEASURED_PAGES = [
  { name: "start page", path: "/" },
  { name: "crisis page", path: "/get-help-now" },
  { name: "first wizard question", path: "/refer/urgent-help" },
  { name: "staff queue", path: "/staff", signedIn: true },
];
const PAGES = MEASURED_PAGES.filter((page) => options.page === undefined || options.page.includes(page.path));
if (PAGES.length === 0) {
  throw new Error(`--page takes the path of a measured page: ${MEASURED_PAGES.map((page) => page.path).join(", ")}`);
}

const METRICS = [
  { label: "performance", read: (lhr) => Math.round(lhr.categories.performance.score * 100), format: String },
  { label: "LCP", read: (lhr) => lhr.audits["largest-contentful-paint"].numericValue, format: seconds },
  { label: "CLS", read: (lhr) => lhr.audits["cumulative-layout-shift"].numericValue, format: (v) => v.toFixed(3) },
  { label: "TBT", read: (lhr) => lhr.audits["total-blocking-time"].numericValue, format: (v) => `${Math.round(v)} ms` },
  { label: "accessibility", read: (lhr) => Math.round(lhr.categories.accessibility.score * 100), format: String },
  { label: "KB on the wire", read: (lhr) => totalTransfer(lhr), format: kilobytes },
  { label: "of which CSS+JS", read: (lhr) => transferOf(lhr, ["stylesheet", "script"]), format: kilobytes },
];

function seconds(milliseconds) {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

function kilobytes(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function resourceSummary(lhr) {
  return lhr.audits["resource-summary"].details.items;
}

function totalTransfer(lhr) {
  return resourceSummary(lhr).find((item) => item.resourceType === "total").transferSize;
}

function transferOf(lhr, types) {
  return resourceSummary(lhr)
    .filter((item) => types.includes(item.resourceType))
    .reduce((sum, item) => sum + item.transferSize, 0);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(base, server) {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    if (server.exitCode !== null) throw new Error(`The app exited with code ${server.exitCode}`);
    const ready = await fetch(`${base}/api/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The app was not ready within 2 minutes");
}

function sessionCookieOf(response) {
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`No session cookie from ${response.url} (${response.status})`);
  return cookie.split(";")[0];
}

/** The demo coordinator's session cookie: password, then the demo authenticator's current code. */
async function signIn(base, env) {
  const post = (path, body, cookie) =>
    fetch(base + path, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const pending = sessionCookieOf(await post("/api/auth/sign-in", COORDINATOR));
  const printed = spawnSync(process.execPath, ["--import", "tsx", "src/demo/demo-code.ts"], {
    cwd: API_DIR,
    env,
    encoding: "utf8",
  });
  const code = /code: (\d{6})/.exec(printed.stdout)?.[1];
  if (!code) throw new Error(`demo:code printed no code: ${printed.stdout}${printed.stderr}`);
  return sessionCookieOf(await post("/api/auth/second-factor", { code }, pending));
}

// A loaded machine sometimes spoils a trace (NO_NAVSTART, NO_FCP): such a run is repeated.
const ATTEMPTS = 3;

async function measure(chrome, url, extraHeaders, reportName) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ["performance", "accessibility"],
      extraHeaders,
      logLevel: "error",
    });
    const error = result ? result.lhr.runtimeError : { message: "no result" };
    if (!error) {
      if (REPORTS_DIR) writeFileSync(join(REPORTS_DIR, `${reportName}.json`), JSON.stringify(result.lhr, null, 1));
      return result.lhr;
    }
    if (attempt === ATTEMPTS) throw new Error(`${url}: ${error.message}`);
    console.log(`  ${url}: ${error.code ?? error.message}, trying again`);
  }
}

function printTable(rows) {
  const header = ["page", ...METRICS.map((metric) => metric.label)];
  const lines = [header, ...rows.map((row) => [row.name, ...row.values])];
  const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  for (const line of lines) console.log(line.map((cell, column) => cell.padEnd(widths[column])).join("  "));
}

const formatLoad = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
const dataDir = mkdtempSync(join(tmpdir(), "psu-lighthouse-"));
// Embedded PostgreSQL runs as its own user when we are root: it must be able to enter the folder.
chmodSync(dataDir, 0o755);
if (REPORTS_DIR) mkdirSync(REPORTS_DIR, { recursive: true });
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  PORT: String(port),
  PUBLIC_URL: base,
  DATABASE_URL: "",
  DATA_DIR: dataDir,
  EMBEDDED_POSTGRES_PORT: String(await freePort()),
  LOG_LEVEL: "warn",
};
const server = spawn(process.execPath, SERVER_NODE_ARGS, { cwd: API_DIR, env, stdio: "inherit" });
let chrome;

try {
  console.log(`Load average at the start (1/5/15 min, ${cpus().length} cores): ${formatLoad()}`);
  await waitUntilReady(base, server);
  const cookie = await signIn(base, env);
  chrome = await launch({
    chromePath: options.chrome,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  const rows = [];
  for (const page of PAGES) {
    const runs = [];
    for (let run = 1; run <= RUNS; run++) {
      const reportName = `${page.path.replaceAll("/", "_") || "_"}-${run}`;
      runs.push(await measure(chrome, base + page.path, page.signedIn ? { Cookie: cookie } : undefined, reportName));
    }
    rows.push({
      name: page.name,
      values: METRICS.map((metric) => metric.format(median(runs.map(metric.read)))),
    });
    console.log(`  measured ${page.name} (${page.path}), ${RUNS} runs`);
  }
  console.log(`\nLighthouse 12.2.3, mobile, simulated throttling; medians of ${RUNS} runs:`);
  printTable(rows);
  console.log(`\nLoad average at the end: ${formatLoad()}`);
} finally {
  chrome?.kill();
  server.kill("SIGTERM");
  await new Promise((resolve) => (server.exitCode === null ? server.once("exit", resolve) : resolve()));
  rmSync(dataDir, { recursive: true, force: true });
}
