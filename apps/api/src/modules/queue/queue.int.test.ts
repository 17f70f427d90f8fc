import { type QueueItem, type QueuePage, type QueueQuery, toLondonDate, workingDaysBetween } from "@psu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import {
  type CreateCaseOptions,
  createSignedInStaff,
  createTestCase,
  type TestCase,
  type TestStaff,
} from "../../test/staff-fixtures";

// Tuesday 24 November 2026, 09:00 in London.
const NOW = new Date("2026-11-24T09:00:00Z");

const headers: Record<"coordinator" | "admin" | "leadA" | "leadB", Record<string, string>> = {
  coordinator: {},
  admin: {},
  leadA: {},
  leadB: {},
};
let leadA: TestStaff;
let leadB: TestStaff;
// The shared queue. Tests that need their own cases use a profession nobody else uses, so
// they neither see nor disturb these.
const cases: Record<string, TestCase> = {};

const testApp = useTestApp({ now: () => NOW });
beforeAll(async () => {
  const app = testApp.app;
  ({ headers: headers.coordinator } = await createSignedInStaff(app, { role: "coordinator" }));
  ({ headers: headers.admin } = await createSignedInStaff(app, { role: "admin" }));
  ({ staff: leadA, headers: headers.leadA } = await createSignedInStaff(app, { role: "lead", name: "Sam Spoc" }));
  ({ staff: leadB, headers: headers.leadB } = await createSignedInStaff(app, { role: "lead", name: "Ria Ist" }));

  const definitions: Record<string, CreateCaseOptions> = {
    // Opened Monday: triage due Wednesday, so due soon on Tuesday.
    dueSoon: {
      openedAt: new Date("2026-11-23T10:00:00Z"),
      fullName: "Alex Example",
      email: "alex.example@example.com",
    },
    // Opened last Wednesday: triage was due Friday.
    breachedTriage: {
      openedAt: new Date("2026-11-18T10:00:00Z"),
      fullName: "Bea Barnes",
      email: "bea.barnes@example.com",
      services: ["ist", "coaching"],
      region: "kss",
      profession: "pharmacy",
      urgency: "urgent_within_a_week",
    },
    triaged: {
      status: "triage",
      openedAt: new Date("2026-11-24T08:00:00Z"),
      triagedAt: new Date("2026-11-24T08:30:00Z"),
      fullName: "Cal Carter",
    },
    pausedFromAllocated: {
      status: "information_requested",
      resumeTo: "allocated",
      leadId: "A",
      openedAt: new Date("2026-11-19T10:00:00Z"),
      allocatedAt: new Date("2026-11-20T10:00:00Z"),
      pausedSince: new Date("2026-11-23T10:00:00Z"),
      fullName: "Dee Dixon",
    },
    onTrackFirstContact: {
      status: "allocated",
      leadId: "A",
      openedAt: new Date("2026-11-20T09:00:00Z"),
      allocatedAt: new Date("2026-11-23T09:00:00Z"),
      fullName: "Eve Evans",
    },
    breachedFirstContact: {
      status: "allocated",
      leadId: "B",
      openedAt: new Date("2026-11-05T09:00:00Z"),
      allocatedAt: new Date("2026-11-10T09:00:00Z"),
      fullName: "Fin Foster",
    },
    contacted: {
      status: "first_contact",
      leadId: "B",
      openedAt: new Date("2026-11-06T09:00:00Z"),
      allocatedAt: new Date("2026-11-09T09:00:00Z"),
      firstContactAt: new Date("2026-11-10T09:00:00Z"),
      fullName: "Gus Green",
    },
    closed: { status: "closed", leadId: "A", openedAt: new Date("2026-10-01T09:00:00Z"), fullName: "Hal Hughes" },
    inSupport: { status: "in_support", leadId: "A", openedAt: new Date("2026-10-02T09:00:00Z"), fullName: "Ivy Irwin" },
    wildcards: { status: "closed", openedAt: new Date("2026-10-03T09:00:00Z"), fullName: "Percy 100% Sure" },
  };
  for (const [name, { leadId, ...options }] of Object.entries(definitions)) {
    const lead = leadId === "A" ? leadA.id : leadId === "B" ? leadB.id : null;
    cases[name] = await createTestCase(app.prisma, { ...options, leadId: lead });
  }
  // One referral that came by phone, recorded by a coordinator (the rest came online).
  await app.prisma.referral.update({
    where: { id: cases.closed?.referralId },
    data: { channel: "phone" },
    select: { id: true },
  });
});

