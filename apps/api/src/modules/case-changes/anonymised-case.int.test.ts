import { ErrorBodySchema } from "@psu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import {
  type CreateCaseOptions,
  createSignedInTeam,
  createTestCase,
  type SignedInStaff,
} from "../../test/staff-fixtures";
import { anonymiseReferral } from "../data-protection/anonymise";
import { runRetention } from "../data-protection/retention.service";

// Once a case's personal data has been removed (by retention or on request), no change may
// write to it again: a note, a reason or a reopened case would be new personal data kept
// forever. Every write is refused with 409 and the same message, and nothing is written.

// 10:42 in London (GMT in November).
const NOW = new Date("2026-11-24T10:42:00Z");
const REFUSED = "This case's personal data was removed on 24 November 2026, so it cannot be changed.";
let team: Awaited<ReturnType<typeof createSignedInTeam>>;

const testApp = useTestApp({ now: () => NOW });
beforeAll(async () => {
  team = await createSignedInTeam(testApp.app, { leadKinds: ["spoc"], capacity: 50 });
});

/** A case as it would be once retention has anonymised it: closed long ago, personal data removed. */
async function createAnonymisedCase(options: CreateCaseOptions) {
  const created = await createTestCase(testApp.app.prisma, { openedAt: new Date("2024-01-08T09:00:00Z"), ...options });
  await testApp.app.prisma.$transaction((tx) => anonymiseReferral(tx, created.referralId, "retention", NOW));
  return created;
}

async function post(caseId: string, action: string, as: SignedInStaff, body: object, version = 1) {
  const response = await testApp.app.inject({
    method: "POST",
    url: `/api/staff/cases/${caseId}/${action}`,
    headers: { ...as.headers, "if-match": `"${version}"` },
    payload: body,
  });
  return { status: response.statusCode, error: ErrorBodySchema.safeParse(response.json()).data?.error };
}

/** What a write would leave behind: the case's version, its staff events and its audit entries. */
async function readTraces(caseId: string) {
  const prisma = testApp.app.prisma;
  const found = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      version: true,
      status: true,
      safetyConcern: true,
      leadId: true,
      events: { where: { actorType: "staff" } },
    },
  });
  const audit = await prisma.auditEntry.count({ where: { caseId, action: { startsWith: "CASE_" } } });
  return { ...found, events: found.events.length, audit };
}

type Write = {
  name: string;
  status: "closed" | "withdrawn";
  action: string;
  as: () => SignedInStaff;
  body: () => object;
  withLead?: boolean;
};

const WRITES: Write[] = [
  {
    name: "a note",
    status: "closed",
    action: "notes",
    as: () => team.coordinator,
    body: () => ({ text: "Called again." }),
  },
  {
    name: "a note by the case's lead",
    status: "closed",
    action: "notes",
    as: () => team.lead,
    body: () => ({ text: "Called again." }),
    withLead: true,
  },
  {
    name: "reopening a closed case, with a reason",
    status: "closed",
    action: "status",
    as: () => team.coordinator,
    body: () => ({ to: "triage", reason: "The trainee came back." }),
  },
  {
    name: "a status change on a withdrawn case (refused for this reason before the state machine)",
    status: "withdrawn",
    action: "status",
    as: () => team.coordinator,
    body: () => ({ to: "closed", outcome: "support_completed" }),
  },
  {
    name: "raising the safety flag, with a reason",
    status: "closed",
    action: "safety-flag",
    as: () => team.coordinator,
    body: () => ({ flagged: true, reason: "A worrying message arrived." }),
  },
  {
    name: "an allocation",
    status: "closed",
    action: "assign",
    as: () => team.coordinator,
    body: () => ({ leadId: team.lead.staff.id }),
  },
  {
    name: "a first contact",
    status: "closed",
    action: "first-contact",
    as: () => team.coordinator,
    body: () => ({}),
  },
];

describe("a case whose personal data was removed by retention", () => {
  it.each(WRITES)("refuses $name with 409, writing nothing", async (write) => {
    const created = await createAnonymisedCase({
      status: write.status,
      leadId: write.withLead ? team.lead.staff.id : null,
    });
    const before = await readTraces(created.caseId);

    const response = await post(created.caseId, write.action, write.as(), write.body());

    expect(response.status).toBe(409);
    expect(response.error).toEqual({ code: "CONFLICT", message: REFUSED });
    expect(await readTraces(created.caseId)).toEqual(before);
  });

  it("is refused the same way after the real retention job ran", async () => {
    const created = await createTestCase(testApp.app.prisma, {
      status: "closed",
      openedAt: new Date("2023-01-09T09:00:00Z"),
    });
    const anonymised = await runRetention(testApp.app.prisma, { now: NOW, months: 12 });
    expect(anonymised).toContain(created.caseId);

    const response = await post(created.caseId, "notes", team.coordinator, { text: "Called again." });
    expect(response).toEqual({ status: 409, error: { code: "CONFLICT", message: REFUSED } });
  });

  it("refuses a change that was already on its way when the data was removed", async () => {
    const created = await createTestCase(testApp.app.prisma, { status: "closed" });
    const before = await readTraces(created.caseId);
    let note: ReturnType<typeof post> | undefined;
    await testApp.app.prisma.$transaction(async (tx) => {
      // The referral is locked for anonymisation while the note is loaded and checked; the note
      // then waits on the lock to write, and must not slip in after the data is gone.
      await anonymiseReferral(tx, created.referralId, "retention", NOW);
      note = post(created.caseId, "notes", team.coordinator, { text: "Written during anonymisation." });
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    expect(await note).toEqual({ status: 409, error: { code: "CONFLICT", message: REFUSED } });
    expect(await readTraces(created.caseId)).toEqual(before);
  });
});

describe("a case erased on request", () => {
  it("refuses a note afterwards, though it was open when erased", async () => {
    const created = await createTestCase(testApp.app.prisma, { status: "triage" });
    const erased = await testApp.app.inject({
      method: "POST",
      url: "/api/staff/data-protection/erasure",
      headers: team.admin.headers,
      payload: { reference: created.reference, reason: "trainee_request", ticket: "DPR-2026-7" },
    });
    expect(erased.statusCode).toBe(200);
    const after = await readTraces(created.caseId);
    expect(after.status).toBe("withdrawn");

    const response = await post(created.caseId, "notes", team.coordinator, { text: "Called again." }, after.version);
    expect(response).toEqual({ status: 409, error: { code: "CONFLICT", message: REFUSED } });
    expect(await readTraces(created.caseId)).toEqual(after);
  });
});

describe("a case that still has its personal data", () => {
  it("takes a note as before", async () => {
    const created = await createTestCase(testApp.app.prisma, { status: "closed" });
    const response = await post(created.caseId, "notes", team.coordinator, { text: "Called again." });
    expect(response.status).toBe(200);
  });
});
