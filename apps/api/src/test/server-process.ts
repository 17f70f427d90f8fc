import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { type Agent, request as httpRequestRaw, type IncomingHttpHeaders } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { embeddedDatabaseUrl, findFreePort, startEmbeddedPostgres } from "@psu/prisma";
import type pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { API_DIR, SERVER_NODE_ARGS } from "../../../../scripts/server-command.mjs";
import { withPgClient } from "./pg-client";

// The real server process as `npm start` runs it (compiled: the integration tests' global set-up
// compiles it from the current source), for the tests of start-up, shutdown and several
// instances on one database.

/** True when something listens on the port (we cannot bind it ourselves). */
export function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(true));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(false)));
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  origin: string;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
}

export interface StartServerOptions {
  /** Runs the server in a process group of its own (pgid = its pid), so a test can kill the whole group. */
  ownProcessGroup?: boolean;
}

/**
 * Starts the compiled server in production mode on `port` and waits until it listens. `env` adds to
 * or overrides the test's environment: DATABASE_URL (empty for the embedded database),
 * DATA_DIR, WEB_DIST_DIR (a folder without a built web app keeps start-up quick), and so on.
 */
export async function startServer(
  port: number,
  env: Record<string, string>,
  options: StartServerOptions = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, SERVER_NODE_ARGS, {
    cwd: API_DIR,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.ownProcessGroup === true,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += String(chunk)));
  child.stderr?.on("data", (chunk) => (output += String(chunk)));
  const deadline = Date.now() + 30_000;
  while (!output.includes("is running at")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, port, origin: `http://127.0.0.1:${port}`, output: () => output };
}

export interface EmbeddedServerFolder {
  /** A fresh DATA_DIR; the embedded database lives in its `postgres` folder. */
  readonly dataRoot: string;
  /** Where the server listens. */
  readonly port: number;
  readonly postgresPort: number;
  /** startServer on the folder's embedded database; `env` adds to or overrides its settings. */
  start(env?: Record<string, string>, options?: StartServerOptions): Promise<ServerProcess>;
  /** The URL of the folder's database while its embedded server runs. */
  databaseUrl(): Promise<string>;
  /** Runs `work` on a connection to the folder's database while the server process runs it. */
  withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T>;
  /** Starts the folder's database without the app (the server must be stopped), runs `work`, stops it. */
  withDatabaseAlone<T>(work: (client: pg.Client) => Promise<T>): Promise<T>;
}

/**
 * A data folder and two free ports for the real server process on its embedded database, made
 * before this file's tests and removed after them (stop the server first, in a later afterAll
 * or an afterEach). The folder is 0755 as a real one would be.
 */
export function useEmbeddedServerFolder(prefix: string): EmbeddedServerFolder {
  let made: { dataRoot: string; port: number; postgresPort: number } | undefined;
  beforeAll(async () => {
    const dataRoot = await mkdtemp(join(tmpdir(), prefix));
    await chmod(dataRoot, 0o755);
    made = { dataRoot, port: await findFreePort(), postgresPort: await findFreePort() };
  });
  afterAll(async () => {
    if (made) await rm(made.dataRoot, { recursive: true, force: true });
  });
  const current = () => {
    if (!made) throw new Error("the data folder is made in beforeAll: use it inside tests and hooks");
    return made;
  };
  const database = () => ({
    dataDir: join(current().dataRoot, "postgres"),
    port: current().postgresPort,
    database: "psu",
  });
  return {
    get dataRoot() {
      return current().dataRoot;
    },
    get port() {
      return current().port;
    },
    get postgresPort() {
      return current().postgresPort;
    },
    start: (env = {}, options = {}) =>
      startServer(
        current().port,
        {
          DATABASE_URL: "",
          DATA_DIR: current().dataRoot,
          EMBEDDED_POSTGRES_PORT: String(current().postgresPort),
          WEB_DIST_DIR: join(current().dataRoot, "no-web-app"),
          ...env,
        },
        options,
      ),
    databaseUrl: () => embeddedDatabaseUrl(database()),
    withDatabase: async (work) => withPgClient(await embeddedDatabaseUrl(database()), work),
    withDatabaseAlone: async (work) => {
      const alone = await startEmbeddedPostgres(database());
      try {
        return await withPgClient(alone.url, work);
      } finally {
        await alone.stop();
      }
    },
  };
}

/** Resolves with the exit code and how long the process took to exit after `signal`. */
export function stopServer(
  server: Pick<ServerProcess, "child">,
  signal: NodeJS.Signals = "SIGTERM",
): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const { child } = server;
  if (child.exitCode !== null) return Promise.resolve({ code: child.exitCode, ms: 0 });
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve({ code, ms: Date.now() - started }));
    child.kill(signal);
  });
}

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** True when the request went over a connection an earlier request had opened (keep-alive). */
  reusedSocket: boolean;
}

/**
 * One HTTP request through node:http, so a test can choose the connection: pass a keep-alive
 * Agent to reuse one (fetch hides its connections).
 */
export function httpRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown; agent?: Agent } = {},
): Promise<HttpAnswer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = httpRequestRaw(
      url,
      {
        method: options.method ?? "GET",
        agent: options.agent ?? false,
        headers: { ...(payload ? { "content-type": "application/json" } : {}), ...options.headers },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body,
            reusedSocket: request.reusedSocket,
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}