async function queue(who: keyof typeof headers, body: QueueQuery = {}) {
  return testApp.app.inject({ method: "POST", url: "/api/staff/queue", headers: headers[who], payload: body });
}

async function queuePage(who: keyof typeof headers, body: QueueQuery = {}): Promise<QueuePage> {
  const response = await queue(who, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The shared cases' names in the page, in page order. */
async function namesIn(who: keyof typeof headers, body: QueueQuery = {}): Promise<string[]> {
  const page = await queuePage(who, { limit: 100, ...body });
  const known = new Map(Object.entries(cases).map(([name, created]) => [created.caseId, name]));
  return page.items.flatMap((item) => known.get(item.caseId) ?? []);
}

function itemFor(page: QueuePage, name: string): QueueItem | undefined {
  return page.items.find((item) => item.caseId === cases[name]?.caseId);
}

describe("POST /api/staff/queue: who sees what", () => {
  it("shows coordinators every case, oldest first", async () => {
    const everything = [
      "closed",
      "inSupport",
      "wildcards",
      "breachedFirstContact",
      "contacted",
      "breachedTriage",
      "pausedFromAllocated",
      "onTrackFirstContact",
      "dueSoon",
      "triaged",
    ];
    expect(await namesIn("coordinator")).toEqual(everything);
    expect(await namesIn("coordinator", { sort: "newest" })).toEqual([...everything].reverse());
  });

  it("refuses an admin (the queue is case content), whatever they ask for", async () => {
    for (const body of [{}, { view: "all" }, { search: "Alex" }] as QueueQuery[]) {
      const response = await queue("admin", body);
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain("Alex");
    }
  });

  it("shows a lead only their own cases, whatever they filter or search for", async () => {
    const own = ["closed", "inSupport", "pausedFromAllocated", "onTrackFirstContact"];
    expect(await namesIn("leadA")).toEqual(own);
    expect(await namesIn("leadA", { leadId: leadB.id })).toEqual([]);
    expect(await namesIn("leadA", { view: "unassigned" })).toEqual([]);
    expect(await namesIn("leadA", { leadId: "unassigned" })).toEqual([]);
    expect(await namesIn("leadA", { search: cases.breachedFirstContact?.reference })).toEqual([]);
    expect(await namesIn("leadA", { search: "Fin Foster" })).toEqual([]);
    expect(await namesIn("leadA", { view: "breaching_soon" })).toEqual([]);
    const counts = (await queuePage("leadA", { leadId: leadB.id })).countsByStatus;
    expect(counts).toEqual({});
    expect((await queuePage("leadA")).countsByStatus).toEqual({
      closed: 1,
      in_support: 1,
      information_requested: 1,
      allocated: 1,
    });
  });

  it("answers 401 without a session", async () => {
    const response = await testApp.app.inject({ method: "POST", url: "/api/staff/queue", payload: {} });
    expect(response.statusCode).toBe(401);
  });
});

describe("POST /api/staff/queue: saved views", () => {
  it("Unassigned: new, triage or waiting for information, with no lead", async () => {
    expect(await namesIn("coordinator", { view: "unassigned" })).toEqual(["breachedTriage", "dueSoon", "triaged"]);
  });

  it("Breaching soon: a running clock due soon or breached", async () => {
    expect(await namesIn("coordinator", { view: "breaching_soon" })).toEqual([
      "breachedFirstContact",
      "breachedTriage",
      "dueSoon",
    ]);
  });

  it("My cases: the viewer's own cases, for a lead and (none) for a coordinator", async () => {
    expect(await namesIn("leadB", { view: "my_cases" })).toEqual(["breachedFirstContact", "contacted"]);
    expect(await namesIn("coordinator", { view: "my_cases" })).toEqual([]);
  });
});

describe("POST /api/staff/queue: filters", () => {
  it.each<[string, QueueQuery, string[]]>([
    ["status", { status: ["new"] }, ["breachedTriage", "dueSoon"]],
    [
      "several statuses",
      { status: ["allocated", "first_contact"] },
      ["breachedFirstContact", "contacted", "onTrackFirstContact"],
    ],
    ["service (one of the case's)", { service: "coaching" }, ["breachedTriage"]],
    ["region", { region: "kss" }, ["breachedTriage"]],
    ["profession", { profession: "pharmacy" }, ["breachedTriage"]],
    ["urgency", { urgency: "urgent_within_a_week" }, ["breachedTriage"]],
    ["channel", { channel: "phone" }, ["closed"]],
    ["channel and status together", { channel: "phone", status: ["new"] }, []],
    ["no lead", { leadId: "unassigned", status: ["new", "triage"] }, ["breachedTriage", "dueSoon", "triaged"]],
    ["SLA due soon", { sla: "due_soon" }, ["dueSoon"]],
    ["SLA breached", { sla: "breached" }, ["breachedFirstContact", "breachedTriage"]],
    ["SLA on track", { sla: "on_track" }, ["onTrackFirstContact"]],
    ["SLA paused", { sla: "paused" }, ["pausedFromAllocated"]],
    ["SLA met", { sla: "met" }, ["contacted", "triaged"]],
    ["a view and an SLA state together", { view: "breaching_soon", sla: "due_soon" }, ["dueSoon"]],
    ["a view and an SLA state that exclude each other", { view: "breaching_soon", sla: "on_track" }, []],
  ])("by %s", async (_name, body, expected) => {
    expect(await namesIn("coordinator", body)).toEqual(expected);
  });

  it("by lead", async () => {
    expect(await namesIn("coordinator", { leadId: leadB.id })).toEqual(["breachedFirstContact", "contacted"]);
  });

  it("refuses a filter value outside the contract with 400", async () => {
    expect((await queue("coordinator", { region: "mars" } as unknown as QueueQuery)).statusCode).toBe(400);
    expect((await queue("coordinator", { limit: 101 })).statusCode).toBe(400);
    expect((await queue("coordinator", { channel: "fax" } as unknown as QueueQuery)).statusCode).toBe(400);
  });
});

describe("POST /api/staff/queue: search", () => {
  it("finds a reference written any way a person might", async () => {
    const reference = cases.breachedTriage?.reference ?? "";
    const code = reference.slice(4).replace("-", "");
    for (const typed of [reference, reference.toLowerCase(), code, `psu ${code.slice(0, 4)} ${code.slice(4)}`]) {
      expect(await namesIn("coordinator", { search: typed }), typed).toEqual(["breachedTriage"]);
    }
  });

  it("finds part of a name, ignoring case", async () => {
    expect(await namesIn("coordinator", { search: "BARN" })).toEqual(["breachedTriage"]);
    expect(await namesIn("coordinator", { search: "ee" })).toEqual(["contacted", "pausedFromAllocated"]);
    expect(await namesIn("coordinator", { search: "e dix" })).toEqual(["pausedFromAllocated"]);
  });

  it("finds an email address exactly or by its beginning, not its middle", async () => {
    expect(await namesIn("coordinator", { search: "Bea.Barnes@Example.com" })).toEqual(["breachedTriage"]);
    expect(await namesIn("coordinator", { search: "bea.b" })).toEqual(["breachedTriage"]);
    expect(await namesIn("coordinator", { search: "barnes@" })).toEqual([]);
  });

  it("treats % and _ as themselves, not wildcards", async () => {
    expect(await namesIn("coordinator", { search: "%" })).toEqual(["wildcards"]);
    expect(await namesIn("coordinator", { search: "100%" })).toEqual(["wildcards"]);
    expect(await namesIn("coordinator", { search: "_" })).toEqual([]);
    expect(await namesIn("coordinator", { search: "\\" })).toEqual([]);
  });
});

describe("POST /api/staff/queue: items and counts", () => {
  it("describes each case with its running clock, age and lead", async () => {
    const page = await queuePage("coordinator", { limit: 100 });
    expect(itemFor(page, "breachedTriage")).toEqual({
      caseId: cases.breachedTriage?.caseId,
      reference: cases.breachedTriage?.reference,
      status: "new",
      version: 1,
      traineeName: "Bea Barnes",
      services: ["ist", "coaching"],
      urgency: "urgent_within_a_week",
      region: "kss",
      profession: "pharmacy",
      channel: "online",
      openedAt: "2026-11-18T10:00:00.000Z",
      // Thursday, Friday, Monday, Tuesday.
      ageWorkingDays: 4,
      lead: null,
      sla: { kind: "triage", dueOn: "2026-11-20", state: "breached", workingDaysRemaining: -2 },
      safetyConcern: false,
    });
    expect(itemFor(page, "onTrackFirstContact")).toMatchObject({
      lead: { id: leadA.id, name: "Sam Spoc" },
      sla: { kind: "first_contact", dueOn: "2026-11-30", state: "on_track" },
    });
    expect(itemFor(page, "inSupport")?.sla).toBeNull();
    expect(itemFor(page, "closed")?.channel).toBe("phone");
  });

  it("counts every status the viewer may see, with filters other than status applied", async () => {
    const all = {
      new: 2,
      triage: 1,
      information_requested: 1,
      allocated: 2,
      first_contact: 1,
      closed: 2,
      in_support: 1,
    };
    expect((await queuePage("coordinator")).countsByStatus).toEqual(all);
    expect((await queuePage("coordinator", { status: ["new"] })).countsByStatus).toEqual(all);
    expect((await queuePage("coordinator", { region: "kss" })).countsByStatus).toEqual({ new: 1 });
    expect((await queuePage("coordinator", { view: "unassigned" })).countsByStatus).toEqual({ new: 2, triage: 1 });
    expect((await queuePage("coordinator", { search: "barn" })).countsByStatus).toEqual({ new: 1 });
    expect((await queuePage("coordinator", { channel: "phone" })).countsByStatus).toEqual({ closed: 1 });
  });
});

describe("POST /api/staff/queue: keyset pagination", () => {
  const PROFESSION = "paging_test";
  let expectedOldestFirst: string[] = [];

  beforeAll(async () => {
    // 60 closed cases (no clock, so the SLA views stay as they were); 20 of them opened at the
    // same instant, so the id must break ties.
    const created: { openedAt: Date; caseId: string }[] = [];
    for (let index = 0; index < 60; index++) {
      const openedAt = index < 20 ? new Date("2026-09-01T09:00:00Z") : new Date(Date.UTC(2026, 8, 2, 9, index));
      const { caseId } = await createTestCase(testApp.app.prisma, {
        status: "closed",
        openedAt,
        profession: PROFESSION,
      });
      created.push({ openedAt, caseId });
    }
    expectedOldestFirst = created
      .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || (a.caseId < b.caseId ? -1 : 1))
      .map((entry) => entry.caseId);
  });

  async function walk(body: QueueQuery): Promise<{ ids: string[]; pageSizes: number[] }> {
    const ids: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | undefined;
    for (let pageNumber = 0; pageNumber < 20; pageNumber++) {
      const page = await queuePage("coordinator", { ...body, cursor });
      ids.push(...page.items.map((item) => item.caseId));
      pageSizes.push(page.items.length);
      if (page.nextCursor === null) return { ids, pageSizes };
      cursor = page.nextCursor;
    }
    throw new Error("the walk did not end");
  }

  it.each(["oldest", "newest"] as const)(
    "walks 60 cases in pages of 25, %s first, with no duplicates or gaps",
    async (sort) => {
      const { ids, pageSizes } = await walk({ profession: PROFESSION, limit: 25, sort });
      expect(pageSizes).toEqual([25, 25, 10]);
      expect(ids).toEqual(sort === "oldest" ? expectedOldestFirst : [...expectedOldestFirst].reverse());
    },
  );

  it("ends with a null cursor when the last page is exactly full", async () => {
    const { pageSizes } = await walk({ profession: PROFESSION, limit: 20 });
    expect(pageSizes).toEqual([20, 20, 20]);
  });

  it("walks an SLA-filtered list the same way, small pages and all", async () => {
    const whole = await namesIn("coordinator", { view: "breaching_soon" });
    const { ids } = await walk({ view: "breaching_soon", limit: 1 });
    const known = new Map(Object.entries(cases).map(([name, created]) => [created.caseId, name]));
    expect(ids.map((id) => known.get(id))).toEqual(whole);
  });

  it("refuses a cursor it did not give out, or one from the other sort order, with 400", async () => {
    const page = await queuePage("coordinator", { profession: PROFESSION, limit: 25 });
    expect(page.nextCursor).not.toBeNull();
    const otherSort = await queue("coordinator", {
      profession: PROFESSION,
      sort: "newest",
      cursor: page.nextCursor ?? "",
    });
    expect(otherSort.statusCode).toBe(400);
    const garbage = await queue("coordinator", { cursor: "not-a-cursor" });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.code).toBe("BAD_REQUEST");
  });
});

