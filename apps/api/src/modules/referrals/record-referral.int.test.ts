import {
  buildExampleRecordedReferral,
  CaseDetailSchema,
  ErrorBodySchema,
  QueuePageSchema,
  RecordedReferralSchema,
  type RecordReferralInput,
  ReportSummarySchema,
} from "@psu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { buildSubmission, newIdempotencyKey } from "../../test/referral-fixtures";
import { createSignedInStaff, type TestStaff } from "../../test/staff-fixtures";
import { countReferrals } from "./referrals.repository";

// Tuesday 24 November 2026, 10:00 in London: triage is due two working days later.
const NOW = new Date("2026-11-24T10:00:00Z");

let coordinator: { staff: TestStaff; headers: Record<string, string> };
let admin: { staff: TestStaff; headers: Record<string, string> };
let lead: { staff: TestStaff; headers: Record<string, string> };

const testApp = useTestApp({ now: () => NOW });
beforeAll(async () => {
  coordinator = await createSignedInStaff(testApp.app, { role: "coordinator", name: "Cora Coordinator" });
  admin = await createSignedInStaff(testApp.app, { role: "admin" });
  lead = await createSignedInStaff(testApp.app, { role: "lead" });
});

/** A phoned-in referral from an eligible doctor, without an email address; override parts per test. */
function buildRecordRequest(overrides: Partial<RecordReferralInput> = {}): RecordReferralInput {
  return { ...buildExampleRecordedReferral({ personalEmail: "Alex.Example@example.com" }), ...overrides };
}

function record(body: unknown, options: { headers?: Record<string, string>; key?: string | null } = {}) {
  const key = options.key === undefined ? newIdempotencyKey() : options.key;
  return testApp.app.inject({
    method: "POST",
    url: "/api/staff/referrals",
    headers: { ...(options.headers ?? coordinator.headers), ...(key === null ? {} : { "idempotency-key": key }) },
    payload: body as object,
  });
}

async function emailsFor(reference: string) {
  return testApp.app.prisma.outboxMessage.findMany({
    where: { payload: { path: ["reference"], equals: reference } },
    select: { kind: true, recipient: true, payload: true },
  });
}

