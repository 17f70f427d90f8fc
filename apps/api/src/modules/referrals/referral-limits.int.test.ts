import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { describeReferralsPaused, ErrorBodySchema, PSU_COORDINATOR_EMAIL, type ReferralSubmission } from "@psu/domain";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { buildSubmission, newIdempotencyKey } from "../../test/referral-fixtures";
import { ANONYMOUS_LIMITS } from "../rate-limit/anonymous-limits";

// Each test runs in days of its own (the clock moves on), so no counter or cap of one test
// reaches into the next; each client is an address of its own.
const T0 = new Date("2026-06-01T09:00:00Z");
const HOUR_MS = 60 * 60 * 1000;
let step = 0;
let now = T0;
const startAfresh = () => {
  step += 1;
  now = new Date(T0.getTime() + step * 48 * HOUR_MS);
};

const logLines: string[] = [];
const logSink = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});
const testApp = useTestApp({ now: () => now, logger: pino({ level: "info" }, logSink) });

let lastClient = 0;
const nextClient = () => `198.51.100.${++lastClient}`;

async function submit(options: { ip: string; key?: string; submission?: ReferralSubmission }) {
  const response = await testApp.app.inject({
    method: "POST",
    url: "/api/referrals",
    remoteAddress: options.ip,
    headers: { "idempotency-key": options.key ?? newIdempotencyKey() },
    payload: options.submission ?? buildSubmission(),
  });
  return { status: response.statusCode, headers: response.headers, body: response.json() as unknown };
}

const PER_IP = ANONYMOUS_LIMITS.referralPerIp.limit;
const OVERALL = ANONYMOUS_LIMITS.referralOverall.limit;

describe("POST /api/referrals limits", () => {
  it("takes a shared address's referrals at a hospital's pace, then answers 429 with Retry-After and what to do instead", async () => {
    startAfresh();
    const hospital = nextClient();
    const statuses: number[] = [];
    for (let trainee = 0; trainee < PER_IP; trainee++) statuses.push((await submit({ ip: hospital })).status);
    expect(statuses).toEqual(Array(PER_IP).fill(201));

    now = new Date(now.getTime() + 20 * 60 * 1000);
    const refused = await submit({ ip: hospital });
    expect(refused.status).toBe(429);
    // The window began with the first referral, 20 minutes ago.
    expect(refused.headers["retry-after"]).toBe(String(40 * 60));
    const { error } = ErrorBodySchema.parse(refused.body);
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toBe(describeReferralsPaused(40 * 60));
    expect(error.message).toContain("try again in 40 minutes");
    // The crisis lines and the coordinators' email, as the domain words them.
    for (const words of ["Samaritans: call 116 123", "call 999", "0300 131 7000", PSU_COORDINATOR_EMAIL]) {
      expect(error.message).toContain(words);
    }
    // Another address is not held back by this one.
    expect((await submit({ ip: nextClient() })).status).toBe(201);
  });

  it("stores nothing for a refused referral", async () => {
    startAfresh();
    const ip = nextClient();
    for (let attempt = 0; attempt < PER_IP; attempt++) await submit({ ip });
    const before = await testApp.app.prisma.referral.count();
    const outboxBefore = await testApp.app.prisma.outboxMessage.count();
    expect((await submit({ ip })).status).toBe(429);
    expect(await testApp.app.prisma.referral.count()).toBe(before);
    expect(await testApp.app.prisma.outboxMessage.count()).toBe(outboxBefore);
  });

  it("never refuses or counts a retry of the same submission, even once the limit is reached", async () => {
    startAfresh();
    const ip = nextClient();
    const key = newIdempotencyKey();
    const submission = buildSubmission();
    const first = await submit({ ip, key, submission });
    expect(first.status).toBe(201);
    for (let retry = 0; retry < 5; retry++) {
      const again = await submit({ ip, key, submission });
      expect(again.status).toBe(201);
      expect(again.headers["idempotent-replayed"]).toBe("true");
      expect(again.body).toEqual(first.body);
    }
    // The retries did not count: the address still has all but one of its allowance.
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= PER_IP; attempt++) statuses.push((await submit({ ip })).status);
    expect(statuses).toEqual([...Array(PER_IP - 1).fill(201), 429]);
    // Over the limit, the retry still gets its referral back.
    const late = await submit({ ip, key, submission });
    expect(late.status).toBe(201);
    expect(late.body).toEqual(first.body);
  });

  it("lets exactly the limit through from a burst of 40 at once from one client", async () => {
    startAfresh();
    const ip = nextClient();
    const before = await testApp.app.prisma.referral.count();
    const answers = await Promise.all(Array.from({ length: 40 }, () => submit({ ip })));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([...Array(PER_IP).fill(201), ...Array(40 - PER_IP).fill(429)]);
    expect(await testApp.app.prisma.referral.count()).toBe(before + PER_IP);
  });

  it("limits referrals from everyone together, while retries still get their answer", async () => {
    startAfresh();
    const accepted: { ip: string; key: string; submission: ReferralSubmission; body: unknown }[] = [];
    // Many addresses, each well within its own limit.
    for (let sent = 0; sent < OVERALL; sent += 10) {
      const ip = nextClient();
      const batch = await Promise.all(
        Array.from({ length: 10 }, async () => {
          const key = newIdempotencyKey();
          const submission = buildSubmission();
          return { ip, key, submission, ...(await submit({ ip, key, submission })) };
        }),
      );
      expect(batch.map((answer) => answer.status)).toEqual(Array(10).fill(201));
      accepted.push(...batch);
    }
    const refused = await submit({ ip: nextClient() });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    const retry = accepted[0];
    if (!retry) throw new Error("nothing accepted");
    const replayed = await submit(retry);
    expect(replayed.status).toBe(201);
    expect(replayed.body).toEqual(retry.body);
  });

  it("keeps the counters under keyed hashes, not the plain SHA-256 of the address", async () => {
    startAfresh();
    const ip = nextClient();
    expect((await submit({ ip })).status).toBe(201);
    const keys = (await testApp.app.prisma.rateLimitCounter.findMany({ select: { key: true } })).map((row) => row.key);
    const scope = ANONYMOUS_LIMITS.referralPerIp.scope;
    expect(keys).toContain(`${scope}:${testApp.app.keyedHash(`rate-limit:${scope}`, ip).slice(0, 32)}`);
    const plain = createHash("sha256").update(ip).digest("hex").slice(0, 32);
    const unkeyed = createHash("sha256").update(`${scope}\u0000${ip}`).digest("hex").slice(0, 32);
    expect(keys.join("\n")).not.toContain(plain);
    expect(keys.join("\n")).not.toContain(unkeyed);
    expect(keys.join("\n")).not.toContain(ip);
  });
});

