import { describe, expect, it } from "vitest";
import type { CaseStatus } from "../cases/case-status";
import { CASE_TRANSITIONS } from "../cases/case-transitions";
import { CRISIS_CONTACTS } from "../crisis/crisis-contacts";
import { PSU_COORDINATOR_EMAIL } from "../eligibility/signposts";
import { describeReferralsPaused, findTraineeEmailForStatusChange, type TraineeEmailKind } from "./trainee-messages";

// Every move the state machine allows, and the email (if any) the trainee gets for it.
const EXPECTED: [CaseStatus, CaseStatus, TraineeEmailKind | null][] = [
  ["new", "triage", null],
  ["triage", "allocated", "referral_allocated"],
  ["new", "allocated", "referral_allocated"],
  ["triage", "information_requested", "information_requested"],
  ["allocated", "information_requested", "information_requested"],
  ["first_contact", "information_requested", "information_requested"],
  ["information_requested", "triage", null],
  ["information_requested", "allocated", null],
  ["information_requested", "first_contact", null],
  ["allocated", "first_contact", null],
  ["first_contact", "in_support", null],
  ["in_support", "closed", "referral_closed"],
  ["triage", "closed", "referral_closed"],
  ["new", "withdrawn", "referral_withdrawn"],
  ["information_requested", "withdrawn", "referral_withdrawn"],
  ["allocated", "allocated", null],
];

describe("which status changes a trainee hears about", () => {
  it.each(EXPECTED)("%s -> %s: %s", (from, to, kind) => {
    expect(findTraineeEmailForStatusChange(from, to)).toBe(kind);
  });

  it("sends something for every way into allocated (first time), paused, closed and withdrawn", () => {
    for (const rule of CASE_TRANSITIONS) {
      const kind = findTraineeEmailForStatusChange(rule.from, rule.to);
      const expectsEmail =
        ["information_requested", "closed", "withdrawn"].includes(rule.to) ||
        (rule.to === "allocated" && rule.from !== "information_requested");
      expect(kind !== null, `${rule.from} -> ${rule.to}`).toBe(expectsEmail);
    }
  });
});

describe("describeReferralsPaused", () => {
  it.each([
    [1, "try again in 1 minute."],
    [60, "try again in 1 minute."],
    [61, "try again in 2 minutes."],
    [3600, "try again in 60 minutes."],
  ])("after %i seconds says %s", (seconds, words) => {
    expect(describeReferralsPaused(seconds)).toContain(words);
  });

  it("names every crisis line and the coordinators' email, so nobody in distress is left to wait", () => {
    const message = describeReferralsPaused(600);
    for (const contact of CRISIS_CONTACTS) {
      expect(message).toContain(contact.name);
      for (const channel of contact.channels) expect(message).toContain(channel.number);
    }
    expect(message).toContain(PSU_COORDINATOR_EMAIL);
  });
});
