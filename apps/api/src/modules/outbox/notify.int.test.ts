import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPrismaClient, createTestDatabase, findFreePort } from "@psu/prisma";
import type { FastifyBaseLogger } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { parseConfig, toNotifyTemplateVariable } from "../../config/env";
import { useTestApp } from "../../test/build-test-app";
import { type NotifyServer, startNotifyServer } from "../../test/notify-server";
import { startServer, stopServer, waitUntil } from "../../test/server-process";
import { EMAIL_KINDS, type EmailKind, renderEmail } from "./email-templates";
import { createMailer } from "./mailer";
import { processOutboxOnce } from "./outbox.worker";

// GOV.UK Notify through the official client (notifications-node-client) against a local server
// that checks what Notify's API documents: the JWT, the template id, the personalisation.

const TEMPLATE_IDS = Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, randomUUID()])) as Record<EmailKind, string>;
const RECEIVED = { reference: "PSU-7K3F-9QX4", triageDueOn: "2026-12-01" };

const testApp = useTestApp();
let notify: NotifyServer;

beforeAll(async () => {
  notify = await startNotifyServer(
    Object.fromEntries(EMAIL_KINDS.map((kind) => [TEMPLATE_IDS[kind], { subject: "((subject))", body: "((body))" }])),
  );
});
afterAll(async () => {
  await notify.close();
});

/** The settings an operator would give to send through the server. */
function notifyEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NOTIFY_API_KEY: notify.apiKey,
    NOTIFY_BASE_URL: notify.url,
    ...Object.fromEntries(EMAIL_KINDS.map((kind) => [toNotifyTemplateVariable(kind), TEMPLATE_IDS[kind]])),
    ...overrides,
  };
}

/** What the worker logs, as text, to check it never holds an address. */
function recordingLog(): FastifyBaseLogger & { lines: string[] } {
  const lines: string[] = [];
  const record = (fields: unknown, message?: string) => void lines.push(`${JSON.stringify(fields)} ${message ?? ""}`);
  return { lines, info: record, warn: record, error: record } as unknown as FastifyBaseLogger & { lines: string[] };
}

function createNotifyMailer(env = notifyEnv()) {
  return createMailer(parseConfig({ NODE_ENV: "test", ...env }).mail, recordingLog());
}

async function queue(kind: EmailKind, recipient: string, payload: Record<string, string> = RECEIVED) {
  const { id } = await testApp.app.prisma.outboxMessage.create({
    data: { kind, recipient, payload },
    select: { id: true },
  });
  return id;
}

function readRow(id: bigint) {
  return testApp.app.prisma.outboxMessage.findUniqueOrThrow({
    where: { id },
    select: {
      sentAt: true,
      failedAt: true,
      deliveryId: true,
      attempts: true,
      lastError: true,
      recipient: true,
      availableAt: true,
    },
  });
}

/** A time after every earlier test's messages, so each test sends only its own. */
let clock = Date.now() + 3_600_000;
function later(): Date {
  clock += 24 * 3_600_000;
  return new Date(clock);
}

