import { randomUUID } from "node:crypto";
import { Agent } from "node:http";
import { ErrorBodySchema, ReferralReceiptSchema } from "@psu/domain";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../test/build-test-app";
import { countOtherSessions } from "../test/pg-client";
import { buildSubmission } from "../test/referral-fixtures";
import {
  httpRequest,
  isPortOpen,
  type ServerProcess,
  stopServer,
  useEmbeddedServerFolder,
  waitUntil,
} from "../test/server-process";

// SIGTERM while a referral submission is in flight, against the real server process on its
// embedded database. The submission is held deterministically: the test holds the advisory
// lock the submission takes for its Idempotency-Key (referrals.repository.ts).
const folder = useEmbeddedServerFolder("psu-shutdown-test-");
let server: ServerProcess | undefined;
afterAll(async () => {
  if (server) await stopServer(server, "SIGKILL");
});

describe("graceful shutdown", () => {
  it("finishes the request in flight, answers 503 meanwhile, exits 0 with its embedded database stopped", async () => {
    server = await folder.start();
    const exited = new Promise<number | null>((resolve) => server?.child.once("exit", resolve));
    // One connection, kept open between requests, as a load balancer or browser would.
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
    const before = await httpRequest(`${server.origin}/api/services`, { agent: keepAlive });
    expect(before.status).toBe(200);

    const key = randomUUID();
    const locker = new pg.Client({ connectionString: await folder.databaseUrl(), application_name: "psu-test-locker" });
    locker.on("error", () => {}); // the server stops this database at the end
    await locker.connect();
    await locker.query("select pg_advisory_lock(hashtextextended($1, 7))", [key]);

    let submissionSettled = false;
    const submission = httpRequest(`${server.origin}/api/referrals`, {
      method: "POST",
      headers: { "idempotency-key": key },
      body: buildSubmission(),
    }).finally(() => {
      submissionSettled = true;
    });
    await waitUntil(async () => {
      const waiting = await locker.query("select 1 from pg_locks where locktype = 'advisory' and not granted");
      return waiting.rowCount === 1;
    }, "the submission waits for the lock");

    server.child.kill("SIGTERM");
    await waitUntil(
      async () => (await httpRequest(`${server?.origin}/api/health/ready`)).status === 503,
      "readiness fails",
    );

    // Still listening while it drains: a new connection gets 503 in the usual error shape ...
    const ready = await httpRequest(`${server.origin}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect(ErrorBodySchema.parse(JSON.parse(ready.body)).error.code).toBe("SERVICE_UNAVAILABLE");
    // ... and so does the connection kept open from before, told to close.
    const onKeptConnection = await httpRequest(`${server.origin}/api/services`, { agent: keepAlive });
    expect(onKeptConnection.reusedSocket).toBe(true);
    expect(onKeptConnection.status).toBe(503);
    expect(onKeptConnection.headers.connection).toBe("close");
    expect(ErrorBodySchema.parse(JSON.parse(onKeptConnection.body)).error.code).toBe("SERVICE_UNAVAILABLE");
    // Liveness stays up: the process is fine, it is only leaving.
    expect((await httpRequest(`${server.origin}/api/health/live`)).status).toBe(200);
    expect(submissionSettled).toBe(false);
    expect(server.child.exitCode).toBeNull();

    // Ending the session releases the lock: the submission goes through.
    await locker.end();
    const submitted = await submission;
    expect(submitted.status).toBe(201);
    const receipt = ReferralReceiptSchema.parse(JSON.parse(submitted.body));

    expect(await exited).toBe(0);
    server = undefined;
    keepAlive.destroy();
    expect(await isPortOpen(folder.port)).toBe(false);
    expect(await isPortOpen(folder.postgresPort)).toBe(false);

    // The referral was committed: open the same data folder without the app and look.
    const found = await folder.withDatabaseAlone((client) =>
      client.query("select count(*)::int as n from referrals where reference = $1", [receipt.reference]),
    );
    expect(found.rows).toEqual([{ n: 1 }]);
  }, 60_000);
});

describe("closing the app", () => {
  it("ends every connection of its database pool", async () => {
    const { app, database } = await buildTestApp();
    try {
      // Concurrent readiness checks make the pool open more than one connection.
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => app.inject({ method: "GET", url: "/api/health/ready" })),
      );
      expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200]);
      expect(await countOtherSessions(database.url)).toBeGreaterThan(0);

      await app.close();
      expect(await countOtherSessions(database.url)).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
