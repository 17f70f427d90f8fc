import { describe, expect, it } from "vitest";
import { canSeeCase, listVisibleLeadIds } from "./case-access";

const LEAD = { id: "lead-1", role: "lead" } as const;

describe("who may see a case", () => {
  it.each([
    { who: "a coordinator", staff: { id: "c-1", role: "coordinator" as const }, leadId: "lead-2", sees: true },
    { who: "an admin", staff: { id: "a-1", role: "admin" as const }, leadId: null, sees: true },
    { who: "the case's lead", staff: LEAD, leadId: "lead-1", sees: true },
    { who: "another lead", staff: LEAD, leadId: "lead-2", sees: false },
    { who: "a lead, unallocated case", staff: LEAD, leadId: null, sees: false },
  ])("$who: $sees", ({ staff, leadId, sees }) => {
    expect(canSeeCase(staff, { leadId })).toBe(sees);
  });

  it("limits a lead's queue to their own cases, and nobody else's", () => {
    expect(listVisibleLeadIds(LEAD)).toEqual(["lead-1"]);
    expect(listVisibleLeadIds({ id: "c-1", role: "coordinator" })).toBeNull();
  });
});
