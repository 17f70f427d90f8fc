import { buildExampleSubmission } from "@psu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { createSignedInStaff, createTestCase, type TestCase, type TestStaff } from "../../test/staff-fixtures";
import { CASE_COLUMNS, REFERRAL_COLUMNS } from "./personal-data";

const NOW = new Date("2026-11-24T09:00:00Z");
let admin: { staff: TestStaff; headers: Record<string, string> };
let coordinator: { staff: TestStaff; headers: Record<string, string> };
let lead: { staff: TestStaff; headers: Record<string, string> };
let firstReferral: TestCase;
let secondReferral: TestCase;
let otherTrainee: TestCase;

const TRAINEE_EMAIL = "jo.bloggs@example.com";

const testApp = useTestApp({ now: () => NOW });
beforeAll(async () => {
  const prisma = testApp.app.prisma;
  admin = await createSignedInStaff(testApp.app, { role: "admin", name: "Ada Admin" });
  coordinator = await createSignedInStaff(testApp.app, { role: "coordinator", name: "Casey Coordinator" });
  lead = await createSignedInStaff(testApp.app, { role: "lead", name: "Sam Spoc" });
  firstReferral = await createTestCase(prisma, {
    fullName: "Jo Bloggs",
    email: TRAINEE_EMAIL,
    status: "closed",
    openedAt: new Date("2025-01-10T10:00:00Z"),
  });
  secondReferral = await createTestCase(prisma, {
    fullName: "Jo Bloggs",
    email: TRAINEE_EMAIL,
    status: "allocated",
    leadId: lead.staff.id,
    openedAt: new Date("2026-10-01T10:00:00Z"),
  });
  otherTrainee = await createTestCase(prisma, { fullName: "Pat Other", email: "pat.other@example.com" });
  await prisma.outboxMessage.create({
    data: {
      kind: "referral_received",
      recipient: TRAINEE_EMAIL,
      payload: { reference: secondReferral.reference, triageDueOn: "2026-10-03" },
      createdAt: new Date("2026-10-01T10:00:00Z"),
    },
  });
  await prisma.outboxMessage.create({
    data: {
      kind: "referral_received",
      recipient: "pat.other@example.com",
      payload: { reference: otherTrainee.reference },
    },
  });
  // A note and a read, through the API, so the export shows them as they are really written.
  const version = (await prisma.case.findUniqueOrThrow({ where: { id: secondReferral.caseId } })).version;
  const note = await testApp.app.inject({
    method: "POST",
    url: `/api/staff/cases/${secondReferral.caseId}/notes`,
    headers: { ...coordinator.headers, "if-match": `"${version}"` },
    payload: { text: "Called Jo, will call back Tuesday." },
  });
  expect(note.statusCode).toBeLessThan(300);
  await testApp.app.inject({ method: "GET", url: `/api/staff/cases/${secondReferral.caseId}`, headers: lead.headers });
  await testApp.app.inject({ method: "GET", url: `/api/staff/cases/${otherTrainee.caseId}`, headers: lead.headers });
});

const exportFor = (body: object, headers = admin.headers) =>
  testApp.app.inject({ method: "POST", url: "/api/staff/data-protection/subject-access", headers, payload: body });
const erase = (body: object, headers = admin.headers) =>
  testApp.app.inject({ method: "POST", url: "/api/staff/data-protection/erasure", headers, payload: body });

