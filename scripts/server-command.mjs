// How the API server runs in production, in one place: `npm start`, the browser tests, the
// server-process integration tests and `pnpm bench` all start it this way (decision 021).
// The compiled bundle (apps/api/dist/server.mjs, made by `turbo run build`) is plain JavaScript;
// the export condition makes @psu/domain and @psu/prisma resolve to their compiled dist/ too.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder the server runs in: apps/api. */
export const API_DIR = join(dirname(fileURLToPath(import.meta.url)), "../apps/api");

/** The arguments to `node` (process.execPath) that start the compiled server. */
export const SERVER_NODE_ARGS = ["--conditions=psu-compiled", "dist/server.mjs"];