describe("email through GOV.UK Notify", () => {
  // A message left to retry would be sent in a later test's turn.
  afterEach(async () => {
    await testApp.app.prisma.outboxMessage.deleteMany({ where: { sentAt: null } });
  });

  it("sends each kind with its own template and our words, and records Notify's notification id", async () => {
    const received = await queue("referral_received", "alex@example.com");
    const invitation = await queue("staff_invitation", "nia@psu.example", {
      link: "https://psu.example.nhs.uk/staff/invitation#token",
    });
    const now = later();

    expect(await processOutboxOnce(testApp.app.prisma, createNotifyMailer(), now, recordingLog())).toBe(2);

    const [first, second] = notify.accepted.slice(-2);
    const words = renderEmail("referral_received", RECEIVED);
    expect(first).toMatchObject({
      emailAddress: "alex@example.com",
      templateId: TEMPLATE_IDS.referral_received,
      personalisation: { subject: words.subject, body: words.text },
      reference: `outbox-${received}`,
      subject: words.subject,
    });
    expect(first?.body).toContain("1 December 2026");
    expect(second).toMatchObject({
      emailAddress: "nia@psu.example",
      templateId: TEMPLATE_IDS.staff_invitation,
      reference: `outbox-${invitation}`,
    });
    expect(second?.body).toContain("https://psu.example.nhs.uk/staff/invitation#token");
    expect(await readRow(received)).toMatchObject({
      sentAt: now,
      deliveryId: first?.id,
      recipient: "",
      failedAt: null,
      lastError: null,
    });
    expect((await readRow(invitation)).deliveryId).toBe(second?.id);
  });

  it("retries after a 500, then sends once and records the id", async () => {
    const id = await queue("referral_received", "sam@example.com");
    const now = later();
    const exchangesBefore = notify.exchanges.length;
    const acceptedBefore = notify.accepted.length;
    notify.refuseNext({ status: 500, error: "Exception", message: "Internal server error" });
    const mailer = createNotifyMailer();

    expect(await processOutboxOnce(testApp.app.prisma, mailer, now, recordingLog())).toBe(0);
    const failed = await readRow(id);
    expect(failed).toMatchObject({ sentAt: null, failedAt: null, attempts: 1, lastError: "notify_500_Exception" });
    expect(failed.availableAt.getTime()).toBeGreaterThan(now.getTime());
    // Not again before its backoff is over.
    await processOutboxOnce(testApp.app.prisma, mailer, now, recordingLog());
    expect(notify.exchanges.length - exchangesBefore).toBe(1);

    expect(await processOutboxOnce(testApp.app.prisma, mailer, new Date(now.getTime() + 61_000), recordingLog())).toBe(
      1,
    );
    expect(notify.exchanges.slice(exchangesBefore).map((exchange) => exchange.status)).toEqual([500, 201]);
    const sent = notify.accepted.slice(acceptedBefore);
    expect(sent.map((email) => email.emailAddress)).toEqual(["sam@example.com"]);
    expect(await readRow(id)).toMatchObject({ attempts: 2, lastError: null, deliveryId: sent[0]?.id });
    expect((await readRow(id)).sentAt).not.toBeNull();
  });

  it("retries after a 429 (a rate or daily limit)", async () => {
    const id = await queue("referral_received", "rae@example.com");
    const now = later();
    notify.refuseNext({
      status: 429,
      error: "RateLimitError",
      message: "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds",
    });

    await processOutboxOnce(testApp.app.prisma, createNotifyMailer(), now, recordingLog());

    expect(await readRow(id)).toMatchObject({ sentAt: null, failedAt: null, lastError: "notify_429_RateLimitError" });
  });

  it("gives up at once on a 400: no second request, the message marked failed, no address in the row or the log", async () => {
    const id = await queue("referral_received", "team.only@example.com");
    const now = later();
    const exchangesBefore = notify.exchanges.length;
    // Notify's messages can quote what was sent; only the error's class may be kept.
    notify.refuseNext({
      status: 400,
      error: "BadRequestError",
      message: "Can't send to this recipient using a team-only API key (team.only@example.com)",
    });
    const log = recordingLog();
    const mailer = createNotifyMailer();

    await processOutboxOnce(testApp.app.prisma, mailer, now, log);
    await processOutboxOnce(testApp.app.prisma, mailer, new Date(now.getTime() + 7 * 24 * 3_600_000), log);

    expect(notify.exchanges.length - exchangesBefore).toBe(1);
    const row = await readRow(id);
    expect(row).toMatchObject({ sentAt: null, failedAt: now, attempts: 1, lastError: "notify_400_BadRequestError" });
    expect(log.lines.join("\n")).toContain("given up");
    expect(log.lines.join("\n")).not.toContain("team.only");
  });

  it("keeps a message to try again when Notify does not accept the key (403, checked by the JWT's signature)", async () => {
    const id = await queue("referral_received", "wrong.key@example.com");
    const now = later();
    const exchangesBefore = notify.exchanges.length;
    const otherSecret = notify.apiKey.replace(/[0-9a-f-]{36}$/, randomUUID());

    await processOutboxOnce(
      testApp.app.prisma,
      createNotifyMailer(notifyEnv({ NOTIFY_API_KEY: otherSecret })),
      now,
      recordingLog(),
    );

    expect(notify.exchanges.slice(exchangesBefore)).toEqual([{ status: 403, error: "AuthError" }]);
    // The key is the operator's to fix; the message is kept for the outbox's next attempt.
    expect(await readRow(id)).toMatchObject({ sentAt: null, failedAt: null, lastError: "notify_403_AuthError" });
    expect((await readRow(id)).availableAt.getTime()).toBeGreaterThan(now.getTime());
  });

  it("retries when Notify cannot be reached", async () => {
    const id = await queue("referral_received", "offline@example.com");
    const closed = await startNotifyServer({});
    await closed.close();

    await processOutboxOnce(
      testApp.app.prisma,
      createNotifyMailer(notifyEnv({ NOTIFY_BASE_URL: closed.url })),
      later(),
      recordingLog(),
    );

    expect(await readRow(id)).toMatchObject({ sentAt: null, failedAt: null, lastError: "notify_ECONNREFUSED" });
  });
});

