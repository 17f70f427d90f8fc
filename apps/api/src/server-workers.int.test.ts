import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isPortOpen, stopServer, useEmbeddedServerFolder, waitUntil } from "./test/server-process";

// WORKERS: several server processes sharing the port, the primary owning the embedded database.
const folder = useEmbeddedServerFolder("psu-workers-test-");

/** The node processes a process has started (its workers; the embedded PostgreSQL is not one), from ps. */
function workersOf(pid: number): number[] {
  const output = execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(pid)], { encoding: "utf8" });
  return output
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([, command]) => command === "node")
    .map(([child]) => Number(child));
}

describe("the server with WORKERS=2", () => {
  it("serves from two workers, replaces one that dies, and stops them all and the database on SIGTERM", async () => {
    const server = await folder.start({ WORKERS: "2" });
    const primary = server.child.pid ?? 0;
    expect(server.output()).toContain('"workers":2');
    const workers = workersOf(primary);
    expect(workers).toHaveLength(2);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${server.origin}/api/services`).then((response) => response.status)),
    );
    expect(answers.every((status) => status === 200)).toBe(true);

    const [killed] = workers;
    process.kill(killed ?? 0, "SIGKILL");
    await waitUntil(
      async () => server.output().includes("a server worker stopped unexpectedly; starting another"),
      "the primary to notice the dead worker",
    );
    await waitUntil(
      async () => server.output().includes("a replacement server worker is listening"),
      "a new worker in its place",
    );
    const now = workersOf(primary);
    expect(now).toHaveLength(2);
    expect(now).not.toContain(killed);
    expect((await fetch(`${server.origin}/api/health/ready`)).status).toBe(200);

    const stopped = await stopServer(server);
    expect(stopped.code).toBe(0);
    expect(await isPortOpen(folder.postgresPort)).toBe(false);
    expect(await isPortOpen(folder.port)).toBe(false);
  }, 90_000);
});
