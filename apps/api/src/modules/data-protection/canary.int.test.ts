import { Writable } from "node:stream";
import { createPrismaClient, createTestDatabase, type TestDatabase } from "@psu/prisma";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildApp } from "../../app";
import { parseConfig } from "../../config/env";
import { loadServerSecret } from "../../security/server-secret";
import { buildSubmission } from "../../test/referral-fixtures";
import { createSignedInStaff } from "../../test/staff-fixtures";
import { createMailer } from "../outbox/mailer";
import { processOutboxOnce } from "../outbox/outbox.worker";
import { listColumns, REFERRAL_COLUMNS } from "./personal-data";

// One value that appears in nothing else, and variants of it in every personal field.
const CANARY = "zqxj";
const canary = (field: string) => `Canary ${field} Zqxj`;

const NOW = new Date("2026-11-24T09:00:00Z");
const clock = NOW;
let database: TestDatabase;
let app: FastifyInstance;
const logLines: string[] = [];
const urls: string[] = [];
const responseHeaders: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase(inject("postgres"));
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  // Everything, at the most talkative level, with no redaction: the code itself must not log it.
  const logger = pino({ level: "trace" }, sink);
  const config = parseConfig({ NODE_ENV: "test", DATABASE_URL: database.url });
  app = await buildApp({
    config,
    serverSecret: await loadServerSecret(config.serverSecret),
    prisma: createPrismaClient(database.url, { max: 4 }),
    now: () => clock,
    logger,
  });
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

async function send(options: {
  method: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  payload?: object;
}): Promise<LightMyRequestResponse> {
  urls.push(options.url);
  const response = await app.inject(options);
  responseHeaders.push(JSON.stringify(response.headers));
  return response;
}

describe("the canary: personal data in no log line, URL, response header, and nowhere after erasure", () => {
  it("walks the whole life of a referral and finds the canary only where it belongs", async () => {
    const email = `canary.${CANARY}@example.org`;
    const base = buildSubmission();
    const submission = buildSubmission({
      details: {
        ...base.details,
        fullName: canary("Name"),
        personalEmail: email,
        phone: "07700 900 111",
        safeContactTimes: canary("Times"),
        registration: { register: "GMC", number: "7654321" },
        programme: canary("Programme"),
        grade: canary("Grade"),
        employer: canary("Employer"),
      },
      story: {
        ...base.story,
        whatIsHappening: canary("Story"),
        whatHasBeenTried: canary("Tried"),
        whatWouldHelp: canary("Help"),
        accessNeeds: canary("Access"),
      },
    });

    // A draft with canary values, saved and resumed.
    const saved = await send({
      method: "POST",
      url: "/api/drafts",
      payload: {
        data: {
          details: { fullName: canary("Draft"), personalEmail: email },
          story: { whatIsHappening: canary("DraftStory") },
        },
      },
    });
    expect(saved.statusCode).toBe(201);
    const resumed = await send({
      method: "POST",
      url: "/api/drafts/resume",
      payload: { resumeCode: saved.json().resumeCode },
    });
    expect(resumed.statusCode).toBe(200);
    expect(resumed.body).toContain(canary("Draft"));

    const submitted = await send({
      method: "POST",
      url: "/api/referrals",
      headers: { "idempotency-key": "7f1d3f8e-1b1a-4c53-9d5e-0a4b7c1d2e3f" },
      // Sent from the resumed draft, as the wizard does: the draft goes with the submission.
      payload: { ...submission, resumeCode: saved.json().resumeCode },
    });
    expect(submitted.statusCode).toBe(201);
    expect(await app.prisma.referralDraft.count()).toBe(0);
    // A second draft, never submitted, goes with the erasure (it holds the same email address).
    const abandoned = await send({
      method: "POST",
      url: "/api/drafts",
      payload: { data: { details: { fullName: canary("Abandoned"), personalEmail: email } } },
    });
    expect(abandoned.statusCode).toBe(201);
    const reference: string = submitted.json().reference;
    // The walk covers every column the registry calls personal: each holds a value to find.
    const stored = await app.prisma.referral.findUniqueOrThrow({ where: { reference } });
    const personal = [...listColumns(REFERRAL_COLUMNS, "blank"), ...listColumns(REFERRAL_COLUMNS, "null")];
    for (const column of personal) expect(stored[column], column).toBeTruthy();

    const status = await send({ method: "POST", url: "/api/referral-status", payload: { reference, email } });
    expect(status.statusCode).toBe(200);

    const coordinator = await createSignedInStaff(app, { role: "coordinator" });
    const admin = await createSignedInStaff(app, { role: "admin" });
    const found = await send({
      method: "POST",
      url: "/api/staff/queue",
      headers: coordinator.headers,
      payload: { search: canary("Name") },
    });
    expect(found.statusCode).toBe(200);
    const caseId: string = found.json().items[0].caseId;
    const opened = await send({ method: "GET", url: `/api/staff/cases/${caseId}`, headers: coordinator.headers });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain(canary("Story"));
    const version = opened.json().version ?? opened.json().case?.version;
    const note = await send({
      method: "POST",
      url: `/api/staff/cases/${caseId}/notes`,
      headers: { ...coordinator.headers, "if-match": `"${version}"` },
      payload: { text: canary("Note") },
    });
    expect(note.statusCode).toBeLessThan(300);

    // The email goes out (to the log mailer), then the export and the erasure. The outbox row's
    // available_at is the database's own now(), so the worker runs at the real time here.
    const mailer = createMailer({ smtpUrl: undefined, from: "PSU <psu@example.org>" }, app.log);
    const sent = await processOutboxOnce(app.prisma, mailer, new Date(Date.now() + 60_000), app.log);
    expect(sent).toBe(1);
    const exported = await send({
      method: "POST",
      url: "/api/staff/data-protection/subject-access",
      headers: admin.headers,
      payload: { email },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain(canary("Note"));
    expect(exported.body).toContain(canary("Abandoned"));
    const erased = await send({
      method: "POST",
      url: "/api/staff/data-protection/erasure",
      headers: admin.headers,
      payload: { reference, reason: "trainee_request", ticket: "DPR-1" },
    });
    expect(erased.statusCode).toBe(200);
    const blanked = await app.prisma.referral.findUniqueOrThrow({ where: { reference } });
    for (const column of personal) expect([null, ""], column).toContain(blanked[column]);

    expect(await app.prisma.referralDraft.count()).toBe(0);

    expect(logLines.length).toBeGreaterThan(10);
    const leaks = (texts: string[]) => texts.filter((text) => text.toLowerCase().includes(CANARY));
    expect(leaks(logLines)).toEqual([]);
    expect(leaks(urls)).toEqual([]);
    expect(leaks(responseHeaders)).toEqual([]);

    // Every text and JSON column of every table, after erasure.
    const columns = await app.prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`;
    expect(columns.length).toBeGreaterThan(20);
    const hits: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const rows = await app.prisma.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "${table}" WHERE lower("${column}"::text) LIKE $1`,
        `%${CANARY}%`,
      );
      if (Number(rows[0]?.n ?? 0) > 0) hits.push(`${table}.${column}`);
    }
    expect(hits).toEqual([]);
  });
});
