import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ReferralReceiptSchema } from "@psu/domain";
import { applyMigrations, createPrismaClient, findFreePort, type PrismaClient } from "@psu/prisma";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildApp } from "../app";
import { parseConfig } from "../config/env";
import { loadServerSecret } from "../security/server-secret";
import { withPgClient } from "../test/pg-client";
import { buildSubmission, newIdempotencyKey } from "../test/referral-fixtures";
import { startServer, stopServer } from "../test/server-process";
import { createSignedInTeam, createTestCase } from "../test/staff-fixtures";

// A real database's two roles: the owner applies the migrations (DATABASE_MIGRATION_URL) and
// grants the runtime role (DATABASE_URL) what the app needs (prisma/roles/runtime-role.sql);
// the app works as the runtime role, which cannot empty, alter or drop the audit log.
const { adminUrl } = inject("postgres");
const suffix = randomBytes(4).toString("hex");
const owner = { name: `psu_owner_${suffix}`, password: randomBytes(16).toString("hex") };
const runtime = { name: `psu_app_${suffix}`, password: randomBytes(16).toString("hex") };
const databaseName = `runtime_role_${suffix}`;
const SERVER_SECRET = randomBytes(32).toString("hex");
const INSUFFICIENT_PRIVILEGE = "42501";

function urlFor(role: { name: string; password: string }): string {
  const url = new URL(adminUrl);
  url.username = role.name;
  url.password = role.password;
  url.pathname = `/${databaseName}`;
  return url.toString();
}

/** The SQLSTATE a statement fails with as the runtime role, or "ok". */
function asRuntime(sql: string): Promise<string> {
  return withPgClient(urlFor(runtime), (client) =>
    client.query(sql).then(
      () => "ok",
      (error: { code?: string }) => error.code ?? "no code",
    ),
  );
}

let emptyDir: string;

beforeAll(async () => {
  emptyDir = await mkdtemp(join(tmpdir(), "psu-runtime-role-"));
  await withPgClient(adminUrl, async (client) => {
    await client.query(`create role ${owner.name} login password '${owner.password}'`);
    await client.query(`create role ${runtime.name} login password '${runtime.password}'`);
    await client.query(`create database ${databaseName} owner ${owner.name}`);
  });
});
afterAll(async () => {
  await withPgClient(adminUrl, async (client) => {
    await client.query(`drop database if exists ${databaseName} with (force)`);
    await client.query(`drop role if exists ${runtime.name}`);
    await client.query(`drop role if exists ${owner.name}`);
  });
  await rm(emptyDir, { recursive: true, force: true });
});

describe("the server with DATABASE_MIGRATION_URL", () => {
  it("applies the migrations as the owner, then serves as the runtime role", async () => {
    const server = await startServer(await findFreePort(), {
      DATABASE_URL: urlFor(runtime),
      DATABASE_MIGRATION_URL: urlFor(owner),
      SERVER_SECRET,
      WEB_DIST_DIR: emptyDir,
      LOG_LEVEL: "info",
    });
    try {
      expect(server.output()).toContain(`"runtimeRole":"${runtime.name}"`);
      expect(server.output()).not.toContain(owner.password);
      expect(server.output()).not.toContain(runtime.password);
      expect((await fetch(`${server.origin}/api/health/ready`)).status).toBe(200);
      const submitted = await fetch(`${server.origin}/api/referrals`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": newIdempotencyKey() },
        body: JSON.stringify(buildSubmission()),
      });
      expect(submitted.status).toBe(201);
      ReferralReceiptSchema.parse(await submitted.json());
    } finally {
      expect((await stopServer(server)).code).toBe(0);
    }

    const asAdmin = new URL(adminUrl);
    asAdmin.pathname = `/${databaseName}`;
    const owners = await withPgClient(asAdmin.toString(), (client) =>
      client.query("select distinct tableowner from pg_tables where schemaname = 'public'"),
    );
    expect(owners.rows).toEqual([{ tableowner: owner.name }]);
  }, 90_000);
});

