import { CaseChangedSchema, SuggestionListSchema } from "@psu/domain";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { errorOf } from "../../test/error-body";
import {
  type CreateCaseOptions,
  createSignedInStaff,
  createStaff,
  createTestCase,
  type TestStaff,
} from "../../test/staff-fixtures";

// 10:42 in London (GMT in November).
const START = new Date("2026-11-24T10:42:00Z");
let clock = START;
let coordinator: { staff: TestStaff; headers: Record<string, string> };
let otherCoordinator: { staff: TestStaff; headers: Record<string, string> };
let admin: { staff: TestStaff; headers: Record<string, string> };
let lead: { staff: TestStaff; headers: Record<string, string> };
let otherLead: { staff: TestStaff; headers: Record<string, string> };

const testApp = useTestApp({ now: () => clock });
beforeAll(async () => {
  const app = testApp.app;
  coordinator = await createSignedInStaff(app, { role: "coordinator", name: "Casey Coordinator" });
  otherCoordinator = await createSignedInStaff(app, { role: "coordinator", name: "Corey Coordinator" });
  admin = await createSignedInStaff(app, { role: "admin", name: "Ari Admin" });
  lead = await createSignedInStaff(app, { role: "lead", name: "Sam Spoc", leadKinds: ["spoc"], capacity: 50 });
  otherLead = await createSignedInStaff(app, { role: "lead", name: "Lou Spoc", leadKinds: ["spoc"], capacity: 50 });
});
beforeEach(() => {
  clock = START;
});

type Action = "status" | "notes" | "safety-flag" | "assign" | "first-contact";

async function change(
  caseId: string,
  action: Action,
  as: { headers: Record<string, string> },
  body: object,
  ifMatch: string | null = '"1"',
) {
  const response = await testApp.app.inject({
    method: "POST",
    url: `/api/staff/cases/${caseId}/${action}`,
    headers: { ...as.headers, ...(ifMatch === null ? {} : { "if-match": ifMatch }) },
    payload: body,
  });
  return { status: response.statusCode, body: response.json() as unknown, headers: response.headers };
}

async function readCase(caseId: string) {
  return testApp.app.prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      status: true,
      version: true,
      leadId: true,
      allocatedAt: true,
      triagedAt: true,
      firstContactAt: true,
      resumeTo: true,
      pausedSince: true,
      pauses: true,
      safetyConcern: true,
      outcome: true,
      closedAt: true,
      events: {
        where: { actorType: "staff" },
        orderBy: { id: "asc" },
        select: { actorId: true, kind: true, data: true },
      },
    },
  });
}

async function readAudit(caseId: string) {
  return testApp.app.prisma.auditEntry.findMany({
    where: { caseId },
    orderBy: { id: "asc" },
    select: { actorId: true, action: true, detail: true, ipHash: true },
  });
}

/** A case allocated to `lead` (the signed-in one unless said otherwise). */
function allocatedCase(options: CreateCaseOptions = {}) {
  return createTestCase(testApp.app.prisma, {
    status: "allocated",
    leadId: lead.staff.id,
    triagedAt: START,
    ...options,
  });
}

