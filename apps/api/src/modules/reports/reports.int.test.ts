import { EqualityReportSchema, ErrorBodySchema, type ReportCount, ReportSummarySchema } from "@psu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { createSignedInStaff, createStaff, createTestCase, type TestStaff } from "../../test/staff-fixtures";

// A small unit's autumn, worked out by hand (London working days, bank holiday 31 August 2026).
// Today is Tuesday 24 November 2026; the report covers September to November 2026.
const NOW = new Date("2026-11-24T09:00:00Z");
const PERIOD = "from=2026-09&to=2026-11";
// Equality monitoring is for ended calendar quarters only: July to September 2026.
const QUARTER = "from=2026-07&to=2026-09";

let coordinator: { staff: TestStaff; headers: Record<string, string> };
let admin: { staff: TestStaff; headers: Record<string, string> };
let lead: { staff: TestStaff; headers: Record<string, string> };
let spocLead: TestStaff;
let coachLead: TestStaff;
const references: Record<string, string> = {};
const caseIds: Record<string, string> = {};

const testApp = useTestApp({ now: () => NOW });
beforeAll(async () => {
  const prisma = testApp.app.prisma;
  coordinator = await createSignedInStaff(testApp.app, { role: "coordinator" });
  admin = await createSignedInStaff(testApp.app, { role: "admin" });
  lead = await createSignedInStaff(testApp.app, {
    role: "lead",
    leadKinds: ["careers"],
    capacity: 4,
    name: "Lee Lead",
  });
  spocLead = await createStaff(prisma, { role: "lead", name: "Sam Spoc", leadKinds: ["spoc", "ist"], capacity: 6 });
  // A name a spreadsheet would run as a formula, with a comma: the CSV must defuse and quote it.
  coachLead = await createStaff(prisma, { role: "lead", name: "=Coach, Casey", leadKinds: ["coaching"], capacity: 3 });
  await createStaff(prisma, { role: "lead", name: "Former Lead", leadKinds: ["spoc"], capacity: 5, active: false });

  const cases = {
    // Triaged after 1 working day; allocated Wed 9 Sep, first contact Fri 11 Sep: 2 days. Closed.
    A: await createTestCase(prisma, {
      openedAt: new Date("2026-09-07T10:00:00Z"),
      status: "closed",
      leadId: spocLead.id,
      triagedAt: new Date("2026-09-08T10:00:00Z"),
      allocatedAt: new Date("2026-09-09T10:00:00Z"),
      firstContactAt: new Date("2026-09-11T10:00:00Z"),
    }),
    // 23:30 UTC on 30 September is 00:30 on 1 October in London: an October referral.
    // Triage Thu 1 Oct -> Mon 5 Oct: 2 days, on time. First contact Mon 5 -> Tue 13 Oct: 6, late.
    B: await createTestCase(prisma, {
      openedAt: new Date("2026-09-30T23:30:00Z"),
      region: "kss",
      profession: "pharmacy",
      services: ["coaching", "careers"],
      status: "in_support",
      leadId: coachLead.id,
      triagedAt: new Date("2026-10-05T09:00:00Z"),
      allocatedAt: new Date("2026-10-05T10:00:00Z"),
      firstContactAt: new Date("2026-10-13T09:00:00Z"),
    }),
    // Friday evening referral, triaged Wed 21 Oct: 3 days, late (due Tue 20). Waiting for contact.
    C: await createTestCase(prisma, {
      openedAt: new Date("2026-10-16T17:00:00Z"),
      profession: "gp_scheme",
      services: ["ist"],
      status: "allocated",
      leadId: spocLead.id,
      triagedAt: new Date("2026-10-21T09:00:00Z"),
      allocatedAt: new Date("2026-10-21T12:00:00Z"),
    }),
    // Allocated the day it came (triage: 0 days). Paused Wed 21 15:00 to Thu 22 09:00, which takes
    // off Wednesday; first contact Wed 28 Oct: 6 working days less 1 = 5, due Wed 28: on time.
    G: await createTestCase(prisma, {
      openedAt: new Date("2026-10-20T09:00:00Z"),
      status: "in_support",
      leadId: spocLead.id,
      allocatedAt: new Date("2026-10-20T10:00:00Z"),
      firstContactAt: new Date("2026-10-28T10:00:00Z"),
      pauses: [{ from: "2026-10-21T15:00:00.000Z", to: "2026-10-22T09:00:00.000Z" }],
    }),
    // New and waiting for triage.
    D: await createTestCase(prisma, { openedAt: new Date("2026-11-02T09:00:00Z"), status: "new" }),
    // Withdrawn before triage: neither completed nor waiting.
    E: await createTestCase(prisma, {
      openedAt: new Date("2026-11-10T09:00:00Z"),
      region: "kss",
      profession: "healthcare_professional",
      status: "withdrawn",
    }),
    // August, before the period: open (the oldest), but not in the period's figures.
    F: await createTestCase(prisma, { openedAt: new Date("2026-08-28T09:00:00Z"), status: "triage" }),
  };
  for (const [name, created] of Object.entries(cases)) {
    references[name] = created.reference;
    caseIds[name] = created.caseId;
  }
  // B came by email and D by phone, both recorded by a coordinator; the rest came online.
  for (const [created, channel] of [
    [cases.B, "email"],
    [cases.D, "phone"],
  ] as const) {
    await prisma.referral.update({ where: { id: created.referralId }, data: { channel }, select: { id: true } });
  }

  // 20 equality responses in the quarter, 1 in June. Sex: female 10, male 6, prefer not to say
  // 2, not answered 2. Disability: yes 6, no 8, prefer not to say 5, not answered 1.
  const months = ["2026-07", "2026-08", "2026-09"];
  await prisma.equalityResponse.createMany({
    data: [
      ...Array.from({ length: 20 }, (_, i) => ({
        submittedMonth: months[i % 3] as string,
        answers: {
          ...(i < 10 ? { sex: "female" } : i < 16 ? { sex: "male" } : i < 18 ? { sex: "prefer_not_to_say" } : {}),
          ...(i < 6
            ? { disability: "yes" }
            : i < 14
              ? { disability: "no" }
              : i < 19
                ? { disability: "prefer_not_to_say" }
                : {}),
        },
      })),
      { submittedMonth: "2026-06", answers: { sex: "female", ethnicity: "white_roma" } },
    ],
  });
});