describe("the app as the runtime role", () => {
  let app: FastifyInstance;
  let prisma: PrismaClient;

  beforeAll(async () => {
    const config = parseConfig({
      NODE_ENV: "test",
      DATABASE_URL: urlFor(runtime),
      DATABASE_MIGRATION_URL: urlFor(owner),
      SERVER_SECRET,
    });
    prisma = createPrismaClient(urlFor(runtime), { max: 4 });
    app = await buildApp({ config, prisma, serverSecret: await loadServerSecret(config.serverSecret) });
  });
  afterAll(async () => {
    await app.close();
  });
  const caseVersion = async (id: string) =>
    (await prisma.case.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

  it("signs staff in, takes a referral, changes and reads cases, reads the audit log and erases on request", async () => {
    const team = await createSignedInTeam(app);
    const submitted = await app.inject({
      method: "POST",
      url: "/api/referrals",
      headers: { "idempotency-key": newIdempotencyKey() },
      payload: buildSubmission(),
    });
    expect(submitted.statusCode).toBe(201);

    const queue = await app.inject({
      method: "POST",
      url: "/api/staff/queue",
      headers: team.coordinator.headers,
      payload: {},
    });
    expect(queue.statusCode).toBe(200);
    const testCase = await createTestCase(prisma, { status: "allocated", leadId: team.lead.staff.id });
    const read = await app.inject({
      method: "GET",
      url: `/api/staff/cases/${testCase.caseId}`,
      headers: team.lead.headers,
    });
    expect(read.statusCode).toBe(200);
    const note = await app.inject({
      method: "POST",
      url: `/api/staff/cases/${testCase.caseId}/notes`,
      headers: { ...team.lead.headers, "if-match": `"${await caseVersion(testCase.caseId)}"` },
      payload: { text: "Spoke to them, follow up next week." },
    });
    expect(note.statusCode).toBe(200);

    const audit = await app.inject({ method: "GET", url: "/api/staff/audit", headers: team.admin.headers });
    expect(audit.statusCode).toBe(200);
    const erased = await app.inject({
      method: "POST",
      url: "/api/staff/data-protection/erasure",
      headers: team.admin.headers,
      payload: { reference: testCase.reference, reason: "trainee_request", ticket: "DPR-2026/7" },
    });
    expect(erased.statusCode).toBe(200);

    const written = await withPgClient(urlFor(runtime), (client) =>
      client.query("select count(*)::int as n from audit_entries"),
    );
    expect(written.rows[0].n).toBeGreaterThan(5);
  }, 60_000);

  it("cannot empty, change, alter or drop the audit log, nor create, truncate or migrate anything", async () => {
    expect(await asRuntime("insert into audit_entries (action) values ('RUNTIME_ROLE_TEST')")).toBe("ok");
    expect(await asRuntime("select count(*) from audit_entries")).toBe("ok");
    for (const statement of [
      "truncate audit_entries",
      "update audit_entries set action = 'CHANGED'",
      "delete from audit_entries",
      "alter table audit_entries disable trigger audit_entries_no_update_or_delete",
      "drop trigger audit_entries_no_update_or_delete on audit_entries",
      "alter table audit_entries add column note text",
      "drop table audit_entries",
      "truncate referrals, cases cascade",
      "drop table referrals cascade",
      "create table shadow_audit (id int)",
      "delete from _prisma_migrations",
      `insert into _prisma_migrations (id, checksum, migration_name, started_at) values ('${randomUUID()}', 'x', 'fake', now())`,
    ]) {
      expect(await asRuntime(statement), statement).toBe(INSUFFICIENT_PRIVILEGE);
    }
  });

  it("gets the same use of tables a later migration creates, still without TRUNCATE", async () => {
    await withPgClient(urlFor(owner), (client) =>
      client.query("create table later_table (id bigserial primary key, v text)"),
    );
    expect(await asRuntime("insert into later_table (v) values ('a')")).toBe("ok");
    expect(await asRuntime("update later_table set v = 'b'")).toBe("ok");
    expect(await asRuntime("delete from later_table")).toBe("ok");
    expect(await asRuntime("truncate later_table")).toBe(INSUFFICIENT_PRIVILEGE);
    await withPgClient(urlFor(owner), (client) => client.query("drop table later_table"));
  });
});

describe("granting the runtime role", () => {
  it("is safe to repeat, from two instances starting at once", async () => {
    await applyMigrations(urlFor(owner), { runtimeRole: runtime.name });
    const results = await Promise.all([
      applyMigrations(urlFor(owner), { runtimeRole: runtime.name }),
      applyMigrations(urlFor(owner), { runtimeRole: runtime.name }),
    ]);
    expect(results).toEqual([{ applied: [] }, { applied: [] }]);
    expect(await asRuntime("truncate audit_entries")).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it("refuses a runtime role that does not exist, or that is the owner", async () => {
    await expect(applyMigrations(urlFor(owner), { runtimeRole: `nobody_${suffix}` })).rejects.toThrow(
      /the runtime role nobody_\w+ does not exist/,
    );
    await expect(applyMigrations(urlFor(owner), { runtimeRole: owner.name })).rejects.toThrow(
      /is \(or is a member of\) the owner/,
    );
  });
});
