import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEAD_KINDS } from "../catalogue/services";
import {
  type CaseForSuggestion,
  LEAD_SUGGESTION_REASON_CODES,
  type LeadForSuggestion,
  type LeadSuggestionReasonCode,
  suggestLeads,
} from "./lead-suggestions";

// Monday 1 December 2025, 10:00 in London.
const NOW = "2025-12-01T10:00:00Z";

const CASE: CaseForSuggestion = {
  leadKind: "coaching",
  traineeTrust: "Barts Health NHS Trust",
  previousLeadIds: [],
};

function lead(overrides: Partial<LeadForSuggestion> & { id: string }): LeadForSuggestion {
  return {
    name: `Lead ${overrides.id}`,
    leadKinds: ["coaching"],
    capacity: 8,
    openCaseCount: 5,
    leave: [],
    affiliations: [],
    ...overrides,
  };
}

function suggestOne(overrides: Partial<LeadForSuggestion>, caseInfo: Partial<CaseForSuggestion> = {}, now = NOW) {
  const [suggestion] = suggestLeads({ ...CASE, ...caseInfo }, [lead({ id: "a", ...overrides })], now);
  if (!suggestion) throw new Error("expected one suggestion");
  return suggestion;
}

function reasonFor(overrides: Partial<LeadForSuggestion>, code: LeadSuggestionReasonCode, caseInfo = {}, now = NOW) {
  return suggestOne(overrides, caseInfo, now).reasons.find((reason) => reason.code === code)?.message ?? null;
}

const reasonCodesSeen = new Set<string>();

