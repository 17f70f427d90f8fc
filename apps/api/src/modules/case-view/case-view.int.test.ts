import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { createSignedInStaff, createTestCase, type TestCase, type TestStaff } from "../../test/staff-fixtures";

// Tuesday 24 November 2026, 09:00 in London.
const NOW = new Date("2026-11-24T09:00:00Z");

let coordinator: { staff: TestStaff; headers: Record<string, string> };
let admin: { staff: TestStaff; headers: Record<string, string> };
let lead: { staff: TestStaff; headers: Record<string, string> };
let otherLead: { staff: TestStaff; headers: Record<string, string> };
let newCase: TestCase;
let leadsCase: TestCase;

const testApp = useTestApp({ now: () => NOW });
beforeAll(async () => {
  const app = testApp.app;
  coordinator = await createSignedInStaff(app, { role: "coordinator", name: "Casey Coordinator" });
  admin = await createSignedInStaff(app, { role: "admin" });
  lead = await createSignedInStaff(app, { role: "lead", name: "Sam Spoc" });
  otherLead = await createSignedInStaff(app, { role: "lead", name: "Ria Ist" });

  newCase = await createTestCase(app.prisma, {
    openedAt: new Date("2026-11-23T10:00:00Z"),
    fullName: "Alex Example",
    email: "alex.example@example.com",
  });
  leadsCase = await createTestCase(app.prisma, {
    status: "allocated",
    leadId: lead.staff.id,
    openedAt: new Date("2026-11-18T10:00:00Z"),
    triagedAt: new Date("2026-11-19T09:00:00Z"),
    allocatedAt: new Date("2026-11-20T10:00:00Z"),
    safetyConcern: true,
    version: 4,
  });
  // The rest of its story, as the case changes write it.
  const coordinatorId = coordinator.staff.id;
  await app.prisma.caseEvent.createMany({
    data: [
      {
        caseId: leadsCase.caseId,
        at: new Date("2026-11-19T09:00:00Z"),
        actorType: "staff",
        actorId: coordinatorId,
        kind: "status_changed",
        data: { from: "new", to: "triage", reason: null, outcome: null },
      },
      {
        caseId: leadsCase.caseId,
        at: new Date("2026-11-20T10:00:00Z"),
        actorType: "staff",
        actorId: coordinatorId,
        kind: "assigned",
        data: { leadId: lead.staff.id, previousLeadId: null, from: "triage", to: "allocated", overrides: [] },
      },
      {
        caseId: leadsCase.caseId,
        at: new Date("2026-11-20T10:05:00Z"),
        actorType: "staff",
        actorId: coordinatorId,
        kind: "safety_flag_changed",
        data: { flagged: true, reason: "Said they feel unsafe at work" },
      },
      {
        caseId: leadsCase.caseId,
        at: new Date("2026-11-20T10:10:00Z"),
        actorType: "staff",
        actorId: coordinatorId,
        kind: "note_added",
        data: { text: "Prefers a call after 6pm." },
      },
    ],
  });
});

function readCase(caseId: string, requestHeaders: Record<string, string> = {}) {
  return testApp.app.inject({ method: "GET", url: `/api/staff/cases/${caseId}`, headers: requestHeaders });
}

function auditEntriesFor(caseId: string) {
  return testApp.app.prisma.auditEntry.findMany({
    where: { caseId },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true, caseId: true, ipHash: true, detail: true },
  });
}

