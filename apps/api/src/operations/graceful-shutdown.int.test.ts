import { randomUUID } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ErrorBodySchema, ReferralReceiptSchema } from "@psu/domain";
import { embeddedDatabaseUrl, findFreePort, startEmbeddedPostgres } from "@psu/prisma";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../test/build-test-app";
import { buildSubmission } from "../test/referral-fixtures";
import {
  httpRequest,
  isPortOpen,
  type ServerProcess,
  startServer,
  stopServer,
  waitUntil,
} from "../test/server-process";

// SIGTERM while a referral submission is in flight, against the real server process on its
// embedded database. The submission is held deterministically: the test holds the advisory
// lock the submission takes for its Idempotency-Key (referrals.repository.ts).
let dataRoot: string;
let port: number;
let postgresPort: number;
let server: ServerProcess | undefined;

beforeAll(async () => {
  dataRoot = await mkdtemp(join(tmpdir(), "psu-shutdown-test-"));
  await chmod(dataRoot, 0o755);
  port = await findFreePort();
  postgresPort = await findFreePort();
});
afterAll(async () => {
  if (server) await stopServer(server, "SIGKILL");
  await rm(dataRoot, { recursive: true, force: true });
});

const databaseUrl = () =>
  embeddedDatabaseUrl({ dataDir: join(dataRoot, "postgres"), port: postgresPort, database: "psu" });

describe("graceful shutdown", () => {
  it("finishes the request in flight, answers 503 meanwhile, exits 0 with its embedded database stopped", async () => {
    server = await startServer(port, {
      DATABASE_URL: "",
      DATA_DIR: dataRoot,
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      WEB_DIST_DIR: join(dataRoot, "no-web-app"),
    });
    const exited = new Promise<number | null>((resolve) => server?.child.once("exit", resolve));
    // One connection, kept open between requests, as a load balancer or browser would.
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
    const before = await httpRequest(`${server.origin}/api/services`, { agent: keepAlive });
    expect(before.status).toBe(200);

    const key = randomUUID();
    const locker = new pg.Client({ connectionString: await databaseUrl(), application_name: "psu-test-locker" });
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
    expect(await isPortOpen(port)).toBe(false);
    expect(await isPortOpen(postgresPort)).toBe(false);

    // The referral was committed: open the same data folder without the app and look.
    const database = await startEmbeddedPostgres({
      dataDir: join(dataRoot, "postgres"),
      port: postgresPort,
      database: "psu",
    });
    try {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const found = await client.query("select count(*)::int as n from referrals where reference = $1", [
        receipt.reference,
      ]);
      await client.end();
      expect(found.rows).toEqual([{ n: 1 }]);
    } finally {
      await database.stop();
    }
  }, 60_000);
});

describe("closing the app", () => {
  it("ends every connection of its database pool", async () => {
    const { app, database } = await buildTestApp();
    const countSessions = async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const result = await client.query(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
        );
        return Number(result.rows[0].n);
      } finally {
        await client.end();
      }
    };
    try {
      // Concurrent readiness checks make the pool open more than one connection.
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => app.inject({ method: "GET", url: "/api/health/ready" })),
      );
      expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200]);
      expect(await countSessions()).toBeGreaterThan(0);

      await app.close();
      expect(await countSessions()).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
