import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { embeddedDatabaseUrl, findFreePort, startEmbeddedPostgres } from "@psu/prisma";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServer, stopServer } from "../test/server-process";

// The real server process on the embedded database, listening on every address (HOST=0.0.0.0):
// no demo accounts, a log line saying why and how to make the first admin, and a refusal to
// serve a data folder that a loopback demo already filled with its accounts.
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../../..");
let dataRoot: string;
let port: number;
let postgresPort: number;
let server: ServerProcess | undefined;

function startOnEveryAddress(): Promise<ServerProcess> {
  return startServer(port, {
    HOST: "0.0.0.0",
    DATABASE_URL: "",
    SERVER_SECRET: "",
    PUBLIC_URL: "",
    DATA_DIR: dataRoot,
    EMBEDDED_POSTGRES_PORT: String(postgresPort),
    WEB_DIST_DIR: join(dataRoot, "no-web-app"),
  });
}

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = await embeddedDatabaseUrl({ dataDir: join(dataRoot, "postgres"), port: postgresPort, database: "psu" });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs a shell command from the repository root, as an operator would paste it. */
function runShell(command: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("sh", ["-c", command], { cwd: repoRoot, env: { ...process.env, NODE_ENV: "production" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += String(chunk)));
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  dataRoot = await mkdtemp(join(tmpdir(), "psu-no-demo-test-"));
  await chmod(dataRoot, 0o755);
  port = await findFreePort();
  postgresPort = await findFreePort();
});
afterEach(async () => {
  if (server) await stopServer(server, "SIGKILL");
  server = undefined;
});
afterAll(async () => {
  await rm(dataRoot, { recursive: true, force: true });
});

describe("the embedded database served beyond this machine", () => {
  it("has no demo accounts, and its log tells how to make the first admin with a command that works", async () => {
    server = await startOnEveryAddress();
    const signIn = await fetch(`${server.origin}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@psu.example", password: "demo-password-2026" }),
    });
    expect(signIn.status).toBe(401);
    expect(await withDatabase((client) => client.query("select count(*)::int as n from staff_members"))).toMatchObject({
      rows: [{ n: 0 }],
    });

    const warning = server
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .find((line) => line.msg.startsWith("no demo accounts"));
    expect(warning?.level).toBe(40);
    const command = warning?.msg.split("Create the first admin with: ")[1] ?? "";
    // Neither secret is in the log: the command reads them from their files.
    expect(command).toContain(`$(cat ${join(dataRoot, "postgres-password")})`);
    expect(command).toContain(`$(cat ${join(dataRoot, "server-secret")})`);

    const created = await runShell(command);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout.trim().split("\n").at(-1)).toMatch(/^http:\/\/localhost:\d+\/staff\/invitation#.+/);
    const admins = await withDatabase((client) => client.query("select email, role from staff_members"));
    expect(admins.rows).toEqual([{ email: "you@nhs.net", role: "admin" }]);

    expect((await stopServer(server)).code).toBe(0);
    server = undefined;
  }, 90_000);

  it("refuses to serve a data folder holding a loopback demo's accounts", async () => {
    // As if this folder (migrated by the test above) had been started on 127.0.0.1 once, which
    // seeds the demo accounts: opened without the app, to add one.
    const database = await startEmbeddedPostgres({
      dataDir: join(dataRoot, "postgres"),
      port: postgresPort,
      database: "psu",
    });
    try {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query(
        "insert into staff_members (id, email, name, role, lead_kinds, capacity, affiliations) values (gen_random_uuid(), 'coordinator@psu.example', 'Casey Coordinator', 'coordinator', '{}', 0, '{}')",
      );
      await client.end();
    } finally {
      await database.stop();
    }

    const refused = startOnEveryAddress();
    await expect(refused).rejects.toThrow(/Could not start: the data folder .* holds the demo accounts/);
    await expect(refused).rejects.toThrow(/served on this machine only \(HOST=127\.0\.0\.1\), not on 0\.0\.0\.0/);
  }, 90_000);
});
