import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { createSignedInStaff, createTestCase, type TestCase } from "../../test/staff-fixtures";
import { monthsBefore, runRetention } from "./retention.service";

const NOW = new Date("2026-11-24T09:00:00Z");
let old: TestCase;
let recent: TestCase;
let openOld: TestCase;
let oldWithdrawn: TestCase;

const testApp = useTestApp({ now: () => NOW });
beforeAll(async () => {
  const prisma = testApp.app.prisma;
  // createTestCase sets closedAt = openedAt for closed and withdrawn cases.
  old = await createTestCase(prisma, { status: "closed", openedAt: monthsBefore(NOW, 73) });
  oldWithdrawn = await createTestCase(prisma, { status: "withdrawn", openedAt: monthsBefore(NOW, 80) });
  recent = await createTestCase(prisma, { status: "closed", openedAt: monthsBefore(NOW, 71) });
  openOld = await createTestCase(prisma, { status: "in_support", openedAt: monthsBefore(NOW, 100) });
  const oldCase = await prisma.case.findUniqueOrThrow({ where: { id: old.caseId } });
  await prisma.caseEvent.create({
    data: { caseId: old.caseId, at: NOW, actorType: "staff", kind: "note_added", data: { text: "Spoke to Dr X" } },
  });
  await prisma.caseEvent.create({
    data: {
      caseId: old.caseId,
      at: NOW,
      actorType: "staff",
      kind: "status_changed",
      data: { from: "in_support", to: "closed", reason: "They said thanks", outcome: "support_completed" },
    },
  });
  await prisma.outboxMessage.create({
    data: { kind: "referral_received", recipient: old.email, payload: { reference: old.reference } },
  });
  await prisma.idempotencyKey.create({
    data: { key: `key-${old.caseId}`, requestHash: "h", referralId: oldCase.referralId, response: { a: 1 } },
  });
});

describe("monthsBefore", () => {
  it("clamps to the last day of a shorter month", () => {
    expect(monthsBefore(new Date("2026-03-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(monthsBefore(new Date("2026-11-24T09:00:00Z"), 72).toISOString()).toBe("2020-11-24T09:00:00.000Z");
  });
});

describe("runRetention", () => {
  it("anonymises cases closed or withdrawn over 72 months ago, and nothing else", async () => {
    const prisma = testApp.app.prisma;
    const anonymised = await runRetention(prisma, { now: NOW, months: 72, batchSize: 1 });
    expect(anonymised.sort()).toEqual([old.caseId, oldWithdrawn.caseId].sort());

    const referral = await prisma.referral.findUniqueOrThrow({ where: { reference: old.reference } });
    expect(referral).toMatchObject({
      reference: old.reference,
      fullName: "",
      email: null,
      phone: "",
      safeContactTimes: null,
      registrationNumber: null,
      programme: "",
      grade: "",
      employer: "",
      whatIsHappening: "",
      whatHasBeenTried: null,
      whatWouldHelp: null,
      accessNeeds: null,
      region: "london",
      profession: "doctor_or_dentist",
      services: ["spoc"],
      anonymisedAt: NOW,
      anonymisedReason: "retention",
    });
    expect(referral.eligibility).toEqual({ referrer: "self", region: "london", group: "doctor_or_dentist" });
    const events = await prisma.caseEvent.findMany({ where: { caseId: old.caseId }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.kind, event.data])).toEqual([
      ["referral_submitted", { status: "new" }],
      ["note_added", {}],
      ["status_changed", { from: "in_support", to: "closed", outcome: "support_completed" }],
    ]);
    expect(await prisma.outboxMessage.count({ where: { recipient: old.email } })).toBe(0);
    expect(await prisma.idempotencyKey.count({ where: { referralId: referral.id } })).toBe(0);
    const kept = await prisma.case.findUniqueOrThrow({ where: { id: old.caseId } });
    expect(kept).toMatchObject({ status: "closed", outcome: "support_completed" });

    for (const untouched of [recent, openOld]) {
      const row = await prisma.referral.findUniqueOrThrow({ where: { reference: untouched.reference } });
      expect(row).toMatchObject({ fullName: untouched.fullName, email: untouched.email, anonymisedAt: null });
    }
  });

  it("records one audit entry per run with the count, and a second run changes nothing", async () => {
    const prisma = testApp.app.prisma;
    const before = await prisma.referral.findMany({ orderBy: { id: "asc" } });
    expect(await runRetention(prisma, { now: NOW, months: 72 })).toEqual([]);
    expect(await prisma.referral.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    const entries = await prisma.auditEntry.findMany({
      where: { action: "RETENTION_ANONYMISED" },
      orderBy: { id: "asc" },
    });
    expect(entries.map((entry) => (entry.detail as { count: number }).count)).toEqual([2, 0]);
    expect(entries[0]?.actorId).toBeNull();
    expect(JSON.stringify(entries.map((entry) => entry.detail))).not.toContain(old.email);
  });

  it("is safe when two instances run at once: each case is anonymised once", async () => {
    const prisma = testApp.app.prisma;
    const a = await createTestCase(prisma, { status: "closed", openedAt: monthsBefore(NOW, 90) });
    const b = await createTestCase(prisma, { status: "closed", openedAt: monthsBefore(NOW, 91) });
    const [first, second] = await Promise.all([
      runRetention(prisma, { now: NOW, months: 72, batchSize: 1 }),
      runRetention(prisma, { now: NOW, months: 72, batchSize: 1 }),
    ]);
    expect([...first, ...second].sort()).toEqual([a.caseId, b.caseId].sort());
  });

  it("still opens on the staff side and in the queue, with nothing personal left", async () => {
    await runRetention(testApp.app.prisma, { now: NOW, months: 72 });
    const coordinator = await createSignedInStaff(testApp.app, { role: "coordinator" });
    const opened = await testApp.app.inject({
      method: "GET",
      url: `/api/staff/cases/${old.caseId}`,
      headers: coordinator.headers,
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).not.toContain(old.email);
    expect(opened.body).not.toContain(old.fullName);
    expect(opened.json()).toMatchObject({ reference: old.reference, status: "closed" });
    const queue = await testApp.app.inject({
      method: "POST",
      url: "/api/staff/queue",
      headers: coordinator.headers,
      payload: { view: "all", status: ["closed"] },
    });
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(old.reference);
    expect(queue.body).not.toContain(old.fullName);
  });

  it("hides an anonymised referral from the trainee's status lookup", async () => {
    const response = await testApp.app.inject({
      method: "POST",
      url: "/api/referral-status",
      payload: { reference: old.reference, email: old.email },
    });
    expect(response.statusCode).toBe(404);
  });
});
