import { describe, expect, it } from "vitest";
import { STAFF_ROLES } from "../staff/staff";
import {
  BreakGlassRequestSchema,
  canSeeCase,
  hasPermission,
  listVisibleLeadIds,
  type STAFF_PERMISSIONS,
} from "./case-access";

const LEAD = { id: "lead-1", role: "lead" } as const;

describe("who may see a case", () => {
  it.each([
    { who: "a coordinator", staff: { id: "c-1", role: "coordinator" as const }, leadId: "lead-2", sees: true },
    {
      who: "a coordinator, unallocated case",
      staff: { id: "c-1", role: "coordinator" as const },
      leadId: null,
      sees: true,
    },
    { who: "an admin (break-glass only)", staff: { id: "a-1", role: "admin" as const }, leadId: null, sees: false },
    { who: "an admin, allocated case", staff: { id: "a-1", role: "admin" as const }, leadId: "lead-1", sees: false },
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

describe("what each role may do", () => {
  // The table in decision record 017, row by row: a change here is a change to that record.
  const EXPECTED: Record<keyof typeof STAFF_PERMISSIONS, string> = {
    readQueue: "coordinator lead",
    readCase: "coordinator lead",
    changeCase: "coordinator lead",
    allocateCase: "coordinator",
    recordReferral: "coordinator",
    readReports: "coordinator admin",
    listStaff: "coordinator admin",
    manageStaff: "admin",
    readAuditLog: "admin",
    handleDataProtection: "admin",
    managePublishedLinks: "admin",
    breakGlassRead: "admin",
  };
  it.each(Object.entries(EXPECTED))("%s: %s", (permission, roles) => {
    const allowed = STAFF_ROLES.filter((role) => hasPermission(role, permission as keyof typeof STAFF_PERMISSIONS));
    expect(allowed.join(" ")).toBe(roles);
  });

  it("gives an admin no routine access to a case's content, and nobody else a break-glass read", () => {
    for (const permission of ["readQueue", "readCase", "changeCase", "allocateCase", "recordReferral"] as const) {
      expect(hasPermission("admin", permission)).toBe(false);
    }
    expect(hasPermission("coordinator", "breakGlassRead")).toBe(false);
    expect(hasPermission("lead", "breakGlassRead")).toBe(false);
  });
});

describe("a break-glass reason", () => {
  const valid = { reasonCode: "COMPLAINT", detail: "Complaint ticket CMP-2026-118" };

  it("takes a code from the list and a line of detail, trimmed", () => {
    expect(BreakGlassRequestSchema.parse({ ...valid, detail: `  ${valid.detail}  ` })).toEqual(valid);
  });

  it("asks for the detail first, then for enough of it", () => {
    const messages = (detail: string) =>
      BreakGlassRequestSchema.safeParse({ ...valid, detail }).error?.issues.map((issue) => issue.message)[0];
    expect(messages("   ")).toBe("Enter the request or concern this read is for");
    expect(messages("because")).toBe("Enter at least 10 characters: the request or concern this read is for");
  });

  it.each([
    ["an unknown code", { ...valid, reasonCode: "CURIOSITY" }, "reasonCode"],
    ["no code", { detail: valid.detail }, "reasonCode"],
    ["no detail", { reasonCode: "COMPLAINT" }, "detail"],
    ["too short a detail", { ...valid, detail: "because" }, "detail"],
    ["too long a detail", { ...valid, detail: "x".repeat(201) }, "detail"],
    ["a NUL byte", { ...valid, detail: "Complaint\u0000 CMP-1" }, "detail"],
    ["a line break", { ...valid, detail: "Complaint\nCMP-2026-118" }, "detail"],
    ["a C1 control", { ...valid, detail: "Complaint\u0085CMP-2026-118" }, "detail"],
    ["a tab", { ...valid, detail: "Complaint\tCMP-2026-118" }, "detail"],
  ])("refuses %s, naming the field", (_name, body, field) => {
    const parsed = BreakGlassRequestSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
  });
});
