import { createPrismaClient, createTestDatabase, type PrismaClient, type TestDatabase } from "@psu/prisma";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createEncryption } from "../security/encryption";
import { HISTORY_EQUALITY_RESPONSES, HISTORY_REFERRALS } from "./demo-history";
import { DEMO_NEW_STARTER, DEMO_TOTP_SECRET, seedDemoData } from "./demo-seed";

const NOW = new Date("2026-11-25T03:45:00Z");
const TEST_SECRET = "demo-seed-test-secret-of-enough-length";
let database: TestDatabase;
let prisma: PrismaClient;
let started = 0;
let finished = 0;
beforeAll(async () => {
  database = await createTestDatabase(inject("postgres"));
  prisma = createPrismaClient(database.url, { max: 4 });
  started = Date.now();
  await seedDemoData(prisma, NOW, createEncryption(TEST_SECRET));
  finished = Date.now();
}, 120_000);
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

describe("the demo data", () => {
  it("holds a year of referrals, most of them closed, before today's three new ones", async () => {
    const cases = await prisma.case.findMany({
      select: {
        status: true,
        openedAt: true,
        triagedAt: true,
        allocatedAt: true,
        firstContactAt: true,
        closedAt: true,
      },
      orderBy: { openedAt: "asc" },
    });
    expect(cases).toHaveLength(HISTORY_REFERRALS + 3);
    const history = cases.slice(0, HISTORY_REFERRALS);
    const today = cases.slice(HISTORY_REFERRALS);
    expect(today.every((item) => item.status === "new" && item.openedAt.getTime() === NOW.getTime())).toBe(true);

    const earliest = history[0]?.openedAt ?? NOW;
    expect(NOW.getTime() - earliest.getTime()).toBeGreaterThan(350 * 24 * 3600 * 1000);
    const ended = history.filter((item) => item.status === "closed" || item.status === "withdrawn");
    expect(ended.length / history.length).toBeGreaterThan(0.75);
    // A few still open, so the reports have open cases, waiting steps and caseloads to show.
    const open = history.filter((item) => item.closedAt === null);
    expect(open.length).toBeGreaterThanOrEqual(5);
    // Only a handful wait for a lead: the history does not flood the queue's "Unassigned" view.
    expect(history.filter((item) => item.status === "new" || item.status === "triage").length).toBeLessThanOrEqual(5);

    // Every step happens after the one before it, and before now.
    for (const item of history) {
      const steps = [item.openedAt, item.triagedAt, item.allocatedAt, item.firstContactAt, item.closedAt].filter(
        (step): step is Date => step !== null,
      );
      expect(steps.every((step, index) => index === 0 || step >= (steps[index - 1] ?? step))).toBe(true);
      expect(steps.every((step) => step <= NOW)).toBe(true);
    }
  });

  it("leaves every lead room for a new case, so the lead suggestions still suggest them", async () => {
    const leads = await prisma.staffMember.findMany({
      where: { role: "lead", active: true },
      select: { name: true, capacity: true, _count: { select: { cases: { where: { closedAt: null } } } } },
    });
    for (const lead of leads) expect(lead._count.cases, lead.name).toBeLessThan(lead.capacity);
    expect(leads.some((lead) => lead._count.cases > 0)).toBe(true);
  });

  it("gives today's leads only open cases, so their own list starts with what needs doing", async () => {
    const own = await prisma.case.groupBy({
      by: ["status"],
      where: { lead: { active: true } },
      _count: true,
    });
    expect(own.map((row) => row.status).sort()).not.toContain("closed");
    const former = await prisma.staffMember.findUniqueOrThrow({
      where: { email: "former.lead@psu.example" },
      select: { active: true, _count: { select: { cases: true } } },
    });
    expect(former.active).toBe(false);
    expect(former._count.cases).toBeGreaterThan(100);
  });

  it("gives history cases a timeline and leaves the audit log to what staff really do", async () => {
    const closed = await prisma.case.findFirstOrThrow({
      where: { status: "closed", firstContactAt: { not: null } },
      select: { id: true, version: true, events: { select: { kind: true }, orderBy: { at: "asc" } } },
    });
    expect(closed.events.map((event) => event.kind)).toEqual([
      "referral_submitted",
      "status_changed",
      "assigned",
      "first_contact_recorded",
      "status_changed",
      "status_changed",
    ]);
    expect(closed.version).toBe(closed.events.length);
    expect(await prisma.auditEntry.count()).toBe(0);
    // Their emails went out at the time; only today's three wait to be sent.
    expect(await prisma.outboxMessage.count({ where: { sentAt: null } })).toBe(3);
  });

  it("holds equality answers spread over the year, with some answers too rare to show", async () => {
    const rows = await prisma.equalityResponse.findMany({ select: { submittedMonth: true, answers: true } });
    expect(rows).toHaveLength(HISTORY_EQUALITY_RESPONSES);
    expect(new Set(rows.map((row) => row.submittedMonth)).size).toBeGreaterThanOrEqual(12);
    const roma = rows.filter((row) => JSON.stringify(row.answers).includes('"white_roma"'));
    expect(roma.length).toBeGreaterThan(0);
    expect(roma.length).toBeLessThan(5);
  });

  it("sets up every demo account's second factor with the one documented secret, encrypted", async () => {
    const staff = await prisma.staffMember.findMany({
      where: { email: { not: DEMO_NEW_STARTER } },
      select: { id: true, totpSecret: true, totpEnabledAt: true },
    });
    expect(staff.length).toBeGreaterThan(4);
    const starter = await prisma.staffMember.findUniqueOrThrow({
      where: { email: DEMO_NEW_STARTER },
      select: { totpSecret: true, active: true },
    });
    expect(starter).toEqual({ totpSecret: null, active: true });
    const encryption = createEncryption(TEST_SECRET);
    for (const member of staff) {
      expect(member.totpEnabledAt).toEqual(NOW);
      expect(member.totpSecret).not.toContain(DEMO_TOTP_SECRET);
      expect(encryption.decrypt("totp-secret", member.totpSecret ?? "", member.id)).toBe(DEMO_TOTP_SECRET);
    }
  });

  it("seeds in a few seconds, so npm start and the browser tests are not held up", () => {
    expect(finished - started).toBeLessThan(30_000);
  });
});