describe("the confirmation email's daily cap per recipient", () => {
  const cap = ANONYMOUS_LIMITS.confirmationEmailsPerRecipient.limit;
  const queuedTo = (recipient: string) =>
    testApp.app.prisma.outboxMessage.count({
      where: { kind: "referral_received", recipient: { equals: recipient, mode: "insensitive" } },
    });

  it("queues at most the cap to one address a day, records every referral, and logs the rest without the address", async () => {
    startAfresh();
    const victim = "Flooded.Inbox@example.com";
    const before = await testApp.app.prisma.referral.count();
    logLines.length = 0;
    // From many addresses and in any letter case: it is the recipient that is capped.
    const statuses: number[] = [];
    for (let sent = 0; sent < cap + 3; sent++) {
      const email = sent % 2 ? victim.toLowerCase() : victim;
      const submission = buildExampleWithEmail(email);
      statuses.push((await submit({ ip: nextClient(), submission })).status);
    }
    expect(statuses).toEqual(Array(cap + 3).fill(201));
    expect(await testApp.app.prisma.referral.count()).toBe(before + cap + 3);
    expect(await queuedTo(victim)).toBe(cap);

    const capped = logLines.filter((line) => line.includes('"event":"email_capped"'));
    expect(capped).toHaveLength(3);
    expect(logLines.join("")).not.toMatch(/flooded\.inbox/i);

    // Someone else's email is not held back, and the cap starts again the next day.
    expect((await submit({ ip: nextClient(), submission: buildExampleWithEmail("other@example.com") })).status).toBe(
      201,
    );
    expect(await queuedTo("other@example.com")).toBe(1);
    now = new Date(now.getTime() + 24 * HOUR_MS);
    expect((await submit({ ip: nextClient(), submission: buildExampleWithEmail(victim) })).status).toBe(201);
    expect(await queuedTo(victim)).toBe(cap + 1);
  });
});

function buildExampleWithEmail(personalEmail: string): ReferralSubmission {
  const submission = buildSubmission();
  return { ...submission, details: { ...submission.details, personalEmail } };
}
