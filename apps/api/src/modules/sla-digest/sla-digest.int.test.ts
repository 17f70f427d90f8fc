import { type BreachingSoonCounts, QueuePageSchema } from "@psu/domain";
import { createPrismaClient } from "@psu/prisma";
import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app";
import { parseConfig } from "../../config/env";
import { loadServerSecret } from "../../security/server-secret";
import { useTestApp } from "../../test/build-test-app";
import { createSignedInStaff, createStaff, createTestCase } from "../../test/staff-fixtures";
import { renderEmail } from "../outbox/email-templates";
import { SlaDigestPayloadSchema } from "./digest-email";
import { queueDigestOnce } from "./sla-digest.repository";
import { runSlaDigest } from "./sla-digest.service";

// Monday 7 December 2026, 08:00 in London (GMT).
const MONDAY_0800 = new Date("2026-12-07T08:00:00Z");
let now = MONDAY_0800;
const PUBLIC_URL = "https://psu.example.nhs.uk";

const testApp = useTestApp({ now: () => now, env: { PUBLIC_URL } });
let coordinatorHeaders: Record<string, string> = {};
const coordinatorEmails: string[] = [];

beforeAll(async () => {
  const { app } = testApp;
  const signedIn = await createSignedInStaff(app, { role: "coordinator" });
  coordinatorHeaders = signedIn.headers;
  coordinatorEmails.push(signedIn.staff.email);
  coordinatorEmails.push((await createStaff(app.prisma, { role: "coordinator" })).email);
  // Not sent to: a coordinator who has left, an admin, a lead.
  await createStaff(app.prisma, { role: "coordinator", active: false });
  await createStaff(app.prisma, { role: "admin" });
  const lead = await createStaff(app.prisma, { role: "lead" });

  // Breaching, due soon, paused and on-time cases on both clocks, as of Monday 7 December.
  const cases = [
    { openedAt: new Date("2026-12-01T10:00:00Z") }, // triage was due Thursday 3rd: breached
    { openedAt: new Date("2026-11-30T10:00:00Z") }, // breached
    { openedAt: new Date("2026-12-04T10:00:00Z") }, // due Tuesday 8th: due soon
    { openedAt: new Date("2026-12-07T07:00:00Z") }, // due Wednesday 9th: on track
    // Waiting for information since Friday, before its due date: paused.
    {
      status: "information_requested" as const,
      resumeTo: "triage" as const,
      openedAt: new Date("2026-12-03T10:00:00Z"),
      pausedSince: new Date("2026-12-04T09:00:00Z"),
    },
    // First contact: due Wednesday 2nd (breached); due Monday 7th (due soon); on track.
    { status: "allocated" as const, leadId: lead.id, allocatedAt: new Date("2026-11-25T10:00:00Z") },
    { status: "allocated" as const, leadId: lead.id, allocatedAt: new Date("2026-11-30T10:00:00Z") },
    { status: "allocated" as const, leadId: lead.id, allocatedAt: new Date("2026-12-07T07:30:00Z") },
    { status: "closed" as const, openedAt: new Date("2026-10-01T10:00:00Z") },
  ];
  for (const options of cases) {
    await createTestCase(app.prisma, {
      fullName: "Ophelia Quintessa-Marchbanks",
      email: "ophelia.q@example.com",
      ...options,
      ...(options.allocatedAt ? { openedAt: options.allocatedAt, triagedAt: options.allocatedAt } : {}),
    });
  }
});

async function findDigests(app: FastifyInstance, date: string) {
  const messages = await app.prisma.outboxMessage.findMany({
    where: { kind: "sla_digest", payload: { path: ["date"], equals: date } },
    orderBy: { recipient: "asc" },
    select: { recipient: true, payload: true },
  });
  return messages.map((message) => ({ ...message, payload: SlaDigestPayloadSchema.parse(message.payload) }));
}

async function findRun(app: FastifyInstance, date: string) {
  return app.prisma.jobRun.findUnique({
    where: { job_runKey: { job: "sla_digest", runKey: date } },
    select: { outcome: true, finishedAt: true, detail: true },
  });
}

