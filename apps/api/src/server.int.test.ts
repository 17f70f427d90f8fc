import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The real server process, as `npm start` runs it: embedded PostgreSQL, SIGTERM, restart.
const apiRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
let dataRoot: string;
let port: number;
let postgresPort: number;

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function startServer(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: apiRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: "",
      DATA_DIR: dataRoot,
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      WEB_DIST_DIR: join(dataRoot, "no-web-app"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += String(chunk)));
  child.stderr?.on("data", (chunk) => (output += String(chunk)));
  const deadline = Date.now() + 30_000;
  while (!output.includes("is running at")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, output: () => output };
}

function stop(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve({ code, ms: Date.now() - started }));
    child.kill("SIGTERM");
  });
}

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `postgresql://postgres:psu-local@127.0.0.1:${postgresPort}/psu` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function isPortOpen(target: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(true));
    probe.listen(target, "127.0.0.1", () => probe.close(() => resolve(false)));
  });
}

beforeAll(async () => {
  dataRoot = await mkdtemp(join(tmpdir(), "psu-server-test-"));
  await chmod(dataRoot, 0o755);
  port = await findFreePort();
  postgresPort = await findFreePort();
});
afterAll(async () => {
  await rm(dataRoot, { recursive: true, force: true });
});

describe("the server process", () => {
  it("starts on the embedded database, stops on SIGTERM with 0, and finds its data again", async () => {
    const first = await startServer();
    const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
    expect(ready.status).toBe(200);
    await withDatabase((client) => client.query("insert into app_meta (key, value) values ('restart-check', 'kept')"));

    const firstStop = await stop(first.child);
    expect(firstStop.code).toBe(0);
    expect(firstStop.ms).toBeLessThan(5_000);
    expect(await isPortOpen(postgresPort)).toBe(false);

    const second = await startServer();
    expect(second.output()).toContain('"applied":0');
    const kept = await withDatabase((client) => client.query("select value from app_meta where key = 'restart-check'"));
    expect(kept.rows).toEqual([{ value: "kept" }]);
    expect((await stop(second.child)).code).toBe(0);
  }, 90_000);
});
