import { QUEUE_VIEWS, type QueueViewCounts, QueueViewCountsSchema } from "@psu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { getJsonAs, walkQueue } from "../../test/queue-requests";
import { type CreateCaseOptions, createSignedInStaff, createTestCase } from "../../test/staff-fixtures";

// Tuesday 24 November 2026, 09:00 in London.
const NOW = new Date("2026-11-24T09:00:00Z");

type Viewer = "coordinator" | "leadA" | "leadB";
const headers: Record<Viewer, Record<string, string>> = { coordinator: {}, leadA: {}, leadB: {} };

const testApp = useTestApp({ now: () => NOW });
beforeAll(async () => {
  const app = testApp.app;
  const coordinator = await createSignedInStaff(app, { role: "coordinator" });
  headers.coordinator = coordinator.headers;
  const leadA = await createSignedInStaff(app, { role: "lead" });
  const leadB = await createSignedInStaff(app, { role: "lead" });
  headers.leadA = leadA.headers;
  headers.leadB = leadB.headers;
  const leadIds = { A: leadA.staff.id, B: leadB.staff.id, coordinator: coordinator.staff.id };

  // Every view holds some cases and leaves some out; lead A's and lead B's differ.
  const fixture: (CreateCaseOptions & { lead?: keyof typeof leadIds })[] = [
    { openedAt: new Date("2026-11-23T10:00:00Z") }, // new, no lead, triage due soon
    { openedAt: new Date("2026-11-18T10:00:00Z") }, // new, no lead, triage breached
    { status: "triage", openedAt: new Date("2026-11-24T08:00:00Z") }, // no lead, on track
    // Paused after its triage was due: still breached.
    { status: "information_requested", resumeTo: "triage", pausedSince: new Date("2026-11-23T09:00:00Z") },
    { status: "allocated", lead: "A", allocatedAt: new Date("2026-11-18T10:00:00Z") }, // first contact due soon
    { status: "allocated", lead: "B", allocatedAt: new Date("2026-11-10T10:00:00Z") }, // first contact breached
    { status: "allocated", lead: "A", allocatedAt: new Date("2026-11-24T08:00:00Z") }, // on track
    { status: "in_support", lead: "B", openedAt: new Date("2026-10-01T09:00:00Z") },
    { status: "in_support", lead: "coordinator", openedAt: new Date("2026-10-01T09:00:00Z") },
    { status: "closed", lead: "A", openedAt: new Date("2026-09-01T09:00:00Z") },
    { status: "closed", openedAt: new Date("2026-09-01T09:00:00Z") },
  ];
  for (const { lead, ...options } of fixture) {
    const openedAt = options.openedAt ?? new Date("2026-11-02T09:00:00Z");
    await createTestCase(app.prisma, {
      openedAt,
      triagedAt: options.allocatedAt ? openedAt : undefined,
      ...options,
      leadId: lead ? leadIds[lead] : null,
    });
  }
});

function countsFor(viewer: Viewer): Promise<QueueViewCounts> {
  return getJsonAs(testApp.app, "/api/staff/queue/view-counts", headers[viewer], QueueViewCountsSchema);
}

/** How many rows a view lists, walking its pages as the web does. */
async function countListed(viewer: Viewer, view: (typeof QUEUE_VIEWS)[number], limit: number): Promise<number> {
  return (await walkQueue(testApp.app, headers[viewer], { view, limit })).length;
}

describe("GET /api/staff/queue/view-counts", () => {
  it("counts each saved view for a coordinator", async () => {
    expect(await countsFor("coordinator")).toEqual({
      unassigned: 4,
      breaching_soon: 5,
      my_cases: 1,
      all: 11,
    });
  });

  it.each([1, 3, 25])("equals the rows each view lists, walking pages of %i", async (limit) => {
    for (const viewer of ["coordinator", "leadA", "leadB"] as const) {
      const counts = await countsFor(viewer);
      for (const view of QUEUE_VIEWS) {
        expect(counts[view], `${viewer}, ${view}`).toBe(await countListed(viewer, view, limit));
      }
    }
  });

  it("counts only a lead's own cases, in every view", async () => {
    expect(await countsFor("leadA")).toEqual({ unassigned: 0, breaching_soon: 1, my_cases: 3, all: 3 });
    expect(await countsFor("leadB")).toEqual({ unassigned: 0, breaching_soon: 1, my_cases: 2, all: 2 });
  });

  // Who may ask (coordinators and leads; admins 403, anyone signed out 401): the authorization table.
});