async function getQueueCounts(app: FastifyInstance): Promise<BreachingSoonCounts> {
  const response = await app.inject({ method: "GET", url: "/api/staff/queue/sla-counts", headers: coordinatorHeaders });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** Every reference the breaching-soon view lists, walking its pages. */
async function listViewReferences(app: FastifyInstance): Promise<string[]> {
  const references: string[] = [];
  let cursor: string | undefined;
  do {
    const response = await app.inject({
      method: "POST",
      url: "/api/staff/queue",
      headers: coordinatorHeaders,
      payload: { view: "breaching_soon", limit: 2, cursor },
    });
    const page = QueuePageSchema.parse(response.json());
    references.push(...page.items.map((item) => item.reference));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return references;
}

describe("the SLA digest: working days only", () => {
  it.each([
    ["a Saturday", "2026-12-05T09:00:00Z", "2026-12-05"],
    ["a Sunday", "2026-12-06T09:00:00Z", "2026-12-06"],
    ["Christmas Day", "2026-12-25T09:00:00Z", "2026-12-25"],
    ["Boxing Day's substitute Monday", "2026-12-28T09:00:00Z", "2026-12-28"],
    ["a Monday before 08:00", "2026-12-07T07:59:59Z", "2026-12-07"],
  ])("sends nothing on %s", async (_name, at, date) => {
    const { app } = testApp;
    expect(await runSlaDigest(app.prisma, { now: new Date(at), publicUrl: PUBLIC_URL })).toEqual({
      outcome: "not_due",
    });
    expect(await findDigests(app, date)).toEqual([]);
    expect(await findRun(app, date)).toBeNull();
  });

  it("sends to every active coordinator at 08:00 on a Monday, and records the run", async () => {
    const { app } = testApp;
    now = MONDAY_0800;
    const run = await runSlaDigest(app.prisma, { now, publicUrl: PUBLIC_URL });
    expect(run).toMatchObject({ outcome: "queued", date: "2026-12-07", recipients: 2 });
    const digests = await findDigests(app, "2026-12-07");
    expect(digests.map((digest) => digest.recipient)).toEqual([...coordinatorEmails].sort());
    expect(await findRun(app, "2026-12-07")).toEqual({
      outcome: "succeeded",
      finishedAt: MONDAY_0800,
      detail: {
        recipients: 2,
        triage: { breached: 2, due_soon: 1 },
        first_contact: { breached: 1, due_soon: 1 },
      },
    });
  });

  it("counts as the queue's Breaching soon view does, and lists the view's references", async () => {
    const { app } = testApp;
    now = MONDAY_0800;
    const [digest] = await findDigests(app, "2026-12-07");
    if (!digest) throw new Error("no digest");
    const { triage, first_contact } = digest.payload;
    const counts = await getQueueCounts(app);
    expect({
      triage: { breached: triage.breached.count, due_soon: triage.due_soon.count },
      first_contact: { breached: first_contact.breached.count, due_soon: first_contact.due_soon.count },
    }).toEqual(counts);
    const listed = [triage, first_contact].flatMap((clock) => [
      ...clock.breached.references,
      ...clock.due_soon.references,
    ]);
    expect(listed.sort()).toEqual((await listViewReferences(app)).sort());

    const email = renderEmail("sla_digest", digest.payload);
    expect(email.subject).toBe("SLA digest for Monday 7 December 2026: 3 breached, 2 due soon");
    expect(email.text).toContain("Breached: 2\nDue soon: 1");
    expect(email.text).toContain("Breached: 1\nDue soon: 1");
    for (const reference of listed) expect(email.text).toContain(reference);
    expect(email.text).toContain(`${PUBLIC_URL}/staff?view=breaching_soon`);
  });

  it("holds no names or addresses: counts and references only", async () => {
    const { app } = testApp;
    const [digest] = await findDigests(app, "2026-12-07");
    const email = renderEmail("sla_digest", digest?.payload);
    const people = [
      ...(await app.prisma.referral.findMany({ select: { fullName: true, email: true } })).flatMap((referral) => [
        referral.fullName,
        referral.email ?? "",
      ]),
      ...(await app.prisma.staffMember.findMany({ select: { name: true, email: true } })).flatMap((staff) => [
        staff.name,
        staff.email,
      ]),
    ];
    const everything = `${email.subject}\n${email.text}\n${JSON.stringify(digest?.payload)}`.toLowerCase();
    for (const text of ["ophelia", "quintessa", "marchbanks", ...people.filter(Boolean)]) {
      expect(everything).not.toContain(text.toLowerCase());
    }
  });

  it("is queued once a day, however often it runs", async () => {
    const { app } = testApp;
    const later = new Date("2026-12-07T15:00:00Z");
    expect(await runSlaDigest(app.prisma, { now: later, publicUrl: PUBLIC_URL })).toEqual({
      outcome: "already_queued",
      date: "2026-12-07",
    });
    expect(await findDigests(app, "2026-12-07")).toHaveLength(2);
  });

  it("once across instances running it at the same moment", async () => {
    const { app, database } = testApp;
    const tuesday = new Date("2026-12-08T08:00:00Z");
    const others = Array.from({ length: 3 }, () => createPrismaClient(database.url, { max: 2 }));
    try {
      // Connected first, so the four runs overlap rather than queue behind a connection.
      await Promise.all(others.map((prisma) => prisma.$queryRaw`SELECT 1`));
      const runs = await Promise.all(
        [app.prisma, ...others].map((prisma) => runSlaDigest(prisma, { now: tuesday, publicUrl: PUBLIC_URL })),
      );
      expect(runs.map((run) => run.outcome).sort()).toEqual([
        "already_queued",
        "already_queued",
        "already_queued",
        "queued",
      ]);
      expect(await findDigests(app, "2026-12-08")).toHaveLength(2);
    } finally {
      await Promise.all(others.map((prisma) => prisma.$disconnect()));
    }
  });

  it("is claimed by one of several instances claiming the same day at once (the claim alone, no check before it)", async () => {
    const { app, database } = testApp;
    const others = Array.from({ length: 3 }, () => createPrismaClient(database.url, { max: 2 }));
    try {
      await Promise.all(others.map((prisma) => prisma.$queryRaw`SELECT 1`));
      const claims = await Promise.all(
        [app.prisma, ...others].map((prisma) =>
          queueDigestOnce(prisma, {
            runKey: "2026-12-15",
            now: new Date("2026-12-15T08:00:00Z"),
            kind: "sla_digest",
            payload: { date: "2026-12-15" },
            roles: ["coordinator"],
            detail: {},
          }),
        ),
      );
      expect(claims.sort()).toEqual([2, null, null, null]);
      expect(
        await app.prisma.outboxMessage.count({ where: { payload: { path: ["date"], equals: "2026-12-15" } } }),
      ).toBe(2);
    } finally {
      await Promise.all(others.map((prisma) => prisma.$disconnect()));
    }
  });

  it("runs again after a failed run, still once", async () => {
    const { app } = testApp;
    // A failure recorded for Wednesday (e.g. the database went away mid-run).
    await app.prisma.jobRun.create({
      data: { job: "sla_digest", runKey: "2026-12-09", outcome: "failed", detail: { error: "Error" } },
    });
    const wednesday = new Date("2026-12-09T09:30:00Z");
    expect(await runSlaDigest(app.prisma, { now: wednesday, publicUrl: PUBLIC_URL })).toMatchObject({
      outcome: "queued",
    });
    expect(await runSlaDigest(app.prisma, { now: wednesday, publicUrl: PUBLIC_URL })).toMatchObject({
      outcome: "already_queued",
    });
    expect(await findDigests(app, "2026-12-09")).toHaveLength(2);
    expect((await findRun(app, "2026-12-09"))?.outcome).toBe("succeeded");
  });
});

describe("the SLA digest on the app's timer", () => {
  /** Two instances of the whole app with background jobs on one database, both at `at`; closed after. */
  async function startTwoInstances(at: Date): Promise<void> {
    const { database } = testApp;
    // The outbox worker is slow to poll, so the queued digests stay to be counted.
    const config = parseConfig({ NODE_ENV: "test", DATABASE_URL: database.url, PUBLIC_URL, OUTBOX_POLL_MS: "600000" });
    const serverSecret = await loadServerSecret(config.serverSecret);
    const apps = await Promise.all(
      [0, 1].map(() =>
        buildApp({
          config,
          serverSecret,
          prisma: createPrismaClient(database.url, { max: 2 }),
          now: () => at,
          backgroundJobs: true,
        }),
      ),
    );
    await Promise.all(apps.map((app) => app.ready()));
    // Closing waits for a digest run in flight.
    await Promise.all(apps.map((app) => app.close()));
  }

  it("catches up at start-up on a working day after 08:00, once across two instances", async () => {
    await startTwoInstances(new Date("2026-12-10T14:30:00Z"));
    expect(await findDigests(testApp.app, "2026-12-10")).toHaveLength(2);
    expect((await findRun(testApp.app, "2026-12-10"))?.outcome).toBe("succeeded");
  });

  it("sends nothing when started on a Saturday", async () => {
    await startTwoInstances(new Date("2026-12-12T09:00:00Z"));
    expect(await findDigests(testApp.app, "2026-12-12")).toEqual([]);
    expect(await findRun(testApp.app, "2026-12-12")).toBeNull();
  });
});