describe("POST /api/staff/referrals", () => {
  it("records a phoned-in referral without an email address: channel stored, staff on the timeline, no email", async () => {
    const response = await record(buildRecordRequest());
    expect(response.statusCode, response.body).toBe(201);
    const recorded = RecordedReferralSchema.parse(response.json());
    expect(recorded.triageDueOn).toBe("2026-11-26");

    const referral = await testApp.app.prisma.referral.findUniqueOrThrow({
      where: { reference: recorded.reference },
      select: {
        channel: true,
        email: true,
        phone: true,
        services: true,
        consentsToSupervisorContact: true,
        case: {
          select: {
            id: true,
            status: true,
            events: { select: { kind: true, actorType: true, actorId: true, data: true } },
          },
        },
      },
    });
    expect(referral).toMatchObject({
      channel: "phone",
      email: null,
      phone: "+447700900982",
      services: ["spoc", "coaching"],
      consentsToSupervisorContact: true,
    });
    expect(referral.case?.id).toBe(recorded.caseId);
    expect(referral.case?.status).toBe("new");
    expect(referral.case?.events).toEqual([
      {
        kind: "referral_recorded",
        actorType: "staff",
        actorId: coordinator.staff.id,
        data: { status: "new", channel: "phone" },
      },
    ]);
    expect(await emailsFor(recorded.reference)).toEqual([]);
  });

  it("records an emailed referral with an address and queues the one confirmation email", async () => {
    const base = buildRecordRequest();
    const response = await record({
      ...base,
      channel: "email",
      details: { ...base.details, personalEmail: "Jo.Sender@Example.com", preferredContact: "email" },
    });
    expect(response.statusCode, response.body).toBe(201);
    const recorded = RecordedReferralSchema.parse(response.json());
    const referral = await testApp.app.prisma.referral.findUniqueOrThrow({
      where: { reference: recorded.reference },
      select: { channel: true, email: true },
    });
    expect(referral).toEqual({ channel: "email", email: "jo.sender@example.com" });
    expect(await emailsFor(recorded.reference)).toEqual([
      {
        kind: "referral_received",
        recipient: "Jo.Sender@example.com",
        payload: { reference: recorded.reference, triageDueOn: "2026-11-26" },
      },
    ]);
  });

  it("writes REFERRAL_RECORDED to the audit log with the case and channel only", async () => {
    const response = await record(buildRecordRequest(), { headers: coordinator.headers });
    expect(response.statusCode, response.body).toBe(201);
    const { caseId } = RecordedReferralSchema.parse(response.json());
    const entries = await testApp.app.prisma.auditEntry.findMany({
      where: { action: "REFERRAL_RECORDED", caseId },
      select: { actorId: true, detail: true },
    });
    expect(entries).toEqual([{ actorId: coordinator.staff.id, detail: { channel: "phone" } }]);
  });

  it("refuses an ineligible referral with 422 and the reasons, storing nothing", async () => {
    const before = await countReferrals(testApp.app.prisma);
    const response = await record(
      buildRecordRequest({
        eligibility: {
          referrer: "self",
          region: "elsewhere",
          group: "doctor_or_dentist",
          trainingNumber: "none",
          concerns: [],
        },
      }),
    );
    expect(response.statusCode).toBe(422);
    const body = ErrorBodySchema.parse(response.json());
    expect(body.error.code).toBe("NOT_ELIGIBLE");
    // One sentence per failed rule, as the trainee's route says them.
    expect(body.error.message).toMatch(/London/);
    expect(body.error.message).toMatch(/training number/i);
    expect(await countReferrals(testApp.app.prisma)).toBe(before);
  });

  it.each([
    ["no channel", { ...buildRecordRequest(), channel: undefined }, "channel"],
    ["the online channel", { ...buildRecordRequest(), channel: "online" }, "channel"],
    [
      "email as preferred contact without an address",
      { ...buildRecordRequest(), details: { ...buildRecordRequest().details, preferredContact: "email" } },
      "details.preferredContact",
    ],
    [
      "an email address that is not one",
      { ...buildRecordRequest(), details: { ...buildRecordRequest().details, personalEmail: "jo at example" } },
      "details.personalEmail",
    ],
    [
      "a phone number that is not a UK one",
      { ...buildRecordRequest(), details: { ...buildRecordRequest().details, phone: "+1 202 555 0100" } },
      "details.phone",
    ],
    [
      "the safety override not explained",
      { ...buildRecordRequest(), consent: { ...buildRecordRequest().consent, safetyOverrideDiscussed: false } },
      "consent.safetyOverrideDiscussed",
    ],
    [
      "a future end date for the training number",
      buildRecordRequest({
        eligibility: {
          referrer: "self",
          region: "london",
          group: "doctor_or_dentist",
          trainingNumber: "ended",
          trainingEndedOn: "2027-01-01",
          concerns: [],
        },
      }),
      "eligibility.trainingEndedOn",
    ],
  ])("answers %s with 400 naming the field", async (_case, body, field) => {
    const response = await record(body);
    expect(response.statusCode, response.body).toBe(400);
    const fields = ErrorBodySchema.parse(response.json()).error.fields?.map((issue) => issue.field);
    expect(fields).toContain(field);
  });

  it("refuses a request without an Idempotency-Key with 400 naming the header", async () => {
    const response = await record(buildRecordRequest(), { key: null });
    expect(response.statusCode).toBe(400);
    expect(ErrorBodySchema.parse(response.json()).error.fields).toContainEqual({
      field: "idempotency-key",
      message: expect.any(String),
    });
  });

  it("answers a retry with the same key and body with the same referral, creating nothing new", async () => {
    const key = newIdempotencyKey();
    const first = await record(buildRecordRequest(), { key });
    expect(first.statusCode).toBe(201);
    const before = await countReferrals(testApp.app.prisma);
    const retry = await record(buildRecordRequest(), { key });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json()).toEqual(first.json());
    expect(await countReferrals(testApp.app.prisma)).toBe(before);

    const changed = await record(buildRecordRequest({ channel: "email" }), { key });
    expect(changed.statusCode).toBe(422);
    expect(changed.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("is for coordinators: a lead or an admin gets 403 and nobody signed in 401", async () => {
    expect((await record(buildRecordRequest(), { headers: lead.headers })).statusCode).toBe(403);
    expect((await record(buildRecordRequest(), { headers: admin.headers })).statusCode).toBe(403);
    const signedOut = await testApp.app.inject({
      method: "POST",
      url: "/api/staff/referrals",
      headers: { "idempotency-key": newIdempotencyKey() },
      payload: buildRecordRequest(),
    });
    expect(signedOut.statusCode).toBe(401);
  });
});

describe("a recorded referral elsewhere on the staff side", () => {
  let recorded: { reference: string; caseId: string };

  beforeAll(async () => {
    const response = await record(
      buildRecordRequest({ story: { ...buildSubmission().story, howSoon: "when_possible" } }),
    );
    recorded = RecordedReferralSchema.parse(response.json());
  });

  it("shows its channel on the case, with the timeline naming who recorded it", async () => {
    const response = await testApp.app.inject({
      method: "GET",
      url: `/api/staff/cases/${recorded.caseId}`,
      headers: coordinator.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const detail = CaseDetailSchema.parse(response.json());
    expect(detail.referral.channel).toBe("phone");
    expect(detail.referral.email).toBeNull();
    expect(detail.timeline[0]).toEqual({
      at: NOW.toISOString(),
      actor: { type: "staff", name: "Cora Coordinator" },
      kind: "referral_recorded",
      summary: "Referral recorded by staff from a phone call",
    });
  });

  it("shows its channel in the queue, and the queue filters by channel", async () => {
    const response = await testApp.app.inject({
      method: "POST",
      url: "/api/staff/queue",
      headers: coordinator.headers,
      payload: { channel: "phone", search: recorded.reference },
    });
    const page = QueuePageSchema.parse(response.json());
    expect(page.items.map((item) => [item.reference, item.channel])).toEqual([[recorded.reference, "phone"]]);
    const online = QueuePageSchema.parse(
      (
        await testApp.app.inject({
          method: "POST",
          url: "/api/staff/queue",
          headers: coordinator.headers,
          payload: { channel: "online", search: recorded.reference },
        })
      ).json(),
    );
    expect(online.items).toEqual([]);
  });

  it("counts it under its channel in the reports", async () => {
    const response = await testApp.app.inject({
      method: "GET",
      url: "/api/staff/reports/summary?from=2026-11&to=2026-11",
      headers: coordinator.headers,
    });
    const summary = ReportSummarySchema.parse(response.json());
    const phoned = await testApp.app.prisma.referral.count({ where: { channel: "phone" } });
    const emailed = await testApp.app.prisma.referral.count({ where: { channel: "email" } });
    expect(phoned).toBeGreaterThan(0);
    expect(summary.volumes.byChannel).toEqual([
      { key: "online", label: "Online form", count: 0 },
      { key: "email", label: "Email", count: emailed },
      { key: "phone", label: "Phone", count: phoned },
    ]);
  });
});
