import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ReferralReceiptSchema } from "@psu/domain";
import { findFreePort } from "@psu/prisma";
import { afterAll, describe, expect, it } from "vitest";
import { buildSubmission } from "../test/referral-fixtures";
import {
  httpRequest,
  isPortOpen,
  type ServerProcess,
  stopServer,
  useEmbeddedServerFolder,
  waitUntil,
} from "../test/server-process";

// The real server process on its embedded database, killed as the out-of-memory killer or
// `kill -9` would (decision 029): PostgreSQL must not outlive it for long, the next start must
// need no manual steps, and no referral answered 201 may be lost.
const folder = useEmbeddedServerFolder("psu-crash-test-");
let server: ServerProcess | undefined;
afterAll(async () => {
  if (server) await stopServer(server, "SIGKILL");
  // Should a test fail with PostgreSQL left running, stop it before its folder is removed.
  const postgres = await postmasterPid().catch(() => undefined);
  if (postgres !== undefined && (await isRunning(postgres))) process.kill(postgres, "SIGINT");
});

/** The pid in the folder's postmaster.pid: the running PostgreSQL's. */
async function postmasterPid(): Promise<number> {
  return Number((await readFile(join(folder.dataRoot, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
}

/** Whether `pid` runs (an exited process not yet reaped does not). */
async function isRunning(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** Kills the server with SIGKILL, the API process alone or its whole process group, and waits for it to exit. */
async function kill(killed: ServerProcess, what: "the API process" | "the process group"): Promise<void> {
  const exited = new Promise((resolve) => killed.child.once("exit", resolve));
  const pid = killed.child.pid;
  if (pid === undefined) throw new Error("the server has no pid");
  process.kill(what === "the process group" ? -pid : pid, "SIGKILL");
  await exited;
}

/** Someone referring over and over (each from another address, through a trusted proxy) until told to stop. */
async function refer(origin: string, running: { stop: boolean }, acknowledged: string[]): Promise<void> {
  while (!running.stop) {
    try {
      const answer = await httpRequest(`${origin}/api/referrals`, {
        method: "POST",
        headers: {
          "idempotency-key": randomUUID(),
          "x-forwarded-for": `198.51.100.${1 + Math.floor(Math.random() * 254)}`,
        },
        body: buildSubmission(),
      });
      if (answer.status === 201) acknowledged.push(ReferralReceiptSchema.parse(JSON.parse(answer.body)).reference);
    } catch {
      // The connection broke: the server was killed with this request in flight, unanswered.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe.runIf(process.platform === "linux")("after the API process is killed", () => {
  it("its embedded PostgreSQL stops on its own within seconds, and the next start needs no manual step", async () => {
    server = await folder.start();
    const postgres = await postmasterPid();
    await kill(server, "the API process");
    server = undefined;

    const killedAt = Date.now();
    await waitUntil(async () => !(await isRunning(postgres)), "the orphaned PostgreSQL stops", 10_000);
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    expect(await isPortOpen(folder.postgresPort)).toBe(false);

    server = await folder.start();
    expect((await httpRequest(`${server.origin}/api/health/ready`)).status).toBe(200);
    expect(server.output()).toContain("ended without stopping; its database has stopped too. Starting it again.");
    expect(server.output()).not.toMatch(/\n\s+at /); // no stack trace

    // A second copy on the same data folder is refused, naming the first, which carries on.
    const port = await findFreePort();
    await expect(folder.start({ PORT: String(port) })).rejects.toThrow(
      `Could not start: The data folder ${join(folder.dataRoot, "postgres")} is in use by another copy of the app (pid ${server.child.pid}, running since`,
    );
    expect((await httpRequest(`${server.origin}/api/health/ready`)).status).toBe(200);
    await stopServer(server);
    server = undefined;
  }, 60_000);

  it("loses no acknowledged referral over kill cycles under load: the API alone, the whole process group, the primary of two workers", async () => {
    const acknowledged: string[] = [];
    const cycles = [
      { kill: "the API process", env: {} },
      { kill: "the process group", env: {} },
      { kill: "the API process", env: { WORKERS: "2" } },
    ] as const;
    for (const cycle of cycles) {
      // Its own process group, so that killing the group spares the test runner.
      const current = await folder.start({ TRUST_PROXY: "loopback", ...cycle.env }, { ownProcessGroup: true });
      server = current;
      const postgres = await postmasterPid();
      // The overall hourly limit on referrals would refuse the later cycles.
      await folder.withDatabase((client) => client.query("delete from rate_limit_counters"));

      const before = acknowledged.length;
      const running = { stop: false };
      const submitters = Array.from({ length: 4 }, () => refer(current.origin, running, acknowledged));
      await waitUntil(async () => acknowledged.length >= before + 20, "referrals flow", 20_000);
      await kill(current, cycle.kill);
      server = undefined;
      running.stop = true;
      await Promise.all(submitters);

      await waitUntil(async () => !(await isRunning(postgres)), `PostgreSQL stops after killing ${cycle.kill}`, 10_000);
      // Workers leave with their primary.
      await waitUntil(async () => !(await isPortOpen(folder.port)), "the port is free");
    }

    server = await folder.start();
    expect((await httpRequest(`${server.origin}/api/health/ready`)).status).toBe(200);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    const found = await folder.withDatabase((client) =>
      client.query<{ n: number }>("select count(*)::int as n from referrals where reference = any($1::text[])", [
        acknowledged,
      ]),
    );
    expect(found.rows[0]?.n).toBe(acknowledged.length);
    await stopServer(server);
    server = undefined;
  }, 120_000);
});
