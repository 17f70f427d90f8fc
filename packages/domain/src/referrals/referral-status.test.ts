import { describe, expect, it } from "vitest";
import { CASE_STATUSES, type CaseStatus } from "../cases/case-status";
import { DEFAULT_SLA_CONFIG } from "../sla/sla";
import {
  describeWhatHappensNext,
  TRAINEE_STATUS_TITLES,
  TRAINEE_STATUSES,
  type TraineeStatus,
  toTraineeStatus,
} from "./referral-status";
import { describeNextSteps, TRAINEE_EMAIL_KINDS, writeTraineeEmail } from "./trainee-messages";

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

describe("what a trainee is told happens next", () => {
  it.each(TRAINEE_STATUSES)("%s has a title and says what happens next in sentences", (status) => {
    expect(TRAINEE_STATUS_TITLES[status].trim()).not.toBe("");
    for (const sentence of describeWhatHappensNext(status, "2026-12-08")) expect(sentence).toMatch(/^[A-Z].+\.$/);
  });

  it("promises on the status page what the confirmation page and email promise", () => {
    const confirmation = describeNextSteps("2026-12-08");
    expect(describeWhatHappensNext("received", "2026-12-08")).toEqual(expect.arrayContaining(confirmation));
    expect(writeTraineeEmail("referral_received", "PSU-7K3F-9QX4", "2026-12-08").text).toContain(
      confirmation.join("\n"),
    );
    expect(confirmation[0]).toBe("A PSU coordinator will review your referral by 8 December 2026.");
  });

  it("promises first contact within the SLA's own target, and nothing sooner", () => {
    const days = DEFAULT_SLA_CONFIG.firstContactWorkingDays;
    expect(describeWhatHappensNext("allocated", "2026-12-08").join(" ")).toContain(`within ${days} working days`);
    expect(writeTraineeEmail("referral_allocated", "PSU-7K3F-9QX4").text).toContain(`within ${days} working days`);
  });

  it.each(TRAINEE_EMAIL_KINDS)(
    "the %s email has the reference, the crisis lines with their hours, and no more",
    (kind) => {
      const email = writeTraineeEmail(kind, "PSU-7K3F-9QX4", "2026-12-08");
      expect(email.subject).toContain("PSU-7K3F-9QX4");
      expect(email.text).toContain("NHS Frontline: call 0300 131 7000 (7am to 11pm) or text FRONTLINE to 85258");
      expect(email.text).toContain("Samaritans: call 116 123");
    },
  );
});
