import { Writable } from "node:stream";
import { ErrorBodySchema } from "@psu/domain";
import { createPrismaClient, createTestDatabase, type TestDatabase } from "@psu/prisma";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../app";
import { parseConfig } from "../config/env";
import { loadServerSecret } from "../security/server-secret";
import { createSignedInStaff } from "../test/staff-fixtures";

// The database refusing a value is a 400 in the app's error shape, never a 500, and neither the
// answer nor the log repeats the value. Provoked on a real PostgreSQL: the schemas at the edge
// stop these values on real routes, so test-only routes hand them straight to the database.

const ValueBodySchema = z.object({ value: z.string() });
const logLines: string[] = [];
let app: FastifyInstance;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase(inject("postgres"));
  const config = parseConfig({ NODE_ENV: "test", DATABASE_URL: database.url });
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = await buildApp({
    config,
    serverSecret: await loadServerSecret(config.serverSecret),
    prisma: createPrismaClient(database.url, { max: 2 }),
    logger: pino({ level: "info" }, logStream),
  });
  const prisma = app.prisma;
  const routes: Record<string, (value: string) => Promise<unknown>> = {
    // Through Prisma's query builder: U+0000 in a text comparison (22021).
    "nul-in-where": (value) => prisma.staffMember.findFirst({ where: { email: value }, select: { id: true } }),
    // Through Prisma's query builder: U+0000 in a stored column (22021), after a good row in
    // the same transaction.
    "nul-in-insert": (value) =>
      prisma.$transaction(async (tx) => {
        await tx.publishedLink.create({ data: { id: "written-first" }, select: { id: true } });
        return tx.publishedLink.create({ data: { id: value }, select: { id: true } });
      }),
    // A raw query: text that is not a uuid (22P02).
    "not-a-uuid": (value) => prisma.$queryRaw`SELECT ${value}::uuid AS id`,
    // A raw query: a number too big for a 4-byte integer (22003).
    "out-of-range": (value) => prisma.$queryRaw`SELECT ${value}::int4 AS n`,
    // A lone surrogate in JSON (22P02 / 22P05).
    "bad-json": (value) => prisma.$queryRaw`SELECT ${JSON.stringify({ value })}::jsonb AS j`,
    // Not a data exception: a mistake in our own SQL stays a 500 (42703, undefined column).
    "our-mistake": (value) =>
      prisma.$queryRawUnsafe(`SELECT no_such_column FROM staff_members WHERE email = $1`, value),
  };
  for (const [name, run] of Object.entries(routes)) {
    app.post(`/api/test-only/${name}`, async (request) => run(ValueBodySchema.parse(request.body).value));
  }
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

async function post(name: string, value: string) {
  return app.inject({ method: "POST", url: `/api/test-only/${name}`, payload: { value } });
}

describe("a value the database refuses", () => {
  it.each([
    ["nul-in-where", "someone\u0000@example.com", "22021"],
    ["nul-in-insert", "SECRET-\u0000-ID", "22021"],
    ["not-a-uuid", "not-a-uuid-SECRET", "22P02"],
    ["out-of-range", "99999999999", "22003"],
    ["bad-json", "SECRET \uD800", "22P02"],
  ])("%s is a 400 in the error shape, without the value, logged by code only", async (name, value, sqlState) => {
    logLines.length = 0;
    const response = await post(name, value);
    expect(response.statusCode).toBe(400);
    const body = ErrorBodySchema.parse(response.json());
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toMatch(/cannot be stored/);
    expect(response.body).not.toContain("SECRET");
    expect(response.body).not.toContain("99999999999");
    const log = logLines.join("");
    expect(log).toContain(`"code":"${sqlState}"`);
    expect(log).not.toContain("SECRET");
    expect(log).not.toContain("99999999999");
  });

  it("nothing is half written: the row written before the refused one was rolled back", async () => {
    expect(await app.prisma.publishedLink.count({ where: { id: "written-first" } })).toBe(0);
  });

  it("while a mistake in our own SQL is still a 500 that says nothing", async () => {
    const response = await post("our-mistake", "someone@example.com");
    expect(response.statusCode).toBe(500);
    expect(ErrorBodySchema.parse(response.json()).error.code).toBe("INTERNAL_ERROR");
    expect(response.body).not.toContain("no_such_column");
  });
});

describe("on a real route", () => {
  it("a date before the year 1 in the audit log's filter is a 400, not a 500", async () => {
    const { headers } = await createSignedInStaff(app, { role: "admin" });
    const response = await app.inject({
      method: "GET",
      url: "/api/staff/audit?from=0000-01-01T00:00:00Z",
      headers,
    });
    expect(response.statusCode).toBe(400);
    expect(ErrorBodySchema.parse(response.json()).error.code).toMatch(/BAD_REQUEST|VALIDATION_FAILED/);
  });
});

describe("an address Fastify cannot route", () => {
  it.each([
    ["a broken % code", "/api/staff/cases/%zz", 400],
    ["a path part over 100 characters", `/api/staff/cases/${"x".repeat(150)}/notes`, 414],
  ])("%s is a 4xx in the error shape that does not quote the address", async (_name, url, status) => {
    const response = await app.inject({ method: "POST", url, payload: {} });
    expect(response.statusCode).toBe(status);
    expect(ErrorBodySchema.parse(response.json()).error.code).toBe("BAD_REQUEST");
    expect(response.body).not.toContain("/api/staff/cases");
  });
});