function get(url: string, headers = coordinator.headers) {
  return testApp.app.inject({ method: "GET", url, headers });
}

const counts = (rows: ReportCount[]) => Object.fromEntries(rows.map((row) => [row.key, row.count]));

describe("GET /api/staff/reports/summary", () => {
  it("matches the hand-computed figures", async () => {
    const response = await get(`/api/staff/reports/summary?${PERIOD}`);
    expect(response.statusCode).toBe(200);
    const summary = ReportSummarySchema.parse(response.json());
    expect(summary).toMatchObject({ from: "2026-09", to: "2026-11", generatedAt: NOW.toISOString() });

    expect(summary.volumes.total).toBe(6);
    expect(summary.volumes.byMonth).toEqual([
      { key: "2026-09", label: "September 2026", count: 1 },
      { key: "2026-10", label: "October 2026", count: 3 },
      { key: "2026-11", label: "November 2026", count: 2 },
    ]);
    expect(summary.volumes.byRegion).toEqual([
      { key: "london", label: "London", count: 4 },
      { key: "kss", label: "Kent, Surrey and Sussex", count: 2 },
      { key: "elsewhere", label: "Elsewhere", count: 0 },
    ]);
    expect(counts(summary.volumes.byProfession)).toEqual({
      doctor_or_dentist: 3,
      healthcare_professional: 1,
      pharmacy: 1,
      gp_scheme: 1,
      caps_or_msw: 0,
    });
    expect(summary.volumes.byChannel).toEqual([
      { key: "online", label: "Online form", count: 4 },
      { key: "email", label: "Email", count: 1 },
      { key: "phone", label: "Phone", count: 1 },
    ]);
    // A referral asking for two services counts under each.
    const byService = counts(summary.volumes.byService);
    expect(byService).toMatchObject({ spoc: 4, ist: 1, coaching: 1, careers: 1, mental_health: 0 });
    expect(Object.values(byService).reduce((sum, n) => sum + n, 0)).toBe(7);

    expect(summary.responseTimes).toEqual([
      // 0, 1, 2 and 3 days: median 1.5, 90th percentile 2 + 0.7 = 2.7; C was late.
      {
        kind: "triage",
        targetWorkingDays: 2,
        completed: 4,
        waiting: 1,
        medianWorkingDays: 1.5,
        p90WorkingDays: 2.7,
        withinSla: 3,
        withinSlaShare: 0.75,
      },
      // 2, 5 and 6 days: median 5, 90th percentile 5 + 0.8 = 5.8; B was late; C waits.
      {
        kind: "first_contact",
        targetWorkingDays: 5,
        completed: 3,
        waiting: 1,
        medianWorkingDays: 5,
        p90WorkingDays: 5.8,
        withinSla: 2,
        withinSlaShare: 2 / 3,
      },
    ]);

    expect(summary.openCases.total).toBe(5);
    expect(counts(summary.openCases.byStatus)).toEqual({
      new: 1,
      triage: 1,
      information_requested: 0,
      allocated: 1,
      first_contact: 0,
      in_support: 2,
    });
    // Working days from the day each opened to today: F crosses the August bank holiday.
    expect(summary.openCases.oldest.map((row) => [row.reference, row.status, row.ageWorkingDays])).toEqual([
      [references.F, "triage", 61],
      [references.B, "in_support", 38],
      [references.C, "allocated", 27],
      [references.G, "in_support", 25],
      [references.D, "new", 16],
    ]);

    // Active leads only, by name; the closed case A no longer counts for Sam.
    expect(summary.caseload).toEqual([
      { leadId: coachLead.id, name: "=Coach, Casey", leadKinds: ["coaching"], open: 1, capacity: 3 },
      { leadId: lead.staff.id, name: "Lee Lead", leadKinds: ["careers"], open: 0, capacity: 4 },
      { leadId: spocLead.id, name: "Sam Spoc", leadKinds: ["spoc", "ist"], open: 2, capacity: 6 },
    ]);
  });

  it("lists every month of the period, with 0 where no referral came", async () => {
    const summary = ReportSummarySchema.parse((await get("/api/staff/reports/summary?from=2026-06&to=2026-08")).json());
    expect(summary.volumes.byMonth.map((row) => [row.key, row.count])).toEqual([
      ["2026-06", 0],
      ["2026-07", 0],
      ["2026-08", 1],
    ]);
    expect(summary.responseTimes.map((row) => [row.completed, row.waiting, row.medianWorkingDays])).toEqual([
      [0, 1, null],
      [0, 0, null],
    ]);
  });

  it("names the field that is wrong", async () => {
    const cases: [string, string][] = [
      ["from=2026-13&to=2026-11", "from"],
      ["from=2026-09", "to"],
      ["from=2026-11&to=2026-09", "to"],
      ["from=2023-01&to=2026-01", "to"],
    ];
    for (const [query, field] of cases) {
      const response = await get(`/api/staff/reports/summary?${query}`);
      expect(response.statusCode, query).toBe(400);
      const body = ErrorBodySchema.parse(response.json());
      expect(
        body.error.fields?.map((error) => error.field),
        query,
      ).toContain(field);
    }
  });

  it("is for coordinators and admins, not leads", async () => {
    expect((await get(`/api/staff/reports/summary?${PERIOD}`, admin.headers)).statusCode).toBe(200);
    expect((await get(`/api/staff/reports/summary?${PERIOD}`, lead.headers)).statusCode).toBe(403);
    expect((await get(`/api/staff/reports/summary?${PERIOD}`, {})).statusCode).toBe(401);
  });
});

