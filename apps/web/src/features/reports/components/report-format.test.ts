import { describe, expect, test } from "vitest";
import {
  formatCount,
  formatMonth,
  formatPeriod,
  formatShare,
  formatSuppressedCount,
  formatWorkingDays,
} from "./report-format";

describe("formatMonth", () => {
  test.each([
    ["2026-11", "November 2026"],
    ["2026-01", "January 2026"],
    ["2025-12", "December 2025"],
  ])("writes %s as %s", (month, expected) => {
    expect(formatMonth(month)).toBe(expected);
  });
});

describe("formatPeriod", () => {
  test("names both ends of a period", () => {
    expect(formatPeriod({ from: "2025-12", to: "2026-11" })).toBe("December 2025 to November 2026");
  });

  test("names a single month once", () => {
    expect(formatPeriod({ from: "2026-11", to: "2026-11" })).toBe("November 2026");
  });
});

describe("formatShare", () => {
  test.each([
    [0, "0%"],
    [1, "100%"],
    [0.875, "88%"],
    [2 / 3, "67%"],
    [0.004, "0%"],
    [null, "None completed"],
  ])("writes %s as %s", (share, expected) => {
    expect(formatShare(share)).toBe(expected);
  });
});

describe("formatWorkingDays", () => {
  test.each([
    [0, "0 working days"],
    [1, "1 working day"],
    [2, "2 working days"],
    [2.5, "2.5 working days"],
    [1.04, "1 working day"],
    [3.96, "4 working days"],
    [12.25, "12.3 working days"],
    [null, "None completed"],
  ])("writes %s as %s", (days, expected) => {
    expect(formatWorkingDays(days)).toBe(expected);
  });
});

describe("formatCount and formatSuppressedCount", () => {
  test("separates thousands", () => {
    expect(formatCount(1234)).toBe("1,234");
    expect(formatCount(0)).toBe("0");
  });

  test("says fewer than 5 for a suppressed count, and the number otherwise", () => {
    expect(formatSuppressedCount({ count: null, suppressed: true })).toBe("fewer than 5");
    expect(formatSuppressedCount({ count: 12, suppressed: false })).toBe("12");
    expect(formatSuppressedCount({ count: 0, suppressed: false })).toBe("0");
  });
});
