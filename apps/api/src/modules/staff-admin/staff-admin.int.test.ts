import { StaffMemberListSchema, StaffMemberSchema } from "@psu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { errorOf } from "../../test/error-body";
import {
  createSignedInStaff,
  createSignedInTeam,
  createStaff,
  createTestCase,
  type SignedInStaff,
  TEST_STAFF_PASSWORD,
} from "../../test/staff-fixtures";

const NOW = new Date("2026-11-24T10:00:00Z");
let admin: SignedInStaff;
let coordinator: SignedInStaff;
let lead: SignedInStaff;

const testApp = useTestApp({ now: () => NOW });
beforeAll(async () => {
  ({ admin, coordinator, lead } = await createSignedInTeam(testApp.app, { leadKinds: ["spoc"], capacity: 5 }));
});

type Method = "GET" | "POST" | "PATCH" | "DELETE";

// Every response body this file sees, to check afterwards that none carries a password hash.
const bodiesSeen: string[] = [];

async function call(method: Method, url: string, headers: Record<string, string>, payload?: object) {
  const response = await testApp.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  bodiesSeen.push(response.body);
  return { status: response.statusCode, body: response.json() as unknown };
}

function newMember(overrides: object = {}) {
  return {
    name: "Nia New",
    email: `nia.${Math.random().toString(36).slice(2, 10)}@psu.example`,
    role: "lead",
    leadKinds: ["coaching"],
    capacity: 6,
    affiliations: ["Example NHS Foundation Trust"],
    ...overrides,
  };
}

async function auditOf(action: string) {
  return testApp.app.prisma.auditEntry.findMany({
    where: { action },
    orderBy: { id: "asc" },
    select: { actorId: true, detail: true },
  });
}

describe("GET /api/staff/members", () => {
  it("lists staff for admins and coordinators, with open case counts", async () => {
    await createTestCase(testApp.app.prisma, { status: "allocated", leadId: lead.staff.id });
    await createTestCase(testApp.app.prisma, { status: "closed", leadId: lead.staff.id });
    for (const as of [admin, coordinator]) {
      const response = await call("GET", "/api/staff/members", as.headers);
      expect(response.status).toBe(200);
      const { members } = StaffMemberListSchema.parse(response.body);
      expect(members.find((member) => member.id === lead.staff.id)).toMatchObject({
        role: "lead",
        leadKinds: ["spoc"],
        capacity: 5,
        openCaseCount: 1,
        leave: [],
      });
    }
  });

  it("is refused to leads (403) and to anyone signed out (401)", async () => {
    expect((await call("GET", "/api/staff/members", lead.headers)).status).toBe(403);
    expect((await call("GET", "/api/staff/members", {})).status).toBe(401);
  });
});

