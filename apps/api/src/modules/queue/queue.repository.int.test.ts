import { type CaseStatus, type QueueQuery, QueueQuerySchema, type StaffProfile } from "@psu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { createStaff, createTestCase, type TestStaff } from "../../test/staff-fixtures";
import {
  countQueueByStatus,
  findQueueRows,
  findSearchPageWithCounts,
  type QueuePageRequest,
  type QueuePosition,
} from "./queue.repository";
import { toQueueFilters } from "./queue.service";

// A text search's page and counts come from one statement (findSearchPageWithCounts): it must
// give what the page query and the counts query give apart, for any search, filter and cursor.

const NOW = new Date("2026-11-24T09:00:00Z");
const testApp = useTestApp({ now: () => NOW });
let coordinator: StaffProfile;
let lead: TestStaff;
let barnesReference: string;

beforeAll(async () => {
  const prisma = testApp.app.prisma;
  coordinator = await createStaff(prisma, { role: "coordinator" });
  lead = await createStaff(prisma, { role: "lead" });
  // 14 Ashworths in every status, two regions, with and without the lead; four opened at the
  // same instant, so the id breaks ties. One Barnes, and one Ashworth by email only.
  const statuses: CaseStatus[] = [
    "new",
    "triage",
    "information_requested",
    "allocated",
    "first_contact",
    "in_support",
    "closed",
  ];
  for (let index = 0; index < 14; index++) {
    const status = statuses[index % statuses.length] ?? "new";
    const withLead = ["allocated", "first_contact", "in_support", "closed"].includes(status);
    await createTestCase(prisma, {
      status,
      fullName: `Trainee ${index} Ashworth`,
      openedAt: index < 4 ? new Date("2026-11-10T09:00:00Z") : new Date(Date.UTC(2026, 9, 1 + index, 9)),
      region: index % 2 === 0 ? "kss" : "london",
      leadId: withLead && index % 3 !== 0 ? lead.id : null,
      resumeTo: status === "information_requested" ? "triage" : null,
      pausedSince: status === "information_requested" ? new Date("2026-11-20T09:00:00Z") : null,
      triagedAt: status === "new" ? null : new Date(Date.UTC(2026, 9, 2 + index, 9)),
    });
  }
  ({ reference: barnesReference } = await createTestCase(prisma, { fullName: "Bea Barnes", status: "triage" }));
  await createTestCase(prisma, { fullName: "Cal Carter", email: "ashworth.c@example.com", status: "closed" });
});

async function findApart(query: QueueQuery, viewer: StaffProfile, after: QueuePosition | null) {
  const parsed = QueueQuerySchema.parse(query);
  const filters = toQueueFilters(parsed, viewer, NOW);
  const page: QueuePageRequest = { sort: parsed.sort, after, take: parsed.limit + 1 };
  const [rows, countsByStatus] = await Promise.all([
    findQueueRows(testApp.app.prisma, filters.page, page),
    countQueueByStatus(testApp.app.prisma, filters.counts),
  ]);
  return { rows, countsByStatus };
}

async function findTogether(query: QueueQuery, viewer: StaffProfile, after: QueuePosition | null) {
  const parsed = QueueQuerySchema.parse(query);
  const filters = toQueueFilters(parsed, viewer, NOW);
  return findSearchPageWithCounts(testApp.app.prisma, filters, { sort: parsed.sort, after, take: parsed.limit + 1 });
}

describe("findSearchPageWithCounts", () => {
  it.each<[string, QueueQuery, "coordinator" | "lead"]>([
    ["no match", { search: "zzzz" }, "coordinator"],
    ["one match", { search: "barnes" }, "coordinator"],
    ["many matches, by name and by email", { search: "ashworth" }, "coordinator"],
    ["many matches, newest first", { search: "ASHW", sort: "newest" }, "coordinator"],
    ["a status filter (the counts ignore it)", { search: "ashworth", status: ["closed", "in_support"] }, "coordinator"],
    ["a status filter nothing matches", { search: "barnes", status: ["closed"] }, "coordinator"],
    ["a region", { search: "ashworth", region: "kss" }, "coordinator"],
    ["the unassigned view", { search: "ashworth", view: "unassigned" }, "coordinator"],
    [
      "the unassigned view and a status outside it",
      { search: "ashworth", view: "unassigned", status: ["closed"] },
      "coordinator",
    ],
    ["a lead filter", { search: "ashworth", leadId: "unassigned" }, "coordinator"],
    ["a lead's own cases", { search: "ashworth" }, "lead"],
  ])("gives the page and counts of the two queries apart, page by page: %s", async (_name, query, who) => {
    const viewer = who === "lead" ? lead : coordinator;
    let after: QueuePosition | null = null;
    for (let pageNumber = 0; pageNumber < 10; pageNumber++) {
      const apart = await findApart({ ...query, limit: 3 }, viewer, after);
      const together = await findTogether({ ...query, limit: 3 }, viewer, after);
      expect(together).toEqual(apart);
      if (apart.rows.length <= 3) return;
      after = apart.rows[2] ?? null;
    }
    throw new Error("the walk did not end");
  });

  it("finds each match once and counts every status beside the page", async () => {
    const together = await findTogether({ search: "ashworth", status: ["closed"], limit: 100 }, coordinator, null);
    expect(together?.rows.map((row) => row.fullName)).toEqual([
      "Trainee 6 Ashworth",
      "Trainee 13 Ashworth",
      "Cal Carter",
    ]);
    expect(together?.countsByStatus).toEqual({
      new: 2,
      triage: 2,
      information_requested: 2,
      allocated: 2,
      first_contact: 2,
      in_support: 2,
      closed: 3,
    });
    expect(await findTogether({ search: "zzzz" }, coordinator, null)).toEqual({ rows: [], countsByStatus: {} });
  });

  it("answers null without a text search; with an SLA prefilter, what the two queries give", async () => {
    expect(await findTogether({}, coordinator, null)).toBeNull();
    expect(await findTogether({ search: barnesReference }, coordinator, null)).toBeNull();
    expect((await findApart({ search: barnesReference }, coordinator, null)).rows).toHaveLength(1);
    const filters = toQueueFilters(QueueQuerySchema.parse({ search: "ashworth", sla: "breached" }), coordinator, NOW);
    // An SLA filter narrows the page by the clock; the counts ignore it.
    expect(filters.page.clock).not.toBeNull();
    const page: QueuePageRequest = { sort: "oldest", after: null, take: 26 };
    const together = await findSearchPageWithCounts(testApp.app.prisma, filters, page);
    expect(together).toEqual({
      rows: await findQueueRows(testApp.app.prisma, filters.page, page),
      countsByStatus: await countQueueByStatus(testApp.app.prisma, filters.counts),
    });
  });
});

describe("the trigram index on names", () => {
  it("writes a new name's trigrams at once, leaving no pending list for every search to read", async () => {
    const [index] = await testApp.app.prisma.$queryRaw<{ options: string[] | null }[]>`
      SELECT reloptions AS options FROM pg_class WHERE relname = 'referrals_full_name_trgm_idx'`;
    expect(index?.options).toContain("fastupdate=off");
  });
});
