import { type BreachingSoonCounts, BreachingSoonCountsSchema, type QueueItem } from "@psu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { getJsonAs, walkQueue } from "../../test/queue-requests";
import { type CreateCaseOptions, createSignedInStaff, createTestCase, type TestStaff } from "../../test/staff-fixtures";
import { countOpenCasesBySlaState } from "./sla-counts";

// Tuesday 24 November 2026, 09:00 in London.
const NOW = new Date("2026-11-24T09:00:00Z");

type Viewer = "coordinator" | "admin" | "leadA" | "leadB";
const headers: Record<Viewer, Record<string, string>> = { coordinator: {}, admin: {}, leadA: {}, leadB: {} };
let leadA: TestStaff;

const testApp = useTestApp({ now: () => NOW });
beforeAll(async () => {
  const app = testApp.app;
  ({ headers: headers.coordinator } = await createSignedInStaff(app, { role: "coordinator" }));
  ({ headers: headers.admin } = await createSignedInStaff(app, { role: "admin" }));
  ({ staff: leadA, headers: headers.leadA } = await createSignedInStaff(app, { role: "lead" }));
  const { staff: leadB, headers: leadBHeaders } = await createSignedInStaff(app, { role: "lead" });
  headers.leadB = leadBHeaders;

  const fixture: (CreateCaseOptions & { lead?: "A" | "B" })[] = [
    // Triage (2 working days after submission).
    { openedAt: new Date("2026-11-23T10:00:00Z") }, // due Wednesday: due soon
    { openedAt: new Date("2026-11-18T10:00:00Z") }, // was due Friday: breached
    { openedAt: new Date("2026-11-24T08:00:00Z") }, // due Thursday: on track
    // Waiting for information since Monday, from triage: paused, not counted.
    {
      status: "information_requested",
      resumeTo: "triage",
      openedAt: new Date("2026-11-20T10:00:00Z"),
      triagedAt: null,
      pausedSince: new Date("2026-11-23T09:00:00Z"),
    },
    // First contact (5 working days after allocation).
    { status: "allocated", lead: "A", allocatedAt: new Date("2026-11-18T10:00:00Z") }, // due Wednesday 25th: due soon
    { status: "allocated", lead: "B", allocatedAt: new Date("2026-11-10T10:00:00Z") }, // was due 17th: breached
    { status: "allocated", lead: "A", allocatedAt: new Date("2026-11-24T08:00:00Z") }, // on track
    // Paused after its due date had passed: still breached.
    {
      status: "information_requested",
      resumeTo: "allocated",
      lead: "A",
      allocatedAt: new Date("2026-11-10T10:00:00Z"),
      pausedSince: new Date("2026-11-23T09:00:00Z"),
    },
    // Paused before its due date (allocated Thursday, due Thursday 26th): paused, not counted.
    {
      status: "information_requested",
      resumeTo: "allocated",
      lead: "B",
      allocatedAt: new Date("2026-11-19T10:00:00Z"),
      pausedSince: new Date("2026-11-23T09:00:00Z"),
    },
    // First contact made in time (met), in support, closed: not counted.
    {
      status: "first_contact",
      lead: "A",
      allocatedAt: new Date("2026-11-16T10:00:00Z"),
      firstContactAt: new Date("2026-11-20T10:00:00Z"),
    },
    { status: "in_support", lead: "B", openedAt: new Date("2026-10-01T09:00:00Z") },
    { status: "closed", openedAt: new Date("2026-09-01T09:00:00Z") },
  ];
  for (const { lead, ...options } of fixture) {
    const leadId = lead === "A" ? leadA.id : lead === "B" ? leadB.id : null;
    const openedAt = options.openedAt ?? new Date("2026-11-02T09:00:00Z");
    await createTestCase(app.prisma, {
      openedAt,
      triagedAt: options.allocatedAt ? openedAt : undefined,
      ...options,
      leadId,
    });
  }
});

function countsFor(viewer: Viewer): Promise<BreachingSoonCounts> {
  return getJsonAs(testApp.app, "/api/staff/queue/sla-counts", headers[viewer], BreachingSoonCountsSchema);
}

