import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { createSignedInStaff, createTestCase, type TestCase, type TestStaff } from "../../test/staff-fixtures";

const NOW = new Date("2026-11-24T09:00:00Z");
let admin: { staff: TestStaff; headers: Record<string, string> };
let coordinator: { staff: TestStaff; headers: Record<string, string> };
let lead: { staff: TestStaff; headers: Record<string, string> };
let first: TestCase;
let second: TestCase;

const testApp = useTestApp({ now: () => NOW });
beforeAll(async () => {
  admin = await createSignedInStaff(testApp.app, { role: "admin", name: "Ada Admin" });
  coordinator = await createSignedInStaff(testApp.app, { role: "coordinator", name: "Casey Coordinator" });
  lead = await createSignedInStaff(testApp.app, { role: "lead", name: "Sam Spoc" });
  first = await createTestCase(testApp.app.prisma, { leadId: lead.staff.id, status: "allocated" });
  second = await createTestCase(testApp.app.prisma);
  // The reads that fill the log: through the API, so this is the log as it really is written.
  const read = (caseId: string, headers: Record<string, string>) =>
    testApp.app.inject({ method: "GET", url: `/api/staff/cases/${caseId}`, headers });
  await read(first.caseId, coordinator.headers);
  await read(second.caseId, coordinator.headers);
  await read(first.caseId, lead.headers);
  await read(second.caseId, lead.headers); // refused: not theirs
});

function audit(query: string, headers: Record<string, string> = admin.headers) {
  return testApp.app.inject({ method: "GET", url: `/api/staff/audit${query}`, headers });
}

describe("GET /api/staff/audit", () => {
  it("lists entries newest first, with the actor's name and the case's reference", async () => {
    const response = await audit(`?caseId=${first.caseId}`);
    expect(response.statusCode).toBe(200);
    const { entries, nextCursor } = response.json();
    expect(nextCursor).toBeNull();
    expect(entries).toEqual([
      {
        id: expect.any(String),
        at: expect.any(String),
        actor: { id: lead.staff.id, name: "Sam Spoc" },
        action: "CASE_VIEWED",
        caseId: first.caseId,
        reference: first.reference,
        detail: {},
      },
      expect.objectContaining({ actor: { id: coordinator.staff.id, name: "Casey Coordinator" } }),
    ]);
    expect(Number(entries[0].id)).toBeGreaterThan(Number(entries[1].id));
  });

  it("filters by actor, and by action", async () => {
    const byLead = (await audit(`?actorId=${lead.staff.id}`)).json();
    // Their sign-in (second factor set up, signed in) is theirs too; the case reads are what this checks.
    const caseEntries = byLead.entries.filter((entry: { caseId: string | null }) => entry.caseId !== null);
    expect(byLead.entries.map((entry: { action: string }) => entry.action)).toContain("SIGNED_IN");
    expect(caseEntries.map((entry: { action: string; caseId: string }) => [entry.action, entry.caseId])).toEqual([
      ["CASE_VIEW_REFUSED", second.caseId],
      ["CASE_VIEWED", first.caseId],
    ]);
    const refusals = (await audit("?action=CASE_VIEW_REFUSED")).json();
    expect(refusals.entries).toHaveLength(1);
    expect(refusals.entries[0].detail).toEqual({ reason: "NOT_OWN_CASE" });
  });

  it("filters by time, from inclusive to exclusive", async () => {
    // Far in the future, so entries the other tests write "now" fall before it whatever the date.
    const later = await createTestCase(testApp.app.prisma);
    await testApp.app.prisma.auditEntry.create({
      data: {
        at: new Date("2099-01-01T00:00:00Z"),
        actorId: admin.staff.id,
        action: "CASE_VIEWED",
        caseId: later.caseId,
      },
    });
    const fromLater = (await audit(`?from=${encodeURIComponent("2099-01-01T00:00:00Z")}`)).json();
    expect(fromLater.entries.map((entry: { caseId: string }) => entry.caseId)).toEqual([later.caseId]);
    const beforeLater = (
      await audit(`?to=${encodeURIComponent("2099-01-01T00:00:00Z")}&caseId=${later.caseId}`)
    ).json();
    expect(beforeLater.entries).toEqual([]);
  });

  it("pages newest first with a cursor, no entry twice and none missed", async () => {
    const everything = (await audit("?limit=200")).json().entries.map((entry: { id: string }) => entry.id);
    expect(everything.length).toBeGreaterThanOrEqual(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await audit(query)).json();
      seen.push(...page.entries.map((entry: { id: string }) => entry.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(everything);
  });

  it("refuses a cursor it did not give out with 400", async () => {
    expect((await audit("?cursor=bm90LWpzb24")).statusCode).toBe(400);
  });

  it("is for admins only: coordinators and leads get 403, no session 401", async () => {
    expect((await audit("", coordinator.headers)).statusCode).toBe(403);
    expect((await audit("", lead.headers)).statusCode).toBe(403);
    expect((await audit("", {})).statusCode).toBe(401);
  });

  it("takes ids and dates only: anything else in the URL is refused", async () => {
    expect((await audit("?actorId=alex.example@example.com")).statusCode).toBe(400);
    expect((await audit("?caseId=PSU-7K3F-9QX4")).statusCode).toBe(400);
  });
});