describe("GET /api/staff/reports/equality", () => {
  it("shows counts of 5 or more, 'fewer than 5' below that, and one more where the total would tell", async () => {
    const response = await get(`/api/staff/reports/equality?${QUARTER}`);
    expect(response.statusCode).toBe(200);
    const report = EqualityReportSchema.parse(response.json());
    expect(report.responses).toEqual({ count: 20, suppressed: false });
    const question = (name: string) => {
      const found = report.questions.find((candidate) => candidate.question === name);
      if (!found) throw new Error(`no question ${name}`);
      return Object.fromEntries(found.answers.map((answer) => [answer.answer, answer.count]));
    };
    expect(question("sex")).toEqual({ female: 10, male: 6, prefer_not_to_say: null, not_answered: null });
    // Only "not answered" (1) is under 5, so the smallest other (prefer not to say, 5) goes too:
    // otherwise 20 - 6 - 8 - 5 would give it away.
    expect(question("disability")).toEqual({ yes: 6, no: 8, prefer_not_to_say: null, not_answered: null });
    // Nobody answered about ethnicity in the quarter (the Roma answer was in June). "Not answered"
    // (20) goes too: shown, it would tell that every hidden answer was 0.
    const ethnicity = question("ethnicity");
    expect(ethnicity.white_roma).toBeNull();
    expect(ethnicity.not_answered).toBeNull();
    for (const found of report.questions) expect(found.total).toEqual({ count: 20, suppressed: false });
    // Each view is audited with its months, so overlapping runs can be spotted.
    const entry = await testApp.app.prisma.auditEntry.findFirst({
      where: { action: "EQUALITY_REPORT_VIEWED", actorId: coordinator.staff.id },
      orderBy: { id: "desc" },
    });
    expect(entry?.detail).toEqual({ from: "2026-07", to: "2026-09" });
  });

  it("says 'fewer than 5' for the number of responses too, but 0 when there were none", async () => {
    const spring = EqualityReportSchema.parse(
      (await get("/api/staff/reports/equality?from=2026-04&to=2026-06")).json(),
    );
    expect(spring.responses).toEqual({ count: null, suppressed: true });
    expect(spring.questions.every((question) => question.answers.every((answer) => answer.suppressed))).toBe(true);
    expect(spring.questions.every((question) => question.total.suppressed)).toBe(true);
    const winter = EqualityReportSchema.parse(
      (await get("/api/staff/reports/equality?from=2026-01&to=2026-03")).json(),
    );
    expect(winter.responses).toEqual({ count: 0, suppressed: false });
  });

  it.each([
    ["several months", "from=2026-09&to=2026-11", "from"],
    ["one month", "from=2026-07&to=2026-07", "to"],
    ["two quarters", "from=2026-01&to=2026-06", "to"],
    ["a year", "from=2025-01&to=2025-12", "to"],
    ["the quarter not over yet", "from=2026-10&to=2026-12", "to"],
  ])("refuses %s with 400 naming the field, in the view and the CSV, auditing nothing", async (_case, query, field) => {
    const before = await testApp.app.prisma.auditEntry.count({
      where: { action: { in: ["EQUALITY_REPORT_VIEWED", "REPORT_EXPORTED"] } },
    });
    for (const url of [`/api/staff/reports/equality?${query}`, `/api/staff/reports/csv/equality?${query}`]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      const error = ErrorBodySchema.parse(response.json()).error;
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(error.fields?.map((issue) => issue.field)).toEqual([field]);
    }
    const after = await testApp.app.prisma.auditEntry.count({
      where: { action: { in: ["EQUALITY_REPORT_VIEWED", "REPORT_EXPORTED"] } },
    });
    expect(after).toBe(before);
  });
});