describe("GET /api/staff/cases/:caseId", () => {
  it("gives a coordinator the referral, verdict, clocks and moves, with the version as ETag", async () => {
    const response = await readCase(newCase.caseId, coordinator.headers);
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"1"');
    const detail = response.json();
    expect(detail).toMatchObject({
      caseId: newCase.caseId,
      reference: newCase.reference,
      status: "new",
      version: 1,
      openedAt: "2026-11-23T10:00:00.000Z",
      lead: null,
      safetyConcern: false,
      outcome: null,
      resumeTo: null,
      sla: {
        triage: { kind: "triage", dueOn: "2026-11-25", state: "due_soon", workingDaysRemaining: 1 },
        firstContact: null,
      },
      referral: {
        fullName: "Alex Example",
        email: "alex.example@example.com",
        services: ["spoc"],
        verdict: { eligible: true, reasons: [], signposts: [] },
        consentsToSupervisorContact: false,
      },
      timeline: [
        { at: "2026-11-23T10:00:00.000Z", actor: { type: "trainee", name: null }, kind: "referral_submitted" },
      ],
      notes: [],
    });
    expect(detail.timeline[0].summary).toBe("Referral received");
    expect(detail.allowedTransitions.map((move: { to: string }) => move.to).sort()).toEqual([
      "closed",
      "triage",
      "withdrawn",
    ]);
  });

  it("tells the story in order, with names, notes and the lead's own moves", async () => {
    const response = await readCase(leadsCase.caseId, lead.headers);
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"4"');
    const detail = response.json();
    expect(detail.timeline.map((event: { summary: string }) => event.summary)).toEqual([
      "Referral received",
      "Moved from new to triage",
      "Allocated to Sam Spoc",
      "Safety concern flagged: Said they feel unsafe at work",
      "Internal note added",
    ]);
    expect(detail.timeline[1].actor).toEqual({ type: "staff", name: "Casey Coordinator" });
    expect(detail.notes).toEqual([
      {
        at: "2026-11-20T10:10:00.000Z",
        author: { id: coordinator.staff.id, name: "Casey Coordinator" },
        text: "Prefers a call after 6pm.",
      },
    ]);
    expect(detail).toMatchObject({
      lead: { id: lead.staff.id, name: "Sam Spoc" },
      safetyConcern: true,
      sla: {
        triage: { state: "met", dueOn: "2026-11-20" },
        firstContact: { kind: "first_contact", dueOn: "2026-11-27", state: "on_track" },
      },
    });
    expect(detail.allowedTransitions).toEqual(
      expect.arrayContaining([
        { to: "first_contact", needsReason: false, needsOutcome: false },
        { to: "triage", needsReason: true, needsOutcome: false },
        { to: "information_requested", needsReason: true, needsOutcome: false },
      ]),
    );
    expect(detail.allowedTransitions.map((move: { to: string }) => move.to)).not.toContain("closed");
  });

  it("answers a lead with the same 404 for another lead's case and for one that does not exist", async () => {
    const notTheirs = await readCase(leadsCase.caseId, otherLead.headers);
    const missing = await readCase(randomUUID(), otherLead.headers);
    expect(notTheirs.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(notTheirs.body).toBe(missing.body);
    expect(notTheirs.json().error.code).toBe("NOT_FOUND");
    expect(notTheirs.headers.etag).toBeUndefined();
  });

  it("refuses an admin with 403 and no case content: their way in is the break-glass read", async () => {
    const response = await readCase(newCase.caseId, admin.headers);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("FORBIDDEN");
    expect(response.body).not.toContain("Alex Example");
  });

  it("answers a coordinator 404 for a case that does not exist", async () => {
    expect((await readCase(randomUUID(), coordinator.headers)).statusCode).toBe(404);
  });

  it("refuses a request without a session (401) and an id that is not one (400)", async () => {
    expect((await readCase(newCase.caseId)).statusCode).toBe(401);
    expect((await readCase("not-a-uuid", coordinator.headers)).statusCode).toBe(400);
  });
});

describe("auditing case reads", () => {
  it("writes CASE_VIEWED for every read, with who and a hash of where from", async () => {
    const audited = await createTestCase(testApp.app.prisma, { leadId: lead.staff.id, status: "allocated" });
    await readCase(audited.caseId, coordinator.headers);
    await readCase(audited.caseId, admin.headers);
    await readCase(audited.caseId, lead.headers);
    await readCase(audited.caseId, lead.headers);
    const entries = await auditEntriesFor(audited.caseId);
    // The admin's refused request never reached the case, so it is not a read.
    expect(entries.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["CASE_VIEWED", coordinator.staff.id],
      ["CASE_VIEWED", lead.staff.id],
      ["CASE_VIEWED", lead.staff.id],
    ]);
    expect(entries.every((entry) => entry.ipHash?.length === 16)).toBe(true);
  });

  it("returns nothing of the case when its read cannot be written to the audit log", async () => {
    const guarded = await createTestCase(testApp.app.prisma, { leadId: lead.staff.id, status: "allocated" });
    const prisma = testApp.app.prisma;
    // A trigger that refuses this case's audit entries stands in for an audit log that cannot be written.
    await prisma.$executeRawUnsafe(`
      create function refuse_test_audit() returns trigger language plpgsql as $$
      begin
        if new.case_id = '${guarded.caseId}' then raise exception 'audit refused for the test'; end if;
        return new;
      end $$`);
    await prisma.$executeRawUnsafe(
      "create trigger refuse_test_audit before insert on audit_entries for each row execute function refuse_test_audit()",
    );
    try {
      const response = await readCase(guarded.caseId, coordinator.headers);
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain(guarded.reference);
      expect(response.json()).toEqual({ error: { code: "INTERNAL_ERROR", message: expect.any(String) } });
    } finally {
      await prisma.$executeRawUnsafe("drop trigger refuse_test_audit on audit_entries");
      await prisma.$executeRawUnsafe("drop function refuse_test_audit()");
    }
  });

  it("writes CASE_VIEW_REFUSED when a lead is refused, for a case that exists or not", async () => {
    const guarded = await createTestCase(testApp.app.prisma, { leadId: lead.staff.id, status: "allocated" });
    const missingId = randomUUID();
    await readCase(guarded.caseId, otherLead.headers);
    await readCase(missingId, otherLead.headers);
    expect(await auditEntriesFor(guarded.caseId)).toEqual([
      expect.objectContaining({
        action: "CASE_VIEW_REFUSED",
        actorId: otherLead.staff.id,
        detail: { reason: "NOT_OWN_CASE" },
      }),
    ]);
    expect(await auditEntriesFor(missingId)).toEqual([
      expect.objectContaining({
        action: "CASE_VIEW_REFUSED",
        actorId: otherLead.staff.id,
        detail: { reason: "NO_SUCH_CASE" },
      }),
    ]);
  });

  it("writes nothing for a request that never reached the case (no session)", async () => {
    const quiet = await createTestCase(testApp.app.prisma);
    await readCase(quiet.caseId);
    expect(await auditEntriesFor(quiet.caseId)).toEqual([]);
  });
});