describe("POST /api/staff/members", () => {
  it("adds a member with no password and emails them an invitation to choose one, and audits both", async () => {
    const request = newMember();
    const response = await call("POST", "/api/staff/members", admin.headers, request);
    expect(response.status).toBe(201);
    const created = StaffMemberSchema.parse(response.body);
    expect(created).toMatchObject({
      name: "Nia New",
      email: request.email,
      role: "lead",
      active: true,
      leadKinds: ["coaching"],
      capacity: 6,
      openCaseCount: 0,
      invitation: { sentAt: NOW.toISOString(), expiresAt: new Date(NOW.getTime() + 72 * 3_600_000).toISOString() },
    });
    const stored = await testApp.app.prisma.staffMember.findUniqueOrThrow({
      where: { id: created.id },
      select: { passwordHash: true, tokens: { select: { purpose: true, tokenHash: true } } },
    });
    expect(stored.passwordHash).toBeNull();
    expect(stored.tokens).toEqual([{ purpose: "invitation", tokenHash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    const emails = await testApp.app.prisma.outboxMessage.findMany({
      where: { recipient: request.email },
      select: { kind: true, payload: true },
    });
    expect(emails).toEqual([
      { kind: "staff_invitation", payload: { link: expect.stringMatching(/\/staff\/invitation#[\w-]{43}$/) } },
    ]);
    // The stored hash is not the token in the link.
    expect(JSON.stringify(emails)).not.toContain(stored.tokens[0]?.tokenHash);
    expect((await auditOf("STAFF_INVITATION_SENT")).map((entry) => entry.detail)).toContainEqual({
      staffId: created.id,
    });

    const audit = (await auditOf("STAFF_CREATED")).find((entry) => JSON.stringify(entry.detail).includes(created.id));
    expect(audit).toEqual({
      actorId: admin.staff.id,
      detail: { staffId: created.id, role: "lead", leadKinds: ["coaching"], capacity: 6 },
    });
  });

  it("refuses an email address already in use, whatever its case (409 naming email)", async () => {
    const request = newMember();
    expect((await call("POST", "/api/staff/members", admin.headers, request)).status).toBe(201);
    const again = await call("POST", "/api/staff/members", admin.headers, {
      ...request,
      email: request.email.toUpperCase(),
    });
    expect(again.status).toBe(409);
    expect(errorOf(again.body).fields?.map((field) => field.field)).toEqual(["email"]);
  });

  it("refuses services and capacity for anyone but a lead (400)", async () => {
    const response = await call(
      "POST",
      "/api/staff/members",
      admin.headers,
      newMember({ role: "coordinator", leadKinds: ["spoc"], capacity: 0 }),
    );
    expect(response.status).toBe(400);
    expect(errorOf(response.body).fields?.map((field) => field.field)).toEqual(["leadKinds"]);
  });

  it("never sets a password an admin sends along", async () => {
    const response = await call(
      "POST",
      "/api/staff/members",
      admin.headers,
      newMember({ password: "chosen by the admin 2026" }),
    );
    expect(response.status).toBe(201);
    const { id } = StaffMemberSchema.parse(response.body);
    const stored = await testApp.app.prisma.staffMember.findUniqueOrThrow({
      where: { id },
      select: { passwordHash: true },
    });
    expect(stored.passwordHash).toBeNull();
  });

  it("is for admins only", async () => {
    for (const as of [coordinator, lead]) {
      expect((await call("POST", "/api/staff/members", as.headers, newMember())).status).toBe(403);
    }
  });
});

describe("PATCH /api/staff/members/:id", () => {
  it("changes what a lead covers and their capacity, auditing the fields but not the Trusts", async () => {
    const member = await createStaff(testApp.app.prisma, { role: "lead" });
    const response = await call("PATCH", `/api/staff/members/${member.id}`, admin.headers, {
      leadKinds: ["spoc", "ist"],
      capacity: 12,
      affiliations: ["Kent Community Health NHS Foundation Trust"],
    });
    expect(response.status).toBe(200);
    expect(StaffMemberSchema.parse(response.body)).toMatchObject({
      leadKinds: ["spoc", "ist"],
      capacity: 12,
      affiliations: ["Kent Community Health NHS Foundation Trust"],
    });
    const audit = (await auditOf("STAFF_UPDATED")).find((entry) => JSON.stringify(entry.detail).includes(member.id));
    expect(audit?.detail).toEqual({
      staffId: member.id,
      fields: ["leadKinds", "capacity", "affiliations"],
      leadKinds: ["spoc", "ist"],
      capacity: 12,
    });
  });

  it("signs a deactivated member out everywhere at once", async () => {
    const member = await createSignedInStaff(testApp.app, { role: "lead" });
    const me = () => testApp.app.inject({ method: "GET", url: "/api/auth/me", headers: member.headers });
    expect((await me()).statusCode).toBe(200);
    const response = await call("PATCH", `/api/staff/members/${member.staff.id}`, admin.headers, { active: false });
    expect(response.status).toBe(200);
    expect(StaffMemberSchema.parse(response.body).active).toBe(false);
    expect(await testApp.app.prisma.staffSession.count({ where: { staffId: member.staff.id } })).toBe(0);
    expect((await me()).statusCode).toBe(401);
  });

  it("does not let an admin deactivate themselves (409)", async () => {
    const response = await call("PATCH", `/api/staff/members/${admin.staff.id}`, admin.headers, { active: false });
    expect(response.status).toBe(409);
    expect((await call("GET", "/api/staff/members", admin.headers)).status).toBe(200);
  });

  it("answers an unknown member with 404 and an empty change with 400", async () => {
    const unknown = await call("PATCH", "/api/staff/members/00000000-0000-4000-8000-000000000000", admin.headers, {
      capacity: 3,
    });
    expect(unknown.status).toBe(404);
    expect((await call("PATCH", `/api/staff/members/${lead.staff.id}`, admin.headers, {})).status).toBe(400);
  });

  it("is for admins only", async () => {
    const response = await call("PATCH", `/api/staff/members/${lead.staff.id}`, coordinator.headers, { capacity: 50 });
    expect(response.status).toBe(403);
  });
});

describe("leave", () => {
  it("adds and removes a lead's leave, auditing both", async () => {
    const member = await createStaff(testApp.app.prisma, { role: "lead" });
    const added = await call("POST", `/api/staff/members/${member.id}/leave`, admin.headers, {
      fromDay: "2026-12-21",
      toDay: "2027-01-02",
    });
    expect(added.status).toBe(201);
    const [leave] = StaffMemberSchema.parse(added.body).leave;
    expect(leave).toMatchObject({ fromDay: "2026-12-21", toDay: "2027-01-02" });
    if (!leave) throw new Error("no leave");

    const removed = await call("DELETE", `/api/staff/members/${member.id}/leave/${leave.id}`, admin.headers);
    expect(removed.status).toBe(200);
    expect(StaffMemberSchema.parse(removed.body).leave).toEqual([]);
    expect((await call("DELETE", `/api/staff/members/${member.id}/leave/${leave.id}`, admin.headers)).status).toBe(404);

    const entries = [...(await auditOf("LEAVE_ADDED")), ...(await auditOf("LEAVE_REMOVED"))].filter((entry) =>
      JSON.stringify(entry.detail).includes(leave.id),
    );
    expect(entries.map((entry) => entry.detail)).toEqual([
      { staffId: member.id, leaveId: leave.id, fromDay: "2026-12-21", toDay: "2027-01-02" },
      { staffId: member.id, leaveId: leave.id },
    ]);
  });

  it("takes leave out of the lead suggestions while it lasts", async () => {
    const member = await createStaff(testApp.app.prisma, { role: "lead", leadKinds: ["careers"], capacity: 3 });
    await call("POST", `/api/staff/members/${member.id}/leave`, admin.headers, {
      fromDay: "2026-11-23",
      toDay: "2026-11-27",
    });
    const { caseId } = await createTestCase(testApp.app.prisma, { services: ["careers"] });
    const response = await testApp.app.inject({
      method: "GET",
      url: `/api/staff/cases/${caseId}/suggestions`,
      headers: coordinator.headers,
    });
    const suggestion = response
      .json()
      .suggestions.find((candidate: { leadId: string }) => candidate.leadId === member.id);
    expect(suggestion).toMatchObject({
      eligible: false,
      reasons: expect.arrayContaining([expect.objectContaining({ code: "ON_LEAVE" })]),
    });
  });

  it("names a last day before the first", async () => {
    const response = await call("POST", `/api/staff/members/${lead.staff.id}/leave`, admin.headers, {
      fromDay: "2026-12-10",
      toDay: "2026-12-01",
    });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).fields?.map((field) => field.field)).toEqual(["toDay"]);
  });

  it("records leave for leads only (409), and only admins record it", async () => {
    const days = { fromDay: "2026-12-01", toDay: "2026-12-02" };
    expect((await call("POST", `/api/staff/members/${coordinator.staff.id}/leave`, admin.headers, days)).status).toBe(
      409,
    );
    expect((await call("POST", `/api/staff/members/${lead.staff.id}/leave`, coordinator.headers, days)).status).toBe(
      403,
    );
    expect((await call("POST", `/api/staff/members/${lead.staff.id}/leave`, lead.headers, days)).status).toBe(403);
  });
});

describe("what staff admin answers never holds", () => {
  it("has no password hash in any response this file saw", () => {
    expect(bodiesSeen.length).toBeGreaterThan(20);
    for (const body of bodiesSeen) {
      expect(body).not.toMatch(/argon2|passwordHash|password_hash/i);
      expect(body).not.toContain(TEST_STAFF_PASSWORD);
    }
  });
});
