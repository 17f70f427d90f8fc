import { describe, expect, it } from "vitest";
import { type EligibilityField, isEligibilityAnswerGiven, readChoice, writeChoice } from "./eligibility-answer";
import type { EligibilityDraft } from "./wizard-state";

const TODAY = "2025-11-24";

describe("isEligibilityAnswerGiven", () => {
  it.each<[string, EligibilityDraft, EligibilityField, boolean]>([
    ["a region from the list", { region: "london" }, "region", true],
    ["no region yet", {}, "region", false],
    ["a no kept as false", { inRecognisedScheme: false }, "inRecognisedScheme", true],
    ["an end date in the past", { trainingEndedOn: "2025-08-31" }, "trainingEndedOn", true],
    ["an end date after today", { trainingEndedOn: "2025-11-25" }, "trainingEndedOn", false],
    ["an end date that is not a real date", { trainingEndedOn: "2025-02-31" }, "trainingEndedOn", false],
  ])("says %s is %s", (_, answers, field, given) => {
    expect(isEligibilityAnswerGiven(answers, field, TODAY)).toBe(given);
  });
});

describe("readChoice and writeChoice", () => {
  it("show a boolean answer as yes or no, and keep yes or no as a boolean", () => {
    expect(readChoice({ schemeOffered: false }, "schemeOffered")).toBe("no");
    expect(writeChoice({ group: "gp_scheme" }, "schemeOffered", "yes")).toEqual({
      group: "gp_scheme",
      schemeOffered: true,
    });
  });

  it("keep an answer from a list as it is", () => {
    expect(readChoice({ band: "8a" }, "band")).toBe("8a");
    expect(writeChoice({ band: "5" }, "band", "8a")).toEqual({ band: "8a" });
  });

  it("leave no answer for a choice the answer cannot take", () => {
    expect(writeChoice({ band: "5" }, "band", "banana")).toEqual({ band: undefined });
    expect(writeChoice({}, "schemeOffered", undefined)).toEqual({ schemeOffered: undefined });
  });
});