describe("suggestLeads reasons", () => {
  it.each<{
    name: string;
    lead: Partial<LeadForSuggestion>;
    caseInfo?: Partial<CaseForSuggestion>;
    now?: string;
    code: LeadSuggestionReasonCode;
    message: string | null;
    eligible: boolean;
  }>([
    { name: "covers the service", lead: {}, code: "COVERS_SERVICE", message: "Covers coaching", eligible: true },
    {
      name: "does not cover the service",
      lead: { leadKinds: ["careers", "spoc"] },
      code: "DOES_NOT_COVER_SERVICE",
      message: "Does not cover coaching",
      eligible: false,
    },
    {
      name: "has places free",
      lead: { capacity: 8, openCaseCount: 5 },
      code: "HAS_CAPACITY",
      message: "3 of 8 places free",
      eligible: true,
    },
    {
      name: "has the only place free",
      lead: { capacity: 1, openCaseCount: 0 },
      code: "HAS_CAPACITY",
      message: "1 of 1 place free",
      eligible: true,
    },
    {
      name: "is full",
      lead: { capacity: 8, openCaseCount: 8 },
      code: "AT_CAPACITY",
      message: "At capacity: all 8 places taken",
      eligible: false,
    },
    {
      name: "is over capacity",
      lead: { capacity: 8, openCaseCount: 9 },
      code: "AT_CAPACITY",
      message: "Over capacity: 9 open cases for 8 places",
      eligible: false,
    },
    {
      name: "takes no cases",
      lead: { capacity: 0, openCaseCount: 0 },
      code: "AT_CAPACITY",
      message: "At capacity: all 0 places taken",
      eligible: false,
    },
    {
      name: "is on leave",
      lead: { leave: [{ from: "2025-11-28", to: "2025-12-12" }] },
      code: "ON_LEAVE",
      message: "On leave until 12 Dec",
      eligible: false,
    },
    {
      name: "starts leave today",
      lead: { leave: [{ from: "2025-12-01", to: "2025-12-03" }] },
      code: "ON_LEAVE",
      message: "On leave until 3 Dec",
      eligible: false,
    },
    {
      name: "ends leave today",
      lead: { leave: [{ from: "2025-11-20", to: "2025-12-01" }] },
      code: "ON_LEAVE",
      message: "On leave until 1 Dec",
      eligible: false,
    },
    {
      name: "came back yesterday",
      lead: { leave: [{ from: "2025-11-20", to: "2025-11-30" }] },
      code: "ON_LEAVE",
      message: null,
      eligible: true,
    },
    {
      name: "is on back-to-back leave",
      lead: {
        leave: [
          { from: "2025-12-13", to: "2025-12-20" },
          { from: "2025-11-28", to: "2025-12-12" },
        ],
      },
      code: "ON_LEAVE",
      message: "On leave until 20 Dec",
      eligible: false,
    },
    {
      name: "is on leave into next year",
      lead: { leave: [{ from: "2025-11-28", to: "2026-01-02" }] },
      code: "ON_LEAVE",
      message: "On leave until 2 Jan 2026",
      eligible: false,
    },
    {
      name: "has leave coming up",
      lead: { leave: [{ from: "2025-12-10", to: "2025-12-12" }] },
      code: "LEAVE_STARTS_SOON",
      message: "On leave from 10 Dec",
      eligible: true,
    },
    {
      name: "has leave a month away",
      lead: { leave: [{ from: "2026-01-05", to: "2026-01-09" }] },
      code: "LEAVE_STARTS_SOON",
      message: null,
      eligible: true,
    },
    {
      name: "supported the trainee before",
      lead: {},
      caseInfo: { previousLeadIds: ["x", "a"] },
      code: "PREVIOUS_LEAD",
      message: "Has supported this trainee before",
      eligible: true,
    },
    {
      name: "works at the trainee's Trust",
      lead: { affiliations: ["Kent Community Health", "Barts Health NHS Trust"] },
      code: "CONFLICT_SAME_TRUST",
      message: "Conflict of interest: works with Barts Health NHS Trust, the trainee's Trust",
      eligible: false,
    },
    {
      name: "works at the same Trust spelt differently",
      lead: { affiliations: ["  barts health  nhs trust. "] },
      code: "CONFLICT_SAME_TRUST",
      message: "Conflict of interest: works with barts health  nhs trust., the trainee's Trust",
      eligible: false,
    },
    {
      name: "works at the same Trust with & and apostrophes",
      lead: { affiliations: ["Guy’s & St Thomas’ NHS Foundation Trust"] },
      caseInfo: { traineeTrust: "guys and st thomas nhs foundation trust" },
      code: "CONFLICT_SAME_TRUST",
      message: "Conflict of interest: works with Guy’s & St Thomas’ NHS Foundation Trust, the trainee's Trust",
      eligible: false,
    },
    {
      name: "works at another Trust",
      lead: { affiliations: ["Barts Health"] },
      code: "CONFLICT_SAME_TRUST",
      message: null,
      eligible: true,
    },
    {
      name: "has nothing to compare with",
      lead: { affiliations: ["Barts Health NHS Trust"] },
      caseInfo: { traineeTrust: null },
      code: "CONFLICT_SAME_TRUST",
      message: null,
      eligible: true,
    },
    {
      name: "has nothing to compare with (blank)",
      lead: { affiliations: [""] },
      caseInfo: { traineeTrust: "  " },
      code: "CONFLICT_SAME_TRUST",
      message: null,
      eligible: true,
    },
  ])("a lead who $name", (testCase) => {
    const suggestion = suggestOne(testCase.lead, testCase.caseInfo);
    expect(suggestion.reasons.find((reason) => reason.code === testCase.code)?.message ?? null).toBe(testCase.message);
    expect(suggestion.eligible).toBe(testCase.eligible);
    if (testCase.message !== null) reasonCodesSeen.add(testCase.code);
  });

  it("covers every reason code", () => {
    expect([...reasonCodesSeen].sort()).toEqual([...LEAD_SUGGESTION_REASON_CODES].sort());
  });

  it("uses the London date: 23:30 UTC on a summer evening is already the next day", () => {
    const leave = [{ from: "2025-06-12", to: "2025-06-13" }];
    expect(reasonFor({ leave }, "ON_LEAVE", {}, "2025-06-11T22:30:00Z")).toBeNull();
    expect(reasonFor({ leave }, "ON_LEAVE", {}, "2025-06-11T23:30:00Z")).toBe("On leave until 13 Jun");
  });

  it("lists every reason that applies, in a stable order", () => {
    expect(
      suggestOne(
        {
          leadKinds: ["careers"],
          openCaseCount: 8,
          leave: [{ from: "2025-12-01", to: "2025-12-05" }],
          affiliations: ["Barts Health NHS Trust"],
        },
        { previousLeadIds: ["a"] },
      ),
    ).toEqual({
      leadId: "a",
      name: "Lead a",
      eligible: false,
      score: 200,
      reasons: [
        { code: "DOES_NOT_COVER_SERVICE", message: "Does not cover coaching" },
        { code: "AT_CAPACITY", message: "At capacity: all 8 places taken" },
        { code: "ON_LEAVE", message: "On leave until 5 Dec" },
        { code: "PREVIOUS_LEAD", message: "Has supported this trainee before" },
        {
          code: "CONFLICT_SAME_TRUST",
          message: "Conflict of interest: works with Barts Health NHS Trust, the trainee's Trust",
        },
      ],
    });
  });

  it("names each kind of lead in plain words", () => {
    for (const leadKind of LEAD_KINDS) {
      const message = reasonFor({ leadKinds: [leadKind] }, "COVERS_SERVICE", { leadKind });
      expect(message).toMatch(/^Covers [A-Za-z(]/);
      expect(message).not.toContain("_");
    }
  });
});

describe("suggestLeads order", () => {
  const leads: LeadForSuggestion[] = [
    lead({ id: "full", name: "Amira Full", openCaseCount: 8 }),
    lead({ id: "roomy", name: "Zoe Roomy", capacity: 10, openCaseCount: 1 }),
    lead({ id: "previous", name: "Priya Previous", capacity: 4, openCaseCount: 3 }),
    lead({ id: "half-b", name: "Ben Half", capacity: 8, openCaseCount: 4 }),
    lead({ id: "half-a", name: "aaron Half", capacity: 4, openCaseCount: 2 }),
    lead({ id: "away", name: "Aisha Away", leave: [{ from: "2025-11-30", to: "2025-12-02" }], openCaseCount: 0 }),
    lead({ id: "conflicted", name: "Carl Conflict", affiliations: ["Barts Health NHS Trust"], openCaseCount: 0 }),
    lead({ id: "previous-away", name: "Pat Away", leave: [{ from: "2025-12-01", to: "2025-12-01" }] }),
    lead({ id: "careers", name: "Cara Careers", leadKinds: ["careers"], openCaseCount: 0 }),
  ];
  const caseInfo = { ...CASE, previousLeadIds: ["previous", "previous-away"] };

  it("puts eligible leads first, then continuity, then share of places free, then name", () => {
    expect(
      suggestLeads(caseInfo, leads, NOW).map((suggestion) => [
        suggestion.leadId,
        suggestion.eligible,
        suggestion.score,
      ]),
    ).toEqual([
      ["previous", true, 1225],
      ["roomy", true, 1090],
      ["half-a", true, 1050],
      ["half-b", true, 1050],
      ["previous-away", false, 238],
      ["away", false, 100],
      ["careers", false, 100],
      ["conflicted", false, 100],
      ["full", false, 0],
    ]);
  });

  it("returns every lead, and none when there are none", () => {
    expect(suggestLeads(caseInfo, leads, NOW)).toHaveLength(leads.length);
    expect(suggestLeads(caseInfo, [], NOW)).toEqual([]);
  });

  it("breaks a tie on name by id", () => {
    const twins = [lead({ id: "b", name: "Sam Smith" }), lead({ id: "a", name: "sam smith" })];
    expect(suggestLeads(CASE, twins, NOW).map((suggestion) => suggestion.leadId)).toEqual(["a", "b"]);
  });

  const leadArbitrary = fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    name: fc.constantFrom("Ann", "ann", "Bob", "Cat", "Dev"),
    leadKinds: fc.subarray([...LEAD_KINDS]),
    capacity: fc.integer({ min: 0, max: 10 }),
    openCaseCount: fc.integer({ min: 0, max: 12 }),
    leave: fc.array(
      fc
        .record({
          from: fc.constantFrom("2025-11-25", "2025-12-01", "2025-12-05"),
          to: fc.constantFrom("2025-12-01", "2025-12-10"),
        })
        .filter((period) => period.from <= period.to),
      { maxLength: 2 },
    ),
    affiliations: fc.subarray(["Barts Health NHS Trust", "Kent Community Health"]),
  });
  const uniqueLeadsArbitrary = fc.uniqueArray(leadArbitrary, { selector: (candidate) => candidate.id, maxLength: 12 });

  it("gives the same order whatever order the leads come in", () => {
    fc.assert(
      fc.property(uniqueLeadsArbitrary, fc.array(fc.string({ minLength: 1, maxLength: 4 })), (generated, previous) => {
        const info = { ...CASE, previousLeadIds: previous };
        const forwards = suggestLeads(info, generated, NOW);
        const backwards = suggestLeads(info, [...generated].reverse(), NOW);
        expect(backwards).toEqual(forwards);
      }),
    );
  });

  it("never ranks an ineligible lead above an eligible one, and scores never rise down the list", () => {
    fc.assert(
      fc.property(uniqueLeadsArbitrary, (generated) => {
        const ranked = suggestLeads(CASE, generated, NOW);
        for (let index = 1; index < ranked.length; index += 1) {
          const above = ranked[index - 1];
          const below = ranked[index];
          if (!above || !below) continue;
          expect(above.score).toBeGreaterThanOrEqual(below.score);
          if (below.eligible) expect(above.eligible).toBe(true);
        }
      }),
    );
  });

  it("calls a lead eligible exactly when no blocking reason applies", () => {
    const blocking = new Set(["DOES_NOT_COVER_SERVICE", "AT_CAPACITY", "ON_LEAVE", "CONFLICT_SAME_TRUST"]);
    fc.assert(
      fc.property(uniqueLeadsArbitrary, (generated) => {
        for (const suggestion of suggestLeads(CASE, generated, NOW)) {
          expect(suggestion.eligible).toBe(!suggestion.reasons.some((reason) => blocking.has(reason.code)));
        }
      }),
    );
  });
});
