import { describe, expect, it } from "vitest";
import { CASE_STATUSES, type CaseStatus } from "../cases/case-status";
import { TRAINEE_STATUS_TEXT, TRAINEE_STATUSES, type TraineeStatus, toTraineeStatus } from "./referral-status";

describe("toTraineeStatus", () => {
  const expected: [CaseStatus, TraineeStatus][] = [
    ["new", "received"],
    ["triage", "being_reviewed"],
    ["information_requested", "being_reviewed"],
    ["allocated", "allocated"],
    ["first_contact", "allocated"],
    ["in_support", "allocated"],
    ["closed", "closed"],
    ["withdrawn", "withdrawn"],
  ];

  it.each(expected)("%s -> %s", (caseStatus, traineeStatus) => {
    expect(toTraineeStatus(caseStatus)).toBe(traineeStatus);
  });

  it("covers every case status", () => {
    expect(expected.map(([caseStatus]) => caseStatus)).toEqual([...CASE_STATUSES]);
  });

  it("reaches every trainee status", () => {
    expect(new Set(CASE_STATUSES.map(toTraineeStatus))).toEqual(new Set(TRAINEE_STATUSES));
  });
});

describe("TRAINEE_STATUS_TEXT", () => {
  it.each(TRAINEE_STATUSES)("%s has a title and says what happens next", (status) => {
    const text = TRAINEE_STATUS_TEXT[status];
    expect(text.title.trim()).not.toBe("");
    expect(text.whatHappensNext).toMatch(/^[A-Z].+\.$/);
  });
});