describe("POST /api/staff/data-protection/subject-access", () => {
  it("exports everything held about the trainee, as an attachment, and nothing about anyone else", async () => {
    const response = await exportFor({ email: "Jo.Bloggs@Example.com" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toBe('attachment; filename="subject-access-2026-11-24.json"');
    expect(response.headers["cache-control"]).toBe("no-store");
    const document = response.json();
    expect(document.exportedAt).toBe(NOW.toISOString());
    expect(document.referrals.map((referral: { reference: string }) => referral.reference)).toEqual([
      firstReferral.reference,
      secondReferral.reference,
    ]);
    const [first, second] = document.referrals;
    // Every column the personal-data registry lists, for the referral and its case.
    expect(Object.keys(first.referral).sort()).toEqual(Object.keys(REFERRAL_COLUMNS.columns).sort());
    expect(Object.keys(first.case.columns).sort()).toEqual(Object.keys(CASE_COLUMNS.columns).sort());
    expect(first.reference).toBe(firstReferral.reference);
    expect(first.referral).toMatchObject({
      reference: firstReferral.reference,
      submittedAt: "2025-01-10T10:00:00.000Z",
      channel: "online",
      anonymisedAt: null,
      eligibility: buildExampleSubmission().eligibility,
      verdict: { eligible: true, reasons: [], signposts: [] },
      region: "london",
      profession: "doctor_or_dentist",
      services: ["spoc"],
      fullName: "Jo Bloggs",
      email: TRAINEE_EMAIL,
      phone: "07700 900000",
      preferredContact: "email",
      safeContactTimes: null,
      registerName: "GMC",
      registrationNumber: "1234567",
      programme: "General Practice",
      grade: "ST2",
      employer: "Example NHS Foundation Trust",
      workPattern: "full_time",
      whatIsHappening: "A test referral.",
      whatHasBeenTried: null,
      whatWouldHelp: null,
      howSoon: "soon_within_a_month",
      accessNeeds: null,
      consentsToSupervisorContact: false,
    });
    expect(first.case).toMatchObject({
      columns: {
        status: "closed",
        urgency: "soon_within_a_month",
        openedAt: "2025-01-10T10:00:00.000Z",
        closedAt: "2025-01-10T10:00:00.000Z",
        outcome: "support_completed",
        safetyConcern: false,
      },
      lead: null,
      timeline: [
        { at: "2025-01-10T10:00:00.000Z", kind: "referral_submitted", by: "trainee", data: { status: "new" } },
      ],
      accessLog: [],
    });
    expect(first.emails).toEqual([]);
    expect(second.case.lead).toBe("Sam Spoc");
    expect(second.case.timeline).toEqual([
      { at: "2026-10-01T10:00:00.000Z", kind: "referral_submitted", by: "trainee", data: { status: "new" } },
      {
        at: NOW.toISOString(),
        kind: "note_added",
        by: "Casey Coordinator",
        data: { text: "Called Jo, will call back Tuesday." },
      },
    ]);
    expect(second.case.accessLog.map((entry: { action: string; by: string }) => [entry.action, entry.by])).toEqual([
      ["CASE_NOTE_ADDED", "Casey Coordinator"],
      ["CASE_VIEWED", "Sam Spoc"],
    ]);
    expect(second.emails).toEqual([
      {
        kind: "referral_received",
        to: TRAINEE_EMAIL,
        queuedAt: "2026-10-01T10:00:00.000Z",
        sentAt: null,
        content: { reference: secondReferral.reference, triageDueOn: "2026-10-03" },
      },
    ]);
    expect(response.body).not.toContain("Pat Other");
    expect(response.body).not.toContain("pat.other@example.com");
    expect(response.body).not.toContain(otherTrainee.reference);

    const audit = await testApp.app.prisma.auditEntry.findFirstOrThrow({
      where: { action: "SUBJECT_ACCESS_EXPORTED" },
    });
    expect(audit.actorId).toBe(admin.staff.id);
    expect(audit.detail).toEqual({ caseIds: [firstReferral.caseId, secondReferral.caseId], drafts: 0, by: "email" });
    expect(JSON.stringify(audit.detail)).not.toContain("bloggs");
  });

  it("finds one referral by its reference", async () => {
    const response = await exportFor({ reference: otherTrainee.reference.toLowerCase() });
    expect(response.statusCode).toBe(200);
    expect(response.json().referrals.map((referral: { reference: string }) => referral.reference)).toEqual([
      otherTrainee.reference,
    ]);
  });

  it("answers 404 with a plain message when nothing is held, and 400 naming the field for a bad email", async () => {
    const missing = await exportFor({ email: "nobody@example.com" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe("We hold no referral or saved answers for that trainee.");
    const bad = await exportFor({ email: "not-an-email" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toContain("not-an-email");
  });

  it("is for admins only", async () => {
    expect((await exportFor({ email: TRAINEE_EMAIL }, coordinator.headers)).statusCode).toBe(403);
    expect((await exportFor({ email: TRAINEE_EMAIL }, lead.headers)).statusCode).toBe(403);
  });
});

describe("POST /api/staff/data-protection/erasure", () => {
  it("previews what will be removed", async () => {
    const response = await testApp.app.inject({
      method: "POST",
      url: "/api/staff/data-protection/erasure/preview",
      headers: admin.headers,
      payload: { reference: secondReferral.reference },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      reference: secondReferral.reference,
      submittedAt: "2026-10-01T10:00:00.000Z",
      status: "allocated",
      alreadyErased: false,
      timelineEvents: 2,
    });
  });

  it("refuses a reason that is not one of the codes, and a ticket that is not a ticket number, naming each", async () => {
    const response = await erase({
      reference: secondReferral.reference,
      reason: "Jo rang on 3 Nov",
      ticket: "Jo Bloggs jo.bloggs@example.com",
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .error.fields.map((field: { field: string }) => field.field)
        .sort(),
    ).toEqual(["reason", "ticket"]);
    expect(response.body).not.toContain("bloggs");
  });

  it("withdraws an open case, then anonymises it, once, even when two admins erase at the same time", async () => {
    const prisma = testApp.app.prisma;
    const before = await prisma.case.findUniqueOrThrow({ where: { id: secondReferral.caseId } });
    const body = { reference: secondReferral.reference, reason: "trainee_request", ticket: "DPR-2026/114" };
    const responses = await Promise.all([erase(body), erase(body)]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const ok = responses.find((response) => response.statusCode === 200);
    expect(ok?.json()).toEqual({ reference: secondReferral.reference, erasedAt: NOW.toISOString(), withdrawn: true });

    const after = await prisma.case.findUniqueOrThrow({ where: { id: secondReferral.caseId } });
    expect(after).toMatchObject({ status: "withdrawn", version: before.version + 1, closedAt: NOW });
    const events = await prisma.caseEvent.findMany({
      where: { caseId: secondReferral.caseId },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => [event.kind, event.data])).toEqual([
      ["referral_submitted", { status: "new" }],
      ["note_added", {}],
      ["status_changed", { from: "allocated", to: "withdrawn", outcome: null }],
    ]);
    const referral = await prisma.referral.findUniqueOrThrow({ where: { reference: secondReferral.reference } });
    expect(referral).toMatchObject({ fullName: "", email: null, anonymisedReason: "erasure", anonymisedAt: NOW });
    expect(await prisma.outboxMessage.count({ where: { recipient: TRAINEE_EMAIL } })).toBe(0);
    const audits = await prisma.auditEntry.findMany({ where: { action: "DATA_ERASED" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: admin.staff.id,
      caseId: secondReferral.caseId,
      detail: { reason: "trainee_request", ticket: "DPR-2026/114", withdrewFrom: "allocated", draftsDeleted: 0 },
    });

    // The other referral of the same trainee and the other trainee are untouched.
    const first = await prisma.referral.findUniqueOrThrow({ where: { reference: firstReferral.reference } });
    expect(first.email).toBe(TRAINEE_EMAIL);
    const other = await prisma.referral.findUniqueOrThrow({ where: { reference: otherTrainee.reference } });
    expect(other.fullName).toBe("Pat Other");
    expect(await prisma.outboxMessage.count({ where: { recipient: "pat.other@example.com" } })).toBe(1);
  });

  it("erases a closed case without changing its status", async () => {
    const response = await erase({ reference: firstReferral.reference, reason: "consent_withdrawn", ticket: "42" });
    expect(response.statusCode).toBe(200);
    expect(response.json().withdrawn).toBe(false);
    const after = await testApp.app.prisma.case.findUniqueOrThrow({ where: { id: firstReferral.caseId } });
    expect(after.status).toBe("closed");
    expect((await exportFor({ email: TRAINEE_EMAIL })).statusCode).toBe(404);
  });

  it("answers 404 for an unknown reference and 403 to coordinators and leads", async () => {
    const missing = { reference: "PSU-ZZZZ-ZZZZ", reason: "trainee_request", ticket: "7" };
    expect((await erase(missing)).statusCode).toBe(404);
    const body = { reference: otherTrainee.reference, reason: "trainee_request", ticket: "7" };
    expect((await erase(body, coordinator.headers)).statusCode).toBe(403);
    expect((await erase(body, lead.headers)).statusCode).toBe(403);
  });
});
