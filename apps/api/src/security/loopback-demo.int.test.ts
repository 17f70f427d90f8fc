import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { type ServerProcess, stopServer, useEmbeddedServerFolder } from "../test/server-process";

// The real server process on the embedded database, listening on every address (HOST=0.0.0.0):
// no demo accounts, a log line saying why and how to make the first admin, and a refusal to
// serve a data folder that a loopback demo already filled with its accounts.
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../../..");
const folder = useEmbeddedServerFolder("psu-no-demo-test-");
let server: ServerProcess | undefined;

function startOnEveryAddress(): Promise<ServerProcess> {
  return folder.start({ HOST: "0.0.0.0", SERVER_SECRET: "", PUBLIC_URL: "" });
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

afterEach(async () => {
  if (server) await stopServer(server, "SIGKILL");
  server = undefined;
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
    const staff = await folder.withDatabase((client) => client.query("select count(*)::int as n from staff_members"));
    expect(staff).toMatchObject({ rows: [{ n: 0 }] });

    const warning = server
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .find((line) => line.msg.startsWith("no demo accounts"));
    expect(warning?.level).toBe(40);
    const command = warning?.msg.split("Create the first admin with: ")[1] ?? "";
    // Neither secret is in the log: the command reads them from their files.
    expect(command).toContain(`$(cat ${join(folder.dataRoot, "postgres-password")})`);
    expect(command).toContain(`$(cat ${join(folder.dataRoot, "server-secret")})`);

    const created = await runShell(command);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout.trim().split("\n").at(-1)).toMatch(/^http:\/\/localhost:\d+\/staff\/invitation#.+/);
    const admins = await folder.withDatabase((client) => client.query("select email, role from staff_members"));
    expect(admins.rows).toEqual([{ email: "you@nhs.net", role: "admin" }]);

    expect((await stopServer(server)).code).toBe(0);
    server = undefined;
  }, 90_000);

  it("refuses to serve a data folder holding a loopback demo's accounts", async () => {
    // As if this folder (migrated by the test above) had been started on 127.0.0.1 once, which
    // seeds the demo accounts: opened without the app, to add one.
    await folder.withDatabaseAlone((client) =>
      client.query(
        "insert into staff_members (id, email, name, role, lead_kinds, capacity, affiliations) values (gen_random_uuid(), 'coordinator@psu.example', 'Casey Coordinator', 'coordinator', '{}', 0, '{}')",
      ),
    );

    const refused = startOnEveryAddress();
    await expect(refused).rejects.toThrow(/Could not start: the data folder .* holds the demo accounts/);
    await expect(refused).rejects.toThrow(/served on this machine only \(HOST=127\.0\.0\.1\), not on 0\.0\.0\.0/);
  }, 90_000);
});
