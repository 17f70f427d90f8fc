import { describe, expect, it } from "vitest";
import { describeEvent } from "./describe-event";

const SAM = "0b8f8f3e-8f63-4a57-9c55-0f8a5d1e2a11";
const RIA = "5c1d0e2f-1111-4a57-9c55-0f8a5d1e2a22";
const names = new Map([
  [SAM, "Sam Spoc"],
  [RIA, "Ria Ist"],
]);

describe("describeEvent", () => {
  it.each<[string, unknown, string]>([
    ["referral_submitted", { status: "new" }, "Referral received"],
    ["referral_recorded", { status: "new", channel: "phone" }, "Referral recorded by staff from a phone call"],
    ["referral_recorded", { status: "new", channel: "email" }, "Referral recorded by staff from an email"],
    ["referral_recorded", { status: "new" }, "Referral recorded by staff"],
    ["status_changed", { from: "new", to: "triage", reason: null }, "Moved from new to triage"],
    [
      "status_changed",
      { from: "allocated", to: "triage", reason: "On leave" },
      "Moved from allocated to triage: On leave",
    ],
    [
      "status_changed",
      { from: "triage", to: "information_requested", reason: "Need GMC number" },
      "Information requested: Need GMC number",
    ],
    ["status_changed", { from: "information_requested", to: "allocated" }, "Resumed: back to allocated"],
    ["status_changed", { from: "in_support", to: "closed", outcome: "support_completed" }, "Closed: support completed"],
    ["status_changed", { from: "new", to: "withdrawn", reason: null }, "Withdrawn"],
    ["status_changed", { to: "triage" }, "Moved to triage"],
    ["status_changed", { to: "not-a-status" }, "Status changed"],
    ["assigned", { leadId: SAM, previousLeadId: null, from: "triage", to: "allocated" }, "Allocated to Sam Spoc"],
    ["assigned", { leadId: RIA, previousLeadId: SAM }, "Reallocated from Sam Spoc to Ria Ist"],
    ["assigned", { leadId: "d7a1c3e0-0000-4000-8000-000000000000" }, "Allocated to a lead no longer listed"],
    ["assigned", {}, "Lead changed"],
    ["note_added", { text: "Trainee prefers calls after 6pm" }, "Internal note added"],
    [
      "safety_flag_changed",
      { flagged: true, reason: "Mentioned self-harm" },
      "Safety concern flagged: Mentioned self-harm",
    ],
    [
      "safety_flag_changed",
      { flagged: false, reason: "Reviewed with GP" },
      "Safety concern flag removed: Reviewed with GP",
    ],
    ["safety_flag_changed", "nonsense", "Safety concern flag changed"],
    [
      "first_contact_recorded",
      { contactedAt: "2026-11-25T10:00:00.000Z" },
      "First contact recorded (made on 25 November 2026)",
    ],
    ["first_contact_recorded", {}, "First contact recorded"],
    ["information_requested", { reason: "Which Trust?" }, "Information requested: Which Trust?"],
    ["lead_on_leave_noted", {}, "Lead on leave noted"],
  ])("%s %j reads %j", (kind, data, expected) => {
    expect(describeEvent(kind, data, names)).toBe(expected);
  });

  it("never repeats a note's text", () => {
    expect(describeEvent("note_added", { text: "secret words" }, names)).not.toContain("secret");
  });
});