describe("GET /api/staff/reports/csv/:table", () => {
  it("downloads a table as CSV and records the export in the audit log", async () => {
    const response = await get(`/api/staff/reports/csv/referrals-by-month?${PERIOD}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="referrals-by-month-2026-09-to-2026-11.csv"',
    );
    expect(response.body).toBe("Month,Referrals\r\n2026-09,1\r\n2026-10,3\r\n2026-11,2\r\n");
    const entry = await testApp.app.prisma.auditEntry.findFirst({
      where: { action: "REPORT_EXPORTED", actorId: coordinator.staff.id },
      orderBy: { id: "desc" },
    });
    expect(entry?.detail).toEqual({ table: "referrals-by-month", from: "2026-09", to: "2026-11" });
  });

  it("counts referrals by how they arrived", async () => {
    const response = await get(`/api/staff/reports/csv/referrals-by-channel?${PERIOD}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe("Channel,Referrals\r\nOnline form,4\r\nEmail,1\r\nPhone,1\r\n");
  });

  it("writes the response times and open cases as the summary has them", async () => {
    const times = (await get(`/api/staff/reports/csv/response-times?${PERIOD}`)).body.split("\r\n");
    expect(times).toEqual([
      "Step,Target (working days),Completed,Waiting,Median (working days),90th percentile (working days),Within target,Share within target",
      "Triage,2,4,1,1.5,2.7,3,0.75",
      "First contact,5,3,1,5,5.8,2,0.667",
      "",
    ]);
    const open = (await get(`/api/staff/reports/csv/open-cases?${PERIOD}`)).body.split("\r\n");
    expect(open[0]).toBe("Status,Open cases");
    expect(open.slice(1, -1).map((line) => Number(line.split(",").at(-1)))).toEqual([1, 1, 0, 1, 0, 2]);
  });

  it("quotes commas and defuses formulas", async () => {
    const response = await get(`/api/staff/reports/csv/caseload?${PERIOD}`);
    expect(response.body.split("\r\n")).toEqual([
      "Lead,Leads for,Open cases,Capacity",
      `"'=Coach, Casey",Coaching,1,3`,
      "Lee Lead,Careers,0,4",
      "Sam Spoc,SPOC; IST,2,6",
      "",
    ]);
  });

  it("writes 'fewer than 5' in the equality table", async () => {
    const lines = (await get(`/api/staff/reports/csv/equality?${QUARTER}`)).body.split("\r\n");
    expect(lines[0]).toBe("Question,Answer,Responses");
    expect(lines).toContain("What is your sex?,Female,10");
    expect(lines).toContain("What is your sex?,Prefer not to say,fewer than 5");
    expect(lines).toContain("What is your sex?,Total,20");
  });

  it("refuses an unknown table, naming it, and leads", async () => {
    const unknown = await get(`/api/staff/reports/csv/trainees?${PERIOD}`);
    expect(unknown.statusCode).toBe(400);
    expect(ErrorBodySchema.parse(unknown.json()).error.fields?.map((error) => error.field)).toContain("table");
    expect((await get(`/api/staff/reports/csv/caseload?${PERIOD}`, lead.headers)).statusCode).toBe(403);
  });
});
