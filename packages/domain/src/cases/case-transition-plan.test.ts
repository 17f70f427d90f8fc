import { describe, expect, it } from "vitest";
import { type CaseFacts, findCaseWriteRefusal, planCaseTransition, planReallocation } from "./case-transition-plan";
import { CASE_TRANSITIONS, decideTransition } from "./case-transitions";

const NOW = new Date("2026-11-24T10:42:00Z");
const EARLIER = new Date("2026-11-20T09:00:00Z");

function factsFor(status: CaseFacts["status"]): CaseFacts {
  return {
    status,
    leadId: ["new", "triage"].includes(status) ? null : "lead-1",
    triagedAt: status === "new" ? null : EARLIER,
    firstContactAt: ["first_contact", "in_support"].includes(status) ? EARLIER : null,
    pausedSince: status === "information_requested" ? EARLIER : null,
    pauses: [{ from: "2026-11-10T09:00:00.000Z", to: "2026-11-11T09:00:00.000Z" }],
  };
}

function approve(rule: (typeof CASE_TRANSITIONS)[number]) {
  const actor = rule.actors[0] ?? "coordinator";
  const decision = decideTransition({
    from: rule.from,
    to: rule.to,
    actor,
    isOwnCase: true,
    reason: "A reason",
    outcome: rule.needsOutcome ? "support_completed" : null,
    resumeTo: rule.resumesFromPause ? rule.to : null,
  });
  if (!decision.ok) throw new Error(`${rule.from} -> ${rule.to} was refused: ${decision.message}`);
  return decision;
}

describe("planCaseTransition", () => {
  // Every row of the state machine goes through the one planner, and each plan keeps the rules.
  it.each(CASE_TRANSITIONS.map((rule) => [`${rule.from} -> ${rule.to}`, rule] as const))("%s", (_name, rule) => {
    const facts = factsFor(rule.from);
    const plan = planCaseTransition(facts, approve(rule), NOW);
    expect(plan.set.status).toBe(rule.to);
    expect(plan.event).toMatchObject({ kind: "status_changed", data: { from: rule.from, to: rule.to } });

    if (rule.from === "information_requested") {
      // The pause ends however the case leaves it.
      expect(plan.set.pausedSince).toBeNull();
      expect(plan.set.resumeTo).toBeNull();
      expect(plan.set.pauses).toEqual([...facts.pauses, { from: EARLIER.toISOString(), to: NOW.toISOString() }]);
    } else if (rule.to === "information_requested") {
      expect(plan.set).toMatchObject({ pausedSince: NOW, resumeTo: rule.from });
      expect(plan.set.pauses).toBeUndefined();
    } else {
      expect(plan.set.pausedSince).toBeUndefined();
      expect(plan.set.pauses).toBeUndefined();
    }

    if (rule.to === "closed" || rule.to === "withdrawn") expect(plan.set.closedAt).toBe(NOW);
    else if (rule.from === "closed") expect(plan.set).toMatchObject({ closedAt: null, outcome: null, leadId: null });
    else expect(plan.set.closedAt).toBeUndefined();
  });

  it("ends the open pause when the trainee withdraws while information is requested", () => {
    const facts = factsFor("information_requested");
    const decision = decideTransition({ from: "information_requested", to: "withdrawn", actor: "trainee" });
    if (!decision.ok) throw new Error(decision.message);
    const plan = planCaseTransition(facts, decision, NOW);
    expect(plan.set).toMatchObject({ status: "withdrawn", pausedSince: null, resumeTo: null, closedAt: NOW });
    expect(plan.set.pauses?.at(-1)).toEqual({ from: EARLIER.toISOString(), to: NOW.toISOString() });
    expect(plan.traineeEmail).toBe("referral_withdrawn");
  });

  it("plans an allocation from new: triaged now, the lead set, the clock started, the trainee told", () => {
    const plan = planCaseTransition(
      factsFor("new"),
      { ok: true, from: "new", status: "allocated", reason: null, outcome: null, resumeTo: null },
      NOW,
      { kind: "assignment", leadId: "lead-2", previousLeadId: null, overrides: ["AT_CAPACITY"] },
    );
    expect(plan.set).toEqual({ status: "allocated", triagedAt: NOW, leadId: "lead-2", allocatedAt: NOW });
    expect(plan.event).toEqual({
      kind: "assigned",
      data: { leadId: "lead-2", previousLeadId: null, from: "new", to: "allocated", overrides: ["AT_CAPACITY"] },
    });
    expect(plan.traineeEmail).toBe("referral_allocated");
  });

  it("re-allocates without a status change or an email", () => {
    const plan = planReallocation(
      factsFor("allocated"),
      { kind: "assignment", leadId: "lead-2", previousLeadId: "lead-1", overrides: [] },
      NOW,
    );
    expect(plan.set).toEqual({ status: "allocated", leadId: "lead-2", allocatedAt: NOW, triagedAt: EARLIER });
    expect(plan.traineeEmail).toBeNull();
  });

  it("records first contact at the time given, once", () => {
    const decision = decideTransition({ from: "allocated", to: "first_contact", actor: "lead", isOwnCase: true });
    if (!decision.ok) throw new Error(decision.message);
    const plan = planCaseTransition(factsFor("allocated"), decision, NOW, {
      kind: "first_contact",
      contactedAt: EARLIER,
    });
    expect(plan.set).toEqual({ status: "first_contact", firstContactAt: EARLIER });
    expect(plan.event).toEqual({
      kind: "first_contact_recorded",
      data: { contactedAt: EARLIER.toISOString(), from: "allocated", to: "first_contact" },
    });
  });
});

describe("findCaseWriteRefusal", () => {
  it("lets a case with its personal data be changed", () => {
    expect(findCaseWriteRefusal({ anonymisedAt: null })).toBeNull();
  });

  it.each([
    ["in winter", "2026-12-05T10:00:00Z", "5 December 2026"],
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    ["on a summer night, by the London date", "2026-06-30T23:30:00Z", "1 July 2026"],
  ])("refuses any change once the personal data was removed, saying when (%s)", (_when, at, day) => {
    expect(findCaseWriteRefusal({ anonymisedAt: new Date(at) })).toEqual({
      code: "PERSONAL_DATA_REMOVED",
      message: `This case's personal data was removed on ${day}, so it cannot be changed.`,
    });
  });
});