describe("versions on every case change", () => {
  it("moves a case, bumps the version by one, appends an event and writes an audit entry", async () => {
    const { caseId } = await createTestCase(testApp.app.prisma);
    const response = await change(caseId, "status", coordinator, { to: "triage" });
    expect(response.status).toBe(200);
    expect(CaseChangedSchema.parse(response.body)).toEqual({ caseId, version: 2, status: "triage" });
    expect(response.headers.etag).toBe('"2"');

    const stored = await readCase(caseId);
    expect(stored).toMatchObject({ status: "triage", version: 2, triagedAt: START });
    expect(stored.events).toEqual([
      {
        actorId: coordinator.staff.id,
        kind: "status_changed",
        data: { from: "new", to: "triage", reason: null, outcome: null },
      },
    ]);
    expect(await readAudit(caseId)).toEqual([
      {
        actorId: coordinator.staff.id,
        action: "CASE_STATUS_CHANGED",
        detail: { from: "new", to: "triage", outcome: null, fromVersion: 1, toVersion: 2 },
        ipHash: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    ]);
  });

  it("accepts the version as a bare number too", async () => {
    const { caseId } = await createTestCase(testApp.app.prisma);
    expect((await change(caseId, "status", coordinator, { to: "triage" }, "1")).status).toBe(200);
  });

  it.each<[Action, object]>([
    ["status", { to: "triage" }],
    ["notes", { text: "Called the trainee" }],
    ["safety-flag", { flagged: true, reason: "Mentioned feeling unsafe" }],
    ["assign", { leadId: "00000000-0000-4000-8000-000000000000" }],
    ["first-contact", {}],
  ])("answers %s without If-Match with 428 naming the header, writing nothing", async (action, body) => {
    const { caseId } = await createTestCase(testApp.app.prisma);
    const response = await change(caseId, action, coordinator, body, null);
    expect(response.status).toBe(428);
    expect(errorOf(response.body)).toMatchObject({ code: "PRECONDITION_REQUIRED", message: /If-Match/ });
    expect(await readCase(caseId)).toMatchObject({ version: 1, events: [] });
    expect(await readAudit(caseId)).toEqual([]);
  });

  it.each(["version one", '"one"', 'W/"1"', '"0"', "1, 2"])("answers If-Match: %s with 400", async (ifMatch) => {
    const { caseId } = await createTestCase(testApp.app.prisma);
    const response = await change(caseId, "status", coordinator, { to: "triage" }, ifMatch);
    expect(response.status).toBe(400);
    expect(errorOf(response.body).fields?.map((field) => field.field)).toEqual(["If-Match"]);
    expect((await readCase(caseId)).version).toBe(1);
  });

  it("refuses a stale version with 412 saying who changed what and when, and writes nothing", async () => {
    const { caseId } = await createTestCase(testApp.app.prisma);
    expect((await change(caseId, "assign", coordinator, { leadId: lead.staff.id })).status).toBe(200);
    clock = new Date(START.getTime() + 5 * 60_000);

    const stale = await change(caseId, "status", otherCoordinator, { to: "triage" });
    expect(stale.status).toBe(412);
    expect(errorOf(stale.body)).toEqual({
      code: "PRECONDITION_FAILED",
      message:
        "Casey Coordinator changed this case at 10:42: allocated to Sam Spoc. Reload to see the case as it is now.",
    });
    const stored = await readCase(caseId);
    expect(stored).toMatchObject({ status: "allocated", version: 2, leadId: lead.staff.id });
    expect(stored.events).toHaveLength(1);
    expect((await readAudit(caseId)).map((entry) => entry.action)).toEqual(["CASE_ASSIGNED"]);
  });

  it("names the day as well when the change was not today", async () => {
    // Changed (version 2) since it was submitted on 2 November; the timeline's latest event is that.
    const { caseId } = await createTestCase(testApp.app.prisma, { version: 2 });
    const stale = await change(caseId, "notes", coordinator, { text: "A note" });
    expect(stale.status).toBe(412);
    expect(errorOf(stale.body).message).toBe(
      "The trainee changed this case on 2 November at 09:00: referral received. Reload to see the case as it is now.",
    );
  });

  it("lets exactly one of 20 concurrent assignments based on one version win", async () => {
    const { caseId } = await createTestCase(testApp.app.prisma);
    const leads = [lead, otherLead];
    const coordinators = [coordinator, otherCoordinator];
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        change(caseId, "assign", coordinators[index % 2] ?? coordinator, {
          leadId: (leads[index % 2] ?? lead).staff.id,
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(19);
    for (const loser of responses.filter((response) => response.status === 412)) {
      expect(errorOf(loser.body).message).toMatch(/changed this case at 10:42: allocated to (Sam|Lou) Spoc/);
    }

    const stored = await readCase(caseId);
    expect(stored.version).toBe(2);
    expect(stored.events).toHaveLength(1);
    const winner = CaseChangedSchema.parse(responses.find((response) => response.status === 200)?.body);
    expect(winner).toEqual({ caseId, version: 2, status: "allocated" });
    expect((await readAudit(caseId)).map((entry) => entry.action)).toEqual(["CASE_ASSIGNED"]);
  });
});

describe("need-to-know", () => {
  it.each<[Action, object]>([
    ["status", { to: "first_contact" }],
    ["notes", { text: "Not my case" }],
    ["safety-flag", { flagged: true, reason: "Testing" }],
    ["first-contact", {}],
  ])("gives a lead 404 for %s on another lead's case, whatever the version", async (action, body) => {
    const { caseId } = await allocatedCase({ leadId: otherLead.staff.id });
    for (const ifMatch of ['"1"', '"7"']) {
      const response = await change(caseId, action, lead, body, ifMatch);
      expect(response.status).toBe(404);
      expect(errorOf(response.body).code).toBe("NOT_FOUND");
    }
    expect(await readCase(caseId)).toMatchObject({ version: 1, events: [] });
  });

  it("gives a lead 404 for an unallocated case and for one that does not exist", async () => {
    const { caseId } = await createTestCase(testApp.app.prisma, { status: "triage" });
    const unknown = "00000000-0000-4000-8000-000000000001";
    for (const id of [caseId, unknown]) {
      expect((await change(id, "notes", lead, { text: "Hello" })).status).toBe(404);
    }
  });

  it("lets a lead change their own case", async () => {
    const { caseId } = await allocatedCase();
    const response = await change(caseId, "notes", lead, { text: "Booked a call for Thursday" });
    expect(response.status).toBe(200);
  });

  it.each<[Action, "lead" | "admin", object]>([
    ["assign", "lead", { leadId: "00000000-0000-4000-8000-000000000000" }],
    ["assign", "admin", { leadId: "00000000-0000-4000-8000-000000000000" }],
    ["notes", "admin", { text: "An admin note" }],
    ["safety-flag", "admin", { flagged: true, reason: "Testing" }],
    ["first-contact", "admin", {}],
    ["status", "admin", { to: "triage", reason: "Need the rota" }],
  ])("refuses %s to a %s with 403", async (action, role, body) => {
    const { caseId } = await allocatedCase();
    const response = await change(caseId, action, role === "lead" ? lead : admin, body);
    expect(response.status).toBe(403);
  });
});

describe("POST /api/staff/cases/:caseId/status", () => {
  it("pauses the clock while information is requested and resumes to where the case was", async () => {
    const { caseId } = await allocatedCase();
    const paused = await change(caseId, "status", coordinator, {
      to: "information_requested",
      reason: "Need the rota",
    });
    expect(paused.status).toBe(200);
    expect(await readCase(caseId)).toMatchObject({
      status: "information_requested",
      resumeTo: "allocated",
      pausedSince: START,
      pauses: [],
    });

    // Only back to where it was paused from.
    const wrongWay = await change(caseId, "status", coordinator, { to: "triage" }, '"2"');
    expect(wrongWay.status).toBe(409);
    expect(errorOf(wrongWay.body).message).toMatch(/RESUME_STATUS_MISMATCH/);

    // Minutes, not days: the signed-in sessions would idle out (30 minutes) and be ended.
    const resumedAt = new Date(START.getTime() + 10 * 60_000);
    clock = resumedAt;
    expect((await change(caseId, "status", lead, { to: "allocated" }, '"2"')).status).toBe(200);
    const firstPause = { from: START.toISOString(), to: resumedAt.toISOString() };
    expect(await readCase(caseId)).toMatchObject({
      status: "allocated",
      version: 3,
      resumeTo: null,
      pausedSince: null,
      pauses: [firstPause],
    });

    // A second pause adds to the list.
    expect(
      (await change(caseId, "status", lead, { to: "information_requested", reason: "GP letter" }, '"3"')).status,
    ).toBe(200);
    const endedAt = new Date(resumedAt.getTime() + 10 * 60_000);
    clock = endedAt;
    expect((await change(caseId, "status", coordinator, { to: "allocated" }, '"4"')).status).toBe(200);
    expect((await readCase(caseId)).pauses).toEqual([
      firstPause,
      { from: resumedAt.toISOString(), to: endedAt.toISOString() },
    ]);
  });

  it("needs an outcome to close (400 naming outcome), then records it with the closing time", async () => {
    const { caseId } = await allocatedCase({ status: "in_support", firstContactAt: START });
    const noOutcome = await change(caseId, "status", lead, { to: "closed" });
    expect(noOutcome.status).toBe(400);
    expect(errorOf(noOutcome.body).fields).toEqual([{ field: "outcome", message: expect.any(String) }]);
    expect((await readCase(caseId)).version).toBe(1);

    const closed = await change(caseId, "status", lead, { to: "closed", outcome: "support_completed" });
    expect(closed.status).toBe(200);
    expect(await readCase(caseId)).toMatchObject({
      status: "closed",
      outcome: "support_completed",
      closedAt: START,
    });
  });

  it("needs a reason where the state machine asks for one (400 naming reason)", async () => {
    const { caseId } = await createTestCase(testApp.app.prisma, { status: "triage" });
    const response = await change(caseId, "status", coordinator, { to: "information_requested", reason: "  " });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).fields?.map((field) => field.field)).toEqual(["reason"]);
  });

  it("refuses a move the state machine forbids with 409 carrying the rule's code", async () => {
    const { caseId } = await createTestCase(testApp.app.prisma);
    const skip = await change(caseId, "status", coordinator, { to: "in_support" });
    expect(skip.status).toBe(409);
    expect(errorOf(skip.body)).toEqual({
      code: "CONFLICT",
      message: "A case cannot move from new to in support. (TRANSITION_NOT_ALLOWED)",
    });
    expect((await readCase(caseId)).version).toBe(1);
  });

  it("allocates only by choosing a lead, not by a bare status change", async () => {
    const { caseId } = await createTestCase(testApp.app.prisma, { status: "triage" });
    const response = await change(caseId, "status", coordinator, { to: "allocated" });
    expect(response.status).toBe(409);
    expect(errorOf(response.body).message).toMatch(/choosing a lead/);
  });

  it("lets a lead hand their case back to triage, which frees it from them", async () => {
    const { caseId } = await allocatedCase();
    const response = await change(caseId, "status", lead, { to: "triage", reason: "Going on leave" });
    expect(response.status).toBe(200);
    expect(await readCase(caseId)).toMatchObject({ status: "triage", leadId: null, allocatedAt: null });
  });

  it("lets a coordinator reopen a closed case with a reason, clearing the outcome and the lead", async () => {
    const { caseId } = await allocatedCase({ status: "closed" });
    // Admins no longer work cases (decision record 017): refused before the state machine.
    expect((await change(caseId, "status", admin, { to: "triage", reason: "Closed by mistake" })).status).toBe(403);
    const response = await change(caseId, "status", coordinator, { to: "triage", reason: "Closed by mistake" });
    expect(response.status).toBe(200);
    expect(await readCase(caseId)).toMatchObject({
      status: "triage",
      outcome: null,
      closedAt: null,
      leadId: null,
    });
  });

  it("records a coordinator's withdrawal with the reason on the timeline only", async () => {
    const { caseId } = await createTestCase(testApp.app.prisma, { status: "triage" });
    const response = await change(caseId, "status", coordinator, { to: "withdrawn", reason: "Trainee phoned" });
    expect(response.status).toBe(200);
    const stored = await readCase(caseId);
    expect(stored).toMatchObject({ status: "withdrawn", closedAt: START, outcome: null });
    expect(JSON.stringify(await readAudit(caseId))).not.toContain("Trainee phoned");
  });
});

describe("POST /api/staff/cases/:caseId/notes", () => {
  it("adds the note to the timeline and keeps its text out of the audit log", async () => {
    const { caseId } = await allocatedCase();
    const text = "Trainee prefers calls after 6pm";
    const response = await change(caseId, "notes", coordinator, { text: `  ${text} ` });
    expect(response.status).toBe(200);
    expect(CaseChangedSchema.parse(response.body)).toEqual({ caseId, version: 2, status: "allocated" });
    expect((await readCase(caseId)).events).toEqual([
      { actorId: coordinator.staff.id, kind: "note_added", data: { text } },
    ]);
    const audit = await readAudit(caseId);
    expect(audit.map((entry) => entry.action)).toEqual(["CASE_NOTE_ADDED"]);
    expect(audit[0]?.detail).toEqual({ fromVersion: 1, toVersion: 2 });
    expect(JSON.stringify(audit)).not.toContain("6pm");
  });

  it("names an empty note", async () => {
    const { caseId } = await allocatedCase();
    const response = await change(caseId, "notes", coordinator, { text: "   " });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).fields?.map((field) => field.field)).toEqual(["text"]);
  });
});