/** Every row the breaching-soon view lists, walking its pages as the web does. */
function walkView(viewer: Viewer, limit: number): Promise<QueueItem[]> {
  return walkQueue(testApp.app, headers[viewer], { view: "breaching_soon", limit });
}

/** The view's rows counted the way the counts are split: by clock and state. */
function tally(items: QueueItem[]): BreachingSoonCounts {
  const counts: BreachingSoonCounts = {
    triage: { breached: 0, due_soon: 0 },
    first_contact: { breached: 0, due_soon: 0 },
  };
  for (const item of items) {
    const state = item.sla?.state;
    if (!item.sla || (state !== "breached" && state !== "due_soon")) throw new Error(`unexpected row: ${state}`);
    counts[item.sla.kind][state] += 1;
  }
  return counts;
}

describe("GET /api/staff/queue/sla-counts", () => {
  it("counts breached and due-soon clocks per kind, leaving out paused, on-track and stopped clocks", async () => {
    expect(await countsFor("coordinator")).toEqual({
      triage: { breached: 1, due_soon: 1 },
      first_contact: { breached: 2, due_soon: 1 },
    });
  });

  it.each([1, 2, 25])("equals the rows the breaching-soon view lists, walking pages of %i", async (limit) => {
    for (const viewer of ["coordinator", "leadA", "leadB"] as const) {
      const items = await walkView(viewer, limit);
      expect(await countsFor(viewer), viewer).toEqual(tally(items));
    }
  });

  it("shows a lead only their own cases", async () => {
    expect(await countsFor("leadA")).toEqual({
      triage: { breached: 0, due_soon: 0 },
      first_contact: { breached: 1, due_soon: 1 },
    });
    expect(await countsFor("leadB")).toEqual({
      triage: { breached: 0, due_soon: 0 },
      first_contact: { breached: 1, due_soon: 0 },
    });
  });

  it("is refused to admins (case content) and to anyone signed out", async () => {
    const asAdmin = await testApp.app.inject({
      method: "GET",
      url: "/api/staff/queue/sla-counts",
      headers: headers.admin,
    });
    expect(asAdmin.statusCode).toBe(403);
    const signedOut = await testApp.app.inject({ method: "GET", url: "/api/staff/queue/sla-counts" });
    expect(signedOut.statusCode).toBe(401);
  });

  it("counts every case for no viewer (the digest, the metrics), as a coordinator sees them", async () => {
    expect(await countOpenCasesBySlaState(testApp.app.prisma, { now: NOW, viewer: null })).toEqual(
      await countsFor("coordinator"),
    );
    expect(await countOpenCasesBySlaState(testApp.app.prisma, { now: NOW, viewer: leadA })).toEqual(
      await countsFor("leadA"),
    );
  });
});

describe("GET /api/staff/queue/sla-counts: more cases than one read", () => {
  beforeAll(async () => {
    // 2,100 cases whose triage was due long ago, in more than one batch of the count's walk.
    await testApp.app.prisma.$executeRaw`
      WITH referral AS (
        INSERT INTO referrals (id, reference, submitted_at, eligibility, verdict, region, profession, services,
          full_name, email, phone, preferred_contact, register_name, programme, grade, employer, work_pattern,
          what_is_happening, how_soon, consents_to_supervisor_contact)
        SELECT gen_random_uuid(), 'BULK-' || n, '2026-10-01T08:00:00Z'::timestamptz + n * interval '1 minute',
          '{}', '{"eligible":true,"reasons":[],"signposts":[]}', 'london', 'bulk', '{spoc}',
          'Bulk ' || n, 'bulk' || n || '@example.com', '0', 'email', 'GMC', 'GP', 'ST1', 'Trust', 'full_time',
          'x', 'soon_within_a_month', false
        FROM generate_series(1, 2100) AS n
        RETURNING id, submitted_at
      )
      INSERT INTO cases (id, referral_id, status, urgency, opened_at)
      SELECT gen_random_uuid(), id, 'new', 'soon_within_a_month', submitted_at FROM referral`;
  });

  it("still equals the rows the view lists", async () => {
    const counts = await countsFor("coordinator");
    expect(counts.triage.breached).toBe(2_101);
    expect(counts).toEqual(tally(await walkView("coordinator", 100)));
  });
});
