import { execFile as execFileCallback, execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ReferralReceiptSchema } from "@psu/domain";
import { applyMigrations, createPrismaClient, findFreePort } from "@psu/prisma";
import type { FastifyInstance } from "fastify";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { parseConfig } from "../config/env";
import { loadServerSecret } from "../security/server-secret";
import { withPgClient } from "../test/pg-client";
import { buildSubmission } from "../test/referral-fixtures";
import { createStaff, signInAs } from "../test/staff-fixtures";

// scripts/ops/backup.sh and restore.sh against a real PostgreSQL 15 (the oldest major version
// we claim to run on; pg_dump refuses servers newer than itself, so the embedded PostgreSQL 18
// of the other tests cannot be used with Debian's 15 client). It also proves the migrations
// run on PostgreSQL 15.
const execFile = promisify(execFileCallback);
const PG_BIN = process.env.PSU_PG15_BIN ?? "/usr/lib/postgresql/15/bin";
const scriptsDir = join(dirname(fileURLToPath(import.meta.url)), "../../../../scripts/ops");
const available = ["initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore", "psql"].every((program) =>
  existsSync(join(PG_BIN, program)),
);
const INSTALL_HINT = "install them with: apt-get install -y postgresql-15 postgresql-client-15";
const NOW = new Date("2026-11-24T10:42:00Z");

interface Cluster {
  port: number;
  urlOf(database: string): string;
  stop(): Promise<void>;
}

/** PostgreSQL refuses to run as root: as root, run its programs as the OS user `postgres`. */
function asPostgres(program: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", program, ...args]] : [program, args];
}

