import { type ChildProcess, spawn } from "node:child_process";
import { type Agent, request as httpRequestRaw, type IncomingHttpHeaders } from "node:http";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// The real server process (src/server.ts) as `npm start` runs it, for the tests of start-up,
// shutdown and several instances on one database.

const apiRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

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

/**
 * Starts src/server.ts in production mode on `port` and waits until it listens. `env` adds to
 * or overrides the test's environment: DATABASE_URL (empty for the embedded database),
 * DATA_DIR, WEB_DIST_DIR (a folder without a built web app keeps start-up quick), and so on.
 */
export async function startServer(port: number, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: apiRoot,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
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
