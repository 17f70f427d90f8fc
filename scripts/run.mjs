#!/usr/bin/env node
// The README's commands (`npm start`, `npm test`, `npm run dev`) land here, so that a
// newcomer needs only Node and npm: this script fetches the pinned pnpm through npx when it
// is missing, installs the workspace when needed, builds what is missing, then runs.
// Plain Node on purpose: it runs before any dependency is installed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { API_DIR, SERVER_NODE_ARGS } from "./server-command.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

function pnpmCommand() {
  const found = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (found.status === 0 && `pnpm@${found.stdout.trim()}` === packageManager) return ["pnpm"];
  return ["npx", "--yes", packageManager];
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env, ...options });
  return result.status ?? 1;
}

function runOrExit(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) process.exit(status);
}

const pnpm = pnpmCommand();
const pnpmRun = (args, options) => run(pnpm[0], [...pnpm.slice(1), ...args], options);
const pnpmOrExit = (args, options) => runOrExit(pnpm[0], [...pnpm.slice(1), ...args], options);

function ensureInstalled() {
  const marker = join(root, "node_modules/.pnpm/lock.yaml");
  const stale = !existsSync(marker) || statSync(join(root, "pnpm-lock.yaml")).mtimeMs > statSync(marker).mtimeMs;
  if (stale) pnpmOrExit(["install", "--frozen-lockfile"]);
}

/** Starts a long-running child, passing Ctrl-C and SIGTERM on and exiting with its code. */
function supervise(command, args, cwd = root, extraEnv = {}) {
  const child = spawn(command, args, { cwd, stdio: "inherit", env: { ...env, ...extraEnv } });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

const task = process.argv[2];
ensureInstalled();

if (task === "start") {
  pnpmOrExit(["exec", "turbo", "run", "build", "--output-logs=errors-only"]);
  // Node itself, not pnpm, so signals reach the server directly; the build compiled it.
  supervise(process.execPath, SERVER_NODE_ARGS, API_DIR, {
    NODE_ENV: process.env.NODE_ENV ?? "production",
  });
} else if (task === "dev") {
  supervise(pnpm[0], [...pnpm.slice(1), "exec", "turbo", "run", "dev"]);
} else if (task === "test") {
  const { runTests } = await import("./test/run-tests.mjs");
  process.exit(await runTests({ root, pnpmRun, pnpmOrExit, env }));
} else if (task === "demo:code") {
  // The demo accounts' current sign-in code (apps/api/src/demo/demo-code.ts).
  runOrExit(process.execPath, ["--import", "tsx", "src/demo/demo-code.ts"], { cwd: join(root, "apps/api") });
} else {
  console.error("Usage: node scripts/run.mjs start|dev|test|demo:code");
  process.exit(2);
}