/** A throwaway PostgreSQL 15 cluster in `root`, on loopback only, trusting local connections. */
async function startCluster(root: string): Promise<Cluster> {
  const dataDir = join(root, "data");
  await mkdir(dataDir, { mode: 0o700 });
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    await chmod(root, 0o755);
    await chown(dataDir, uid, gid);
  }
  const port = await findFreePort();
  await execFile(
    ...asPostgres(join(PG_BIN, "initdb"), [
      "--pgdata",
      dataDir,
      "--username",
      "postgres",
      "--auth",
      "trust",
      "--encoding",
      "UTF8",
      "--locale",
      "C",
      "--no-sync",
    ]),
  );
  const pgCtl = (args: string[]) => execFile(...asPostgres(join(PG_BIN, "pg_ctl"), ["--pgdata", dataDir, ...args]));
  await pgCtl([
    "--wait",
    "--log",
    join(dataDir, "server.log"),
    "--options",
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off`,
    "start",
  ]);
  return {
    port,
    urlOf: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stop: async () => {
      await pgCtl(["--wait", "--mode", "immediate", "stop"]);
    },
  };
}

function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  return withPgClient(url, async (client) => (await client.query<T>(sql)).rows);
}

/** Rows per table of the public schema, `_prisma_migrations` included. */
async function countRows(url: string): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(
    url,
    "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await query<{ n: number }>(url, `select count(*)::int as n from "${name}"`);
    counts[name] = row?.n ?? -1;
  }
  return counts;
}

async function startApp(url: string): Promise<FastifyInstance> {
  const config = parseConfig({ NODE_ENV: "test", DATABASE_URL: url });
  const serverSecret = await loadServerSecret(config.serverSecret);
  return buildApp({ config, serverSecret, prisma: createPrismaClient(url, { max: 2 }), now: () => NOW });
}

if (!available && process.env.CI !== "true") {
  console.warn(`Skipping the backup and restore test: no PostgreSQL 15 programs in ${PG_BIN}; ${INSTALL_HINT}.`);
}

describe.skipIf(!available && process.env.CI !== "true")("backup and restore (scripts/ops)", () => {
  let root: string;
  let cluster: Cluster | undefined;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    if (!available) throw new Error(`The PostgreSQL 15 programs are missing from ${PG_BIN}: ${INSTALL_HINT}.`);
    root = await mkdtemp(join(tmpdir(), "psu-backup-test-"));
    cluster = await startCluster(root);
    await query(cluster.urlOf("postgres"), "create database psu");
    await query(cluster.urlOf("postgres"), "create database psu_restored");
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await cluster?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("restores every row into an empty database, and the app reads the same case from it", async () => {
    if (!cluster) throw new Error("no cluster");
    const sourceUrl = cluster.urlOf("psu");
    const restoredUrl = cluster.urlOf("psu_restored");
    expect((await applyMigrations(sourceUrl)).applied.length).toBeGreaterThan(0);

    // Real data through the API: a referral, its allocation, a note, and the audit they leave.
    const app = await startApp(sourceUrl);
    apps.push(app);
    const coordinator = await createStaff(app.prisma, { role: "coordinator" });
    const lead = await createStaff(app.prisma, { role: "lead", leadKinds: ["spoc", "coaching"] });
    const headers = await signInAs(app, coordinator);
    const submitted = await app.inject({
      method: "POST",
      url: "/api/referrals",
      headers: { "idempotency-key": randomUUID() },
      payload: buildSubmission(),
    });
    expect(submitted.statusCode).toBe(201);
    const { reference } = ReferralReceiptSchema.parse(submitted.json());
    const { case: opened } = await app.prisma.referral.findUniqueOrThrow({
      where: { reference },
      select: { case: { select: { id: true } } },
    });
    const caseId = opened?.id ?? "";
    const change = (action: string, version: number, payload: object) =>
      app.inject({
        method: "POST",
        url: `/api/staff/cases/${caseId}/${action}`,
        headers: { ...headers, "if-match": `"${version}"` },
        payload,
      });
    expect((await change("assign", 1, { leadId: lead.id })).statusCode).toBe(200);
    expect((await change("notes", 2, { text: "Called the trainee; will meet on Monday." })).statusCode).toBe(200);
    const before = await countRows(sourceUrl);
    expect(before).toMatchObject({ referrals: 1, cases: 1, staff_members: 2, staff_sessions: 1 });
    expect(before.audit_entries).toBeGreaterThan(0);

    const backupFile = join(root, "psu.dump");
    const env = { ...process.env, PG_BIN, DATABASE_URL: sourceUrl };
    const backup = await execFile(join(scriptsDir, "backup.sh"), [backupFile], { env });
    expect(backup.stdout.trim()).toBe(backupFile);
    expect((await stat(backupFile)).mode & 0o077).toBe(0); // personal data: owner only

    await execFile(join(scriptsDir, "restore.sh"), [backupFile], { env: { ...env, DATABASE_URL: restoredUrl } });
    expect(await countRows(restoredUrl)).toEqual(before);

    // The same session and the same case, read through the app on each database.
    const restoredApp = await startApp(restoredUrl);
    apps.push(restoredApp);
    const read = (target: FastifyInstance) =>
      target.inject({ method: "GET", url: `/api/staff/cases/${caseId}`, headers });
    const original = await read(app);
    const restored = await read(restoredApp);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toEqual(original.json());
    expect(JSON.stringify(restored.json())).toContain("Called the trainee");

    // The audit log is still append-only after a restore.
    await expect(query(restoredUrl, "update audit_entries set action = 'EDITED'")).rejects.toThrow(
      "audit_entries is append-only",
    );
    await expect(query(restoredUrl, "delete from audit_entries")).rejects.toThrow("audit_entries is append-only");
  }, 60_000);

  it("refuses to restore into a database that already has tables", async () => {
    if (!cluster) throw new Error("no cluster");
    const env = { ...process.env, PG_BIN, DATABASE_URL: cluster.urlOf("psu_restored") };
    const attempt = execFile(join(scriptsDir, "restore.sh"), [join(root, "psu.dump")], { env });
    await expect(attempt).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("already has") });
  });
});