describe("POST /api/staff/cases/:caseId/safety-flag", () => {
  it("raises and clears the flag, each with an event and an audit entry", async () => {
    const { caseId } = await allocatedCase();
    const raised = await change(caseId, "safety-flag", lead, { flagged: true, reason: "Spoke of self-harm" });
    expect(raised.status).toBe(200);
    expect(await readCase(caseId)).toMatchObject({ safetyConcern: true, version: 2 });

    const again = await change(caseId, "safety-flag", lead, { flagged: true, reason: "Again" }, '"2"');
    expect(again.status).toBe(409);

    const cleared = await change(caseId, "safety-flag", coordinator, { flagged: false, reason: "Reviewed" }, '"2"');
    expect(cleared.status).toBe(200);
    const stored = await readCase(caseId);
    expect(stored.safetyConcern).toBe(false);
    expect(stored.events.map((event) => event.data)).toEqual([
      { flagged: true, reason: "Spoke of self-harm" },
      { flagged: false, reason: "Reviewed" },
    ]);
    const audit = await readAudit(caseId);
    expect(audit.map((entry) => [entry.action, entry.detail])).toEqual([
      ["CASE_SAFETY_FLAG_CHANGED", { flagged: true, fromVersion: 1, toVersion: 2 }],
      ["CASE_SAFETY_FLAG_CHANGED", { flagged: false, fromVersion: 2, toVersion: 3 }],
    ]);
  });

  it("needs a reason", async () => {
    const { caseId } = await allocatedCase();
    const response = await change(caseId, "safety-flag", coordinator, { flagged: true });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).fields?.map((field) => field.field)).toEqual(["reason"]);
  });
});