describe("the local Notify server", () => {
  /** A token as the client makes one, with the claims and the secret given. */
  function signToken(claims: Record<string, unknown>, secret: string): string {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const unsigned = `${encode({ typ: "JWT", alg: "HS256" })}.${encode(claims)}`;
    return `${unsigned}.${createHmac("sha256", secret).update(unsigned).digest("base64url")}`;
  }
  async function post(token: string) {
    const response = await fetch(`${notify.url}/v2/notifications/email`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        email_address: "pat@example.com",
        template_id: TEMPLATE_IDS.referral_received,
        personalisation: { subject: "s", body: "b" },
      }),
    });
    return { status: response.status, body: await response.json() };
  }
  const secret = () => notify.apiKey.slice(-36);
  const now = () => Math.round(Date.now() / 1000);

  it("accepts a token signed with the key's secret, issued by the service, just now", async () => {
    expect((await post(signToken({ iss: notify.serviceId, iat: now() }, secret()))).status).toBe(201);
  });

  it.each([
    ["signed with another secret", () => signToken({ iss: notify.serviceId, iat: now() }, randomUUID())],
    ["issued by another service", () => signToken({ iss: randomUUID(), iat: now() }, secret())],
    ["issued more than 30 seconds ago", () => signToken({ iss: notify.serviceId, iat: now() - 31 }, secret())],
  ])("refuses a token %s, as Notify does", async (_case, token) => {
    const answer = await post(token());
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ status_code: 403, errors: [{ error: "AuthError" }] });
  });
});

describe("the server started with NOTIFY_API_KEY", () => {
  it("sends its outbox through Notify, and logs neither the address nor the key", async () => {
    const database = await createTestDatabase(inject("postgres"));
    const prisma = createPrismaClient(database.url, { max: 1 });
    const emptyDir = await mkdtemp(join(tmpdir(), "psu-notify-"));
    const server = await startServer(
      await findFreePort(),
      notifyEnv({
        DATABASE_URL: database.url,
        SERVER_SECRET: randomBytes(32).toString("hex"),
        WEB_DIST_DIR: emptyDir,
        OUTBOX_POLL_MS: "100",
        LOG_LEVEL: "info",
      }),
    );
    try {
      const { id } = await prisma.outboxMessage.create({
        data: { kind: "referral_withdrawn", recipient: "jo@example.com", payload: { reference: "PSU-7K3F-9QX4" } },
        select: { id: true },
      });
      const readDeliveryId = async () =>
        (await prisma.outboxMessage.findUniqueOrThrow({ where: { id }, select: { deliveryId: true } })).deliveryId;
      await waitUntil(async () => (await readDeliveryId()) !== null, "the server has sent the email through Notify");

      const email = notify.accepted.find((accepted) => accepted.emailAddress === "jo@example.com");
      expect(email).toMatchObject({ templateId: TEMPLATE_IDS.referral_withdrawn, reference: `outbox-${id}` });
      expect(await readDeliveryId()).toBe(email?.id);
      expect(server.output()).toContain('"channel":"notify"');
      expect(server.output()).not.toContain("jo@example.com");
      expect(server.output()).not.toContain(notify.apiKey.slice(-36));
    } finally {
      await stopServer(server);
      await prisma.$disconnect();
      await database.drop();
      await rm(emptyDir, { recursive: true, force: true });
    }
  });
});
