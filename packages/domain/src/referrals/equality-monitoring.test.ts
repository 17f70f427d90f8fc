import { describe, expect, it } from "vitest";
import {
  EQUALITY_LABELS,
  EQUALITY_QUESTION_KEYS,
  EqualityMonitoringSchema,
  ETHNIC_GROUPS,
  ETHNICITIES,
} from "./equality-monitoring";

// Every (question, code) pair the form can send, from the labels the form shows.
const ANSWERS = EQUALITY_QUESTION_KEYS.flatMap((question) =>
  Object.keys(EQUALITY_LABELS[question]).map((code) => ({ question, code })),
);

describe("EqualityMonitoringSchema", () => {
  it("has wording and labelled answers for exactly its questions, in the form's order", () => {
    const questions = Object.keys(EqualityMonitoringSchema.shape);
    expect(EQUALITY_QUESTION_KEYS).toEqual(questions);
    expect(Object.keys(EQUALITY_LABELS)).toEqual(questions);
  });

  it("accepts no answers at all, since every question is optional", () => {
    expect(EqualityMonitoringSchema.parse({})).toEqual({});
  });

  it.each(ANSWERS)("accepts $question = $code", ({ question, code }) => {
    expect(EqualityMonitoringSchema.parse({ [question]: code })).toEqual({ [question]: code });
  });

  it.each(EQUALITY_QUESTION_KEYS)("lets %s be answered prefer not to say", (question) => {
    expect(EqualityMonitoringSchema.safeParse({ [question]: "prefer_not_to_say" }).success).toBe(true);
  });

  it.each([
    ["ageBand", "15_or_under"],
    ["ageBand", 34],
    ["sex", "other"],
    ["genderSameAsAtBirth", true],
    ["sexualOrientation", "straight"],
    ["ethnicity", "asian"],
    ["religion", "jedi"],
    ["disability", "maybe"],
  ])("refuses %s = %j at its path", (question, value) => {
    const result = EqualityMonitoringSchema.safeParse({ [question]: value });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [[question], "Select an answer from the list, or leave the question blank"],
    ]);
  });

  it("drops anything that is not one of its questions, so no free text is kept", () => {
    expect(EqualityMonitoringSchema.parse({ sex: "female", ethnicityOther: "Written in" })).toEqual({ sex: "female" });
  });
});

describe("the ethnicity question", () => {
  const ethnicities = ETHNICITIES.filter((code) => code !== "prefer_not_to_say");

  it("has the 19 ONS 2021 categories", () => {
    expect(ethnicities).toHaveLength(19);
  });

  it("places each category under exactly one of the 5 ONS headings", () => {
    expect(ETHNIC_GROUPS).toHaveLength(5);
    expect(ETHNIC_GROUPS.flatMap((group) => group.ethnicities).sort()).toEqual([...ethnicities].sort());
  });
});

describe("EQUALITY_LABELS", () => {
  it.each(ANSWERS)("$question = $code has a label", ({ question, code }) => {
    const labels: Record<string, string> = EQUALITY_LABELS[question];
    expect(labels[code]?.trim()).not.toBe("");
  });
});
