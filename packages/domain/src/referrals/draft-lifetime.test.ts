import { describe, expect, it } from "vitest";
import { computeDraftExpiry, DRAFT_LIFETIME_TEXT, findOldestLiveDraftStart } from "./draft-lifetime";

const FIRST = new Date("2026-06-01T10:00:00Z");
const days = (count: number) => new Date(FIRST.getTime() + count * 24 * 60 * 60 * 1000);

describe("computeDraftExpiry", () => {
  it.each([
    ["the first save", 0, 7],
    ["a save 2 days later", 2, 9],
    ["a save 23 days later, just inside the cap", 23, 30],
    ["a save 25 days later", 25, 30],
    ["a save 29.5 days later", 29.5, 30],
  ])("keeps a draft 7 days after %s, never past 30 days from the first", (_case, savedAfter, expiresAfter) => {
    expect(computeDraftExpiry(FIRST, days(savedAfter))).toEqual(days(expiresAfter));
  });
});

describe("findOldestLiveDraftStart", () => {
  it("is 30 days before now, so a draft first saved then has reached its cap", () => {
    expect(findOldestLiveDraftStart(days(30))).toEqual(FIRST);
  });
});

it("says both limits in words", () => {
  expect(DRAFT_LIFETIME_TEXT).toBe(
    "7 days after you last saved them, and never more than 30 days after you first saved them",
  );
});