describe("POST /api/staff/cases/:caseId/assign", () => {
  it("allocates a new case through triage, stamping the allocation and triage times", async () => {
    const { caseId } = await createTestCase(testApp.app.prisma);
    const response = await change(caseId, "assign", coordinator, { leadId: lead.staff.id });
    expect(response.status).toBe(200);
    expect(CaseChangedSchema.parse(response.body)).toEqual({ caseId, version: 2, status: "allocated" });
    const stored = await readCase(caseId);
    expect(stored).toMatchObject({ status: "allocated", leadId: lead.staff.id, allocatedAt: START, triagedAt: START });
    const assignment = { leadId: lead.staff.id, previousLeadId: null, from: "new", to: "allocated", overrides: [] };
    expect(stored.events).toEqual([{ actorId: coordinator.staff.id, kind: "assigned", data: assignment }]);
    expect((await readAudit(caseId)).map((entry) => [entry.action, entry.detail])).toEqual([
      ["CASE_ASSIGNED", { ...assignment, fromVersion: 1, toVersion: 2 }],
    ]);
  });

  it("re-allocates an allocated case to another lead, keeping its status", async () => {
    const earlier = new Date("2026-11-20T09:00:00Z");
    const { caseId } = await allocatedCase({ allocatedAt: earlier, triagedAt: earlier });
    const response = await change(caseId, "assign", coordinator, { leadId: otherLead.staff.id });
    expect(response.status).toBe(200);
    const stored = await readCase(caseId);
    expect(stored).toMatchObject({ status: "allocated", leadId: otherLead.staff.id, triagedAt: earlier });
    expect(stored.events[0]?.data).toMatchObject({ previousLeadId: lead.staff.id, from: "allocated" });
  });

  it("records the override when the coordinator chooses a lead the suggestions rule out", async () => {
    const full = await createStaff(testApp.app.prisma, { role: "lead", leadKinds: ["spoc"], capacity: 0 });
    const { caseId } = await createTestCase(testApp.app.prisma, { status: "triage" });
    const response = await change(caseId, "assign", coordinator, { leadId: full.id });
    expect(response.status).toBe(200);
    expect((await readCase(caseId)).events[0]?.data).toMatchObject({ overrides: ["AT_CAPACITY"] });
  });

  it("refuses a lead who covers none of the services asked for, and anyone who is not an active lead (422 naming leadId)", async () => {
    const careers = await createStaff(testApp.app.prisma, { role: "lead", leadKinds: ["careers"] });
    const inactive = await createStaff(testApp.app.prisma, { role: "lead", active: false });
    const { caseId } = await createTestCase(testApp.app.prisma, { services: ["spoc", "coaching"] });
    for (const leadId of [careers.id, inactive.id, coordinator.staff.id, "00000000-0000-4000-8000-000000000002"]) {
      const response = await change(caseId, "assign", coordinator, { leadId });
      expect(response.status).toBe(422);
      expect(errorOf(response.body).fields?.map((field) => field.field)).toEqual(["leadId"]);
    }
    expect((await readCase(caseId)).version).toBe(1);
  });

  it("refuses to allocate a case past allocation, or to the lead it already has (409)", async () => {
    const inSupport = await allocatedCase({ status: "in_support" });
    expect((await change(inSupport.caseId, "assign", coordinator, { leadId: otherLead.staff.id })).status).toBe(409);
    const allocated = await allocatedCase();
    expect((await change(allocated.caseId, "assign", coordinator, { leadId: lead.staff.id })).status).toBe(409);
  });
});

