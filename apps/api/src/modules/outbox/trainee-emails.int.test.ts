import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { createSignedInStaff, createTestCase, type TestStaff } from "../../test/staff-fixtures";
import { renderEmail } from "./email-templates";

// The trainee hears about each step of their case that concerns them (allocated, information
// requested, closed, withdrawn): one email per event, queued in the same transaction as the
// change, holding the reference and nothing of the case.

const NOW = new Date("2026-11-24T10:42:00Z");
const SECRET_STORY = "Canary story: the rota broke me";
const SECRET_REASON = "Canary reason: ask about the sick note";
let coordinator: { staff: TestStaff; headers: Record<string, string> };
let lead: { staff: TestStaff; headers: Record<string, string> };

const testApp = useTestApp({ now: () => NOW });
beforeAll(async () => {
  coordinator = await createSignedInStaff(testApp.app, { role: "coordinator", name: "Casey Coordinator" });
  lead = await createSignedInStaff(testApp.app, { role: "lead", name: "Sam Spoc", leadKinds: ["spoc"], capacity: 50 });
});

async function post(caseId: string, action: string, version: number, body: object) {
  const response = await testApp.app.inject({
    method: "POST",
    url: `/api/staff/cases/${caseId}/${action}`,
    headers: { ...coordinator.headers, "if-match": `"${version}"` },
    payload: body,
  });
  return response.statusCode;
}

async function emailsTo(recipient: string) {
  return testApp.app.prisma.outboxMessage.findMany({
    where: { recipient },
    orderBy: { id: "asc" },
    select: { kind: true, payload: true },
  });
}

async function newCase(options: Parameters<typeof createTestCase>[1] = {}) {
  const created = await createTestCase(testApp.app.prisma, { fullName: "Canary Trainee-Name", ...options });
  await testApp.app.prisma.referral.update({
    where: { id: created.referralId },
    data: { whatIsHappening: SECRET_STORY, employer: "Canary Employer Trust" },
  });
  return created;
}

describe("emails to the trainee at each step", () => {
  it("sends one email per step that concerns them, and none for the others", async () => {
    const trainee = await newCase();
    expect(await post(trainee.caseId, "assign", 1, { leadId: lead.staff.id })).toBe(200); // -> allocated (v2)
    expect(await post(trainee.caseId, "status", 2, { to: "information_requested", reason: SECRET_REASON })).toBe(200);
    expect(await post(trainee.caseId, "status", 3, { to: "allocated" })).toBe(200); // resumed: no email
    expect(await post(trainee.caseId, "first-contact", 4, {})).toBe(200); // no email
    expect(await post(trainee.caseId, "notes", 5, { text: "A note" })).toBe(200); // no email
    expect(await post(trainee.caseId, "status", 6, { to: "in_support" })).toBe(200); // no email
    expect(await post(trainee.caseId, "status", 7, { to: "closed", outcome: "support_completed" })).toBe(200);

    const emails = await emailsTo(trainee.email);
    expect(emails.map((email) => email.kind)).toEqual([
      "referral_allocated",
      "information_requested",
      "referral_closed",
    ]);
    for (const email of emails) expect(email.payload).toEqual({ reference: trainee.reference });
  });

  it("queues one email when many coordinators allocate at once", async () => {
    const trainee = await newCase();
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () => post(trainee.caseId, "assign", 1, { leadId: lead.staff.id })),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect((await emailsTo(trainee.email)).map((email) => email.kind)).toEqual(["referral_allocated"]);
  });

  it("sends nothing for a change that is refused", async () => {
    const trainee = await newCase({ status: "triage" });
    expect(await post(trainee.caseId, "status", 1, { to: "closed" })).toBe(400); // outcome required
    expect(await post(trainee.caseId, "status", 7, { to: "closed", outcome: "no_response" })).toBe(412);
    expect(await emailsTo(trainee.email)).toEqual([]);
  });

  it("confirms a withdrawal by the trainee, once", async () => {
    const trainee = await newCase();
    const withdraw = () =>
      testApp.app.inject({
        method: "POST",
        url: "/api/referral-status/withdraw",
        payload: { reference: trainee.reference, email: trainee.email.toUpperCase(), reason: SECRET_REASON },
      });
    expect((await withdraw()).statusCode).toBe(200);
    expect((await withdraw()).statusCode).toBe(409);
    const emails = await emailsTo(trainee.email);
    expect(emails).toEqual([{ kind: "referral_withdrawn", payload: { reference: trainee.reference } }]);
  });

  it("sends nothing to a referral without an address", async () => {
    const trainee = await newCase();
    await testApp.app.prisma.referral.update({ where: { id: trainee.referralId }, data: { email: null } });
    expect(await post(trainee.caseId, "assign", 1, { leadId: lead.staff.id })).toBe(200);
    expect(
      await testApp.app.prisma.outboxMessage.count({
        where: { payload: { equals: { reference: trainee.reference } } },
      }),
    ).toBe(0);
  });

  it("words every email with the reference and crisis lines, and nothing of the case", async () => {
    for (const kind of ["referral_allocated", "information_requested", "referral_closed", "referral_withdrawn"]) {
      const { subject, text } = renderEmail(kind, { reference: "PSU-7K3F-9QX4" });
      const whole = `${subject}\n${text}`;
      expect(whole).toContain("PSU-7K3F-9QX4");
      expect(text).toContain("call 0300 131 7000 (7am to 11pm)");
      for (const secret of ["Canary", "Sam Spoc", "sick note", "Employer Trust"]) expect(whole).not.toContain(secret);
    }
  });
});
