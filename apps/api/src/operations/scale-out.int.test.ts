import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AuthenticatorEnrolmentSchema,
  CaseChangedSchema,
  ErrorBodySchema,
  ReferralReceiptSchema,
  SignInStartedSchema,
} from "@psu/domain";
import {
  createPrismaClient,
  createTestDatabase,
  findFreePort,
  type PrismaClient,
  type TestDatabase,
} from "@psu/prisma";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generateTotpCode } from "../modules/auth/totp";
import { countOtherSessions } from "../test/pg-client";
import { buildSubmission } from "../test/referral-fixtures";
import { type ServerProcess, startServer, stopServer, waitUntil } from "../test/server-process";
import { type SmtpSink, startSmtpSink } from "../test/smtp-sink";
import { createStaff, TEST_STAFF_PASSWORD, type TestStaff } from "../test/staff-fixtures";

// Two real server processes on one PostgreSQL, as behind a load balancer: sessions, optimistic
// concurrency and the email outbox must hold across instances, not just inside one.
let database: TestDatabase;
let prisma: PrismaClient;
let sink: SmtpSink;
let emptyDir: string;
let coordinator: TestStaff;
let lead: TestStaff;
let instances: ServerProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase(inject("postgres"));
  prisma = createPrismaClient(database.url, { max: 2 });
  sink = await startSmtpSink();
  emptyDir = await mkdtemp(join(tmpdir(), "psu-scale-out-"));
  coordinator = await createStaff(prisma, { role: "coordinator" });
  lead = await createStaff(prisma, { role: "lead", leadKinds: ["spoc", "coaching"], capacity: 50 });
  const env = {
    DATABASE_URL: database.url,
    // Both instances share one secret, as every instance on one database must.
    SERVER_SECRET: randomBytes(32).toString("hex"),
    WEB_DIST_DIR: emptyDir,
    SMTP_URL: sink.url,
    MAIL_FROM: "PSU test <psu@test.example>",
    OUTBOX_POLL_MS: "100",
    LOG_LEVEL: "warn",
  };
  const [portA, portB] = [await findFreePort(), await findFreePort()];
  instances = await Promise.all([startServer(portA, env), startServer(portB, env)]);
});
afterAll(async () => {
  await Promise.all(instances.map((instance) => stopServer(instance, "SIGKILL")));
  await prisma.$disconnect();
  await database.drop();
  await sink.close();
  await rm(emptyDir, { recursive: true, force: true });
});

function sessionCookieOf(response: Response): string {
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith("__Host-psu_session="));
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0] ?? "";
}

/** Signs in as a person would at their first sign-in: password, then setting up the authenticator. */
async function signIn(instance: ServerProcess, staff: TestStaff): Promise<string> {
  const response = await fetch(`${instance.origin}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: staff.email, password: TEST_STAFF_PASSWORD }),
  });
  expect(response.status).toBe(200);
  expect(SignInStartedSchema.parse(await response.json())).toEqual({ next: "enrol" });
  const pending = sessionCookieOf(response);
  const enrolment = await fetch(`${instance.origin}/api/auth/enrolment`, { headers: { cookie: pending } });
  const { secret } = AuthenticatorEnrolmentSchema.parse(await enrolment.json());
  const confirmed = await fetch(`${instance.origin}/api/auth/enrolment`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: pending, origin: instance.origin },
    body: JSON.stringify({ code: generateTotpCode(secret, new Date()) }),
  });
  expect(confirmed.status).toBe(200);
  return sessionCookieOf(confirmed);
}

/** A staff write to one instance, from that instance's own origin (the staff-auth plugin checks it). */
function staffPost(instance: ServerProcess, cookie: string, path: string, body: unknown, headers = {}) {
  return fetch(`${instance.origin}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: instance.origin, ...headers },
    body: JSON.stringify(body),
  });
}

describe("two instances on one database", () => {
  it("accept each other's sessions, let one of twenty concurrent assignments win, and send each email once", async () => {
    const [a, b] = instances;
    if (!a || !b) throw new Error("the instances did not start");

    const cookie = await signIn(a, coordinator);
    const me = await fetch(`${b.origin}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ staff: { email: coordinator.email, role: "coordinator" } });

    const submitted = await fetch(`${b.origin}/api/referrals`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify(buildSubmission()),
    });
    expect(submitted.status).toBe(201);
    const { reference } = ReferralReceiptSchema.parse(await submitted.json());
    const { case: opened } = await prisma.referral.findUniqueOrThrow({
      where: { reference },
      select: { case: { select: { id: true, version: true } } },
    });
    if (!opened) throw new Error("no case");
    expect(opened.version).toBe(1);

    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        staffPost(
          index % 2 === 0 ? a : b,
          cookie,
          `/api/staff/cases/${opened.id}/assign`,
          { leadId: lead.id },
          {
            "if-match": '"1"',
          },
        ),
      ),
    );
    const statuses = attempts.map((response) => response.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(19).fill(412)]);
    const winner = attempts.find((response) => response.status === 200);
    expect(CaseChangedSchema.parse(await winner?.json())).toMatchObject({ version: 2, status: "allocated" });
    const loser = attempts.find((response) => response.status === 412);
    expect(ErrorBodySchema.parse(await loser?.json()).error.code).toBeTruthy();

    const after = await prisma.case.findUniqueOrThrow({
      where: { id: opened.id },
      select: { version: true, leadId: true, events: { where: { kind: "assigned" }, select: { id: true } } },
    });
    expect(after).toMatchObject({ version: 2, leadId: lead.id });
    expect(after.events).toHaveLength(1);

    // Both instances poll the outbox every 100 ms; SKIP LOCKED claims let only one send each.
    const traineeAddress = buildSubmission().details.personalEmail;
    await waitUntil(async () => sink.received.length >= 1, "the confirmation email arrives");
    await waitUntil(
      async () => (await prisma.outboxMessage.count({ where: { sentAt: null } })) === 0,
      "every queued email is sent",
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // five more polls of each instance
    const outbox = await prisma.outboxMessage.findMany({ select: { kind: true, attempts: true, sentAt: true } });
    expect(outbox.length).toBeGreaterThanOrEqual(1);
    for (const message of outbox) expect(message).toMatchObject({ attempts: 1, sentAt: expect.any(Date) });
    expect(sink.received).toHaveLength(outbox.length);
    expect(sink.received.filter((email) => email.to.includes(traineeAddress))).toHaveLength(1);
  }, 60_000);

  it("stop on SIGTERM with 0 and leave no connection open on the database", async () => {
    const stops = await Promise.all(instances.map((instance) => stopServer(instance)));
    expect(stops.map((stop) => stop.code)).toEqual([0, 0]);

    // Nothing of either instance lingers (a stray worker or process would keep a session).
    await prisma.$disconnect();
    expect(await countOtherSessions(database.url)).toBe(0);
  }, 30_000);
});