describe("POST /api/staff/cases/:caseId/first-contact", () => {
  it("lets the lead record first contact, at the time it was made", async () => {
    const { caseId } = await allocatedCase({ allocatedAt: new Date("2026-11-23T09:00:00Z") });
    const contactedAt = "2026-11-24T09:15:00.000Z";
    const response = await change(caseId, "first-contact", lead, { contactedAt });
    expect(response.status).toBe(200);
    expect(CaseChangedSchema.parse(response.body).status).toBe("first_contact");
    const stored = await readCase(caseId);
    expect(stored).toMatchObject({ status: "first_contact", firstContactAt: new Date(contactedAt) });
    expect(stored.events[0]).toMatchObject({ kind: "first_contact_recorded", data: { contactedAt } });
    expect((await readAudit(caseId)).map((entry) => entry.action)).toEqual(["CASE_FIRST_CONTACT_RECORDED"]);
  });

  it("defaults to now and lets a coordinator record it", async () => {
    const { caseId } = await allocatedCase();
    expect((await change(caseId, "first-contact", coordinator, {})).status).toBe(200);
    expect((await readCase(caseId)).firstContactAt).toEqual(START);
  });

  it.each([
    ["in the future", "2026-11-25T09:00:00.000Z"],
    ["before the allocation", "2026-11-01T09:00:00.000Z"],
  ])("refuses a time %s (400 naming contactedAt)", async (_case, contactedAt) => {
    const { caseId } = await allocatedCase({ allocatedAt: new Date("2026-11-23T09:00:00Z") });
    const response = await change(caseId, "first-contact", lead, { contactedAt });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).fields?.map((field) => field.field)).toEqual(["contactedAt"]);
  });

  it("refuses a case that is not allocated (409)", async () => {
    const { caseId } = await allocatedCase({ status: "first_contact", firstContactAt: START });
    expect((await change(caseId, "first-contact", lead, {})).status).toBe(409);
  });
});