function breakGlass(caseId: string, body: unknown, requestHeaders: Record<string, string> = {}) {
  return testApp.app.inject({
    method: "POST",
    url: `/api/staff/cases/${caseId}/break-glass`,
    headers: { origin: "http://localhost:80", host: "localhost:80", ...requestHeaders },
    payload: body as Record<string, unknown>,
  });
}

const REASON = { reasonCode: "COMPLAINT", detail: "Complaint ticket CMP-2026-118" };

describe("POST /api/staff/cases/:caseId/break-glass", () => {
  it("gives an admin the case, read-only, and audits the read with its own action and the reason", async () => {
    const guarded = await createTestCase(testApp.app.prisma, {
      leadId: lead.staff.id,
      status: "allocated",
      fullName: "Bo Breakglass",
    });
    const response = await breakGlass(guarded.caseId, { ...REASON, detail: `  ${REASON.detail} ` }, admin.headers);
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json();
    expect(detail).toMatchObject({ caseId: guarded.caseId, referral: { fullName: "Bo Breakglass" } });
    expect(detail.allowedTransitions).toEqual([]);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(await auditEntriesFor(guarded.caseId)).toEqual([
      {
        action: "CASE_BREAK_GLASS_VIEWED",
        actorId: admin.staff.id,
        caseId: guarded.caseId,
        ipHash: expect.stringMatching(/^[0-9a-f]{16}$/),
        detail: { reasonCode: "COMPLAINT", reason: "Complaint ticket CMP-2026-118" },
      },
    ]);
  });

  it("shows the read in the audit log, filtered by its action", async () => {
    const guarded = await createTestCase(testApp.app.prisma);
    expect((await breakGlass(guarded.caseId, REASON, admin.headers)).statusCode).toBe(200);
    const log = await testApp.app.inject({
      method: "GET",
      url: `/api/staff/audit?action=CASE_BREAK_GLASS_VIEWED&caseId=${guarded.caseId}`,
      headers: admin.headers,
    });
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().entries).toEqual([
      expect.objectContaining({
        action: "CASE_BREAK_GLASS_VIEWED",
        detail: { reasonCode: "COMPLAINT", reason: "Complaint ticket CMP-2026-118" },
      }),
    ]);
  });

  it.each([
    ["no reason at all", {}, ["reasonCode", "detail"]],
    ["a code not on the list", { ...REASON, reasonCode: "CURIOSITY" }, ["reasonCode"]],
    ["too short a detail", { ...REASON, detail: "just look" }, ["detail"]],
    ["a NUL byte in the detail", { ...REASON, detail: "Complaint\u0000CMP-2026-118" }, ["detail"]],
    ["a line break in the detail", { ...REASON, detail: "Complaint\nCMP-2026-118" }, ["detail"]],
    ["an escape character in the detail", { ...REASON, detail: "Complaint \u001b[2J CMP-1" }, ["detail"]],
  ])("refuses %s with a 400 naming the field, and reads and audits nothing", async (_name, body, fields) => {
    const guarded = await createTestCase(testApp.app.prisma, { fullName: "Cy Control" });
    const response = await breakGlass(guarded.caseId, body, admin.headers);
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain("Cy Control");
    const named = response.json().error.fields.map((field: { field: string }) => field.field);
    for (const field of fields) expect(named.some((name: string) => name.endsWith(field))).toBe(true);
    expect(await auditEntriesFor(guarded.caseId)).toEqual([]);
  });

  it("is for admins only: coordinators and leads read cases the ordinary way (403)", async () => {
    const guarded = await createTestCase(testApp.app.prisma, { leadId: lead.staff.id, status: "allocated" });
    expect((await breakGlass(guarded.caseId, REASON, coordinator.headers)).statusCode).toBe(403);
    expect((await breakGlass(guarded.caseId, REASON, lead.headers)).statusCode).toBe(403);
    expect((await breakGlass(guarded.caseId, REASON)).statusCode).toBe(401);
    expect(await auditEntriesFor(guarded.caseId)).toEqual([]);
  });

  it("answers 404 for a case that does not exist", async () => {
    const response = await breakGlass(randomUUID(), REASON, admin.headers);
    expect(response.statusCode).toBe(404);
  });
});