describe("POST /api/staff/queue: filtering by SLA state is bounded", () => {
  const PROFESSION = "scan_test";

  beforeAll(async () => {
    // 2,100 new cases opened on the day (triage on track), then one whose triage was met.
    await testApp.app.prisma.$executeRaw`
      WITH referral AS (
        INSERT INTO referrals (id, reference, submitted_at, eligibility, verdict, region, profession, services,
          full_name, email, phone, preferred_contact, register_name, programme, grade, employer, work_pattern,
          what_is_happening, how_soon, consents_to_supervisor_contact)
        SELECT gen_random_uuid(), 'SCAN-' || n, '2026-11-24T08:00:00Z'::timestamptz + n * interval '1 millisecond',
          '{}', '{"eligible":true,"reasons":[],"signposts":[]}', 'london', ${PROFESSION}, '{spoc}',
          'Scan ' || n, 'scan' || n || '@example.com', '0', 'email', 'GMC', 'GP', 'ST1', 'Trust', 'full_time',
          'x', 'soon_within_a_month', false
        FROM generate_series(1, 2100) AS n
        RETURNING id, submitted_at
      )
      INSERT INTO cases (id, referral_id, status, urgency, opened_at)
      SELECT gen_random_uuid(), id, 'new', 'soon_within_a_month', submitted_at FROM referral`;
    await createTestCase(testApp.app.prisma, {
      status: "triage",
      openedAt: new Date("2026-11-24T08:50:00Z"),
      triagedAt: new Date("2026-11-24T08:55:00Z"),
      profession: PROFESSION,
    });
  });

  it("stops after 2,000 rows with a cursor to carry on from, and finds the match on the next request", async () => {
    const first = await queuePage("coordinator", { profession: PROFESSION, sla: "met", limit: 25 });
    expect(first.items).toEqual([]);
    expect(first.nextCursor).not.toBeNull();
    const second = await queuePage("coordinator", {
      profession: PROFESSION,
      sla: "met",
      limit: 25,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.items.map((item) => item.status)).toEqual(["triage"]);
    expect(second.nextCursor).toBeNull();
  });

  it("leaves cases that cannot be breaching out in SQL, so the breaching-soon view needs no long walk", async () => {
    const page = await queuePage("coordinator", { profession: PROFESSION, view: "breaching_soon" });
    expect(page).toMatchObject({ items: [], nextCursor: null });
  });
});

describe("POST /api/staff/queue: ages", () => {
  it("gives each case its age in working days as the domain counts them, however long ago it opened", async () => {
    // Years apart, across bank holidays; the last opened after now (a clock set back) counts backwards.
    const openedAts = ["2019-12-20T09:00:00Z", "2024-12-24T09:00:00Z", "2026-11-24T08:00:00Z", "2026-11-26T09:00:00Z"];
    for (const openedAt of openedAts)
      await createTestCase(testApp.app.prisma, {
        status: "closed",
        openedAt: new Date(openedAt),
        profession: "age_test",
      });
    const page = await queuePage("coordinator", { profession: "age_test" });
    expect(page.items.map((item) => item.ageWorkingDays)).toEqual(
      openedAts.map((openedAt) => workingDaysBetween(toLondonDate(new Date(openedAt)), toLondonDate(NOW))),
    );
    expect(page.items.map((item) => item.ageWorkingDays).slice(2)).toEqual([0, -2]);
  });
});