describe("GET /api/staff/cases/:caseId/suggestions", () => {
  async function suggestionsFor(caseId: string, as: { headers: Record<string, string> }) {
    const response = await testApp.app.inject({
      method: "GET",
      url: `/api/staff/cases/${caseId}/suggestions`,
      headers: as.headers,
    });
    return { status: response.statusCode, body: response.json() as unknown };
  }

  it("ranks a covering lead with capacity first and marks a same-Trust lead as a conflict", async () => {
    const prisma = testApp.app.prisma;
    // Dyslexia: a kind no other lead in this file covers, so the ranking here is about these four.
    const free = await createStaff(prisma, { role: "lead", name: "Free Lead", leadKinds: ["dyslexia"], capacity: 4 });
    const busy = await createStaff(prisma, { role: "lead", name: "Busy Lead", leadKinds: ["dyslexia"], capacity: 1 });
    const conflicted = await createStaff(prisma, {
      role: "lead",
      name: "Aaron Conflicted",
      leadKinds: ["dyslexia"],
      capacity: 10,
      affiliations: ["St Elsewhere’s Hospital NHS Trust"],
    });
    await createStaff(prisma, { role: "lead", name: "Off Duty", leadKinds: ["dyslexia"], capacity: 10, active: false });
    await createTestCase(prisma, { status: "in_support", leadId: busy.id });
    const { caseId } = await createTestCase(prisma, {
      services: ["dyslexia", "coaching"],
      employer: "St Elsewhere's Hospital NHS Trust",
    });

    const response = await suggestionsFor(caseId, coordinator);
    expect(response.status).toBe(200);
    const { suggestions } = SuggestionListSchema.parse(response.body);
    expect(suggestions[0]).toMatchObject({ leadId: free.id, eligible: true });
    expect(suggestions[0]?.reasons.map((reason) => reason.code)).toEqual(["COVERS_SERVICE", "HAS_CAPACITY"]);
    const conflict = suggestions.find((suggestion) => suggestion.leadId === conflicted.id);
    expect(conflict?.eligible).toBe(false);
    expect(conflict?.reasons.map((reason) => reason.code)).toContain("CONFLICT_SAME_TRUST");
    const atCapacity = suggestions.find((suggestion) => suggestion.leadId === busy.id);
    expect(atCapacity?.reasons.map((reason) => reason.code)).toContain("AT_CAPACITY");
    expect(suggestions.some((suggestion) => suggestion.name === "Off Duty")).toBe(false);
    expect((await readAudit(caseId)).map((entry) => entry.action)).toEqual(["CASE_SUGGESTIONS_VIEWED"]);
  });

  it("puts the trainee's previous lead first among eligible leads", async () => {
    const prisma = testApp.app.prisma;
    const email = "returning.trainee@example.com";
    const earlier = await createTestCase(prisma, { email, services: ["ist"] });
    const previous = await createStaff(prisma, { role: "lead", leadKinds: ["ist"], capacity: 100 });
    await createStaff(prisma, { role: "lead", leadKinds: ["ist"], capacity: 1 });
    expect((await change(earlier.caseId, "assign", coordinator, { leadId: previous.id })).status).toBe(200);
    const { caseId } = await createTestCase(prisma, { email, services: ["ist"] });
    const { suggestions } = SuggestionListSchema.parse((await suggestionsFor(caseId, coordinator)).body);
    expect(suggestions[0]?.leadId).toBe(previous.id);
    expect(suggestions[0]?.reasons.map((reason) => reason.code)).toContain("PREVIOUS_LEAD");
  });

  it("is for coordinators only, and 404s an unknown case", async () => {
    const { caseId } = await allocatedCase();
    expect((await suggestionsFor(caseId, coordinator)).status).toBe(200);
    expect((await suggestionsFor(caseId, admin)).status).toBe(403);
    expect((await suggestionsFor(caseId, lead)).status).toBe(403);
    expect((await suggestionsFor("00000000-0000-4000-8000-000000000003", coordinator)).status).toBe(404);
  });
});
