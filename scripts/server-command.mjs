// How the API server runs in production, in one place: `npm start`, the browser tests, the
// server-process integration tests and `pnpm bench` all start it this way (decision 021).
// The compiled bundle (apps/api/dist/server.mjs, made by `turbo run build`) is plain JavaScript;
// the export condition makes @psu/domain and @psu/prisma resolve to their compiled dist/ too.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The folder the server runs in: apps/api. */
export const API_DIR = join(root, "apps/api");

/**
 * V8's heap limits for a server process: with Node's defaults the heap grows to whatever the
 * machine offers before collecting (384 MB resident under `pnpm bench:scale`); with these it
 * stayed near 230 MB and no request was slower (docs/performance.md, "Memory"). The twelve-month
 * report at a million cases fits in them. NODE_OPTIONS with its own --max-old-space-size wins.
 */
const HEAP_ARGS = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "")
  ? []
  : ["--max-old-space-size=160", "--max-semi-space-size=4"];

/** The arguments to `node` that start the compiled server, with `extra` options after the defaults (so they win). */
export function serverNodeArgs(extra = []) {
  return [...HEAP_ARGS, "--conditions=psu-compiled", ...extra, "dist/server.mjs"];
}

/** The arguments to `node` (process.execPath) that start the compiled server. */
export const SERVER_NODE_ARGS = serverNodeArgs();

/**
 * Compiles the server and the workspace packages it imports from their current source (about a
 * second), as each package's `build` script does: for the tests that start the real server, so
 * they never run a stale bundle.
 */
export function buildServer() {
  for (const folder of ["packages/domain", "prisma", "apps/api"]) {
    const { scripts } = JSON.parse(readFileSync(join(root, folder, "package.json"), "utf8"));
    const [, script, ...args] = scripts.build.split(" ");
    const result = spawnSync(process.execPath, [script, ...args], { cwd: join(root, folder), stdio: "inherit" });
    if (result.status !== 0) throw new Error(`could not compile ${folder}`);
  }
}
