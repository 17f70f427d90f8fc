import { describe, expect, it } from "vitest";
import {
  EQUALITY_PERIOD_MESSAGES,
  findEqualityPeriodIssues,
  findQuarterOf,
  formatEqualityPeriod,
  listEqualityPeriods,
} from "./equality-periods";

describe("findQuarterOf", () => {
  it.each([
    ["2026-01", "2026-01", "2026-03"],
    ["2026-03", "2026-01", "2026-03"],
    ["2026-04", "2026-04", "2026-06"],
    ["2026-08", "2026-07", "2026-09"],
    ["2026-12", "2026-10", "2026-12"],
  ])("puts %s in %s to %s", (month, from, to) => {
    expect(findQuarterOf(month)).toEqual({ from, to });
  });
});

describe("findEqualityPeriodIssues", () => {
  const today = "2026-11-24";
  it.each([
    ["an ended quarter", "2026-07", "2026-09", []],
    ["an older quarter", "2019-10", "2019-12", []],
    ["a quarter not over yet", "2026-10", "2026-12", [{ field: "to", message: EQUALITY_PERIOD_MESSAGES.notEnded }]],
    ["a future quarter", "2027-01", "2027-03", [{ field: "to", message: EQUALITY_PERIOD_MESSAGES.notEnded }]],
    [
      "a start mid-quarter",
      "2026-08",
      "2026-10",
      [{ field: "from", message: EQUALITY_PERIOD_MESSAGES.notQuarterStart }],
    ],
    ["one month", "2026-07", "2026-07", [{ field: "to", message: EQUALITY_PERIOD_MESSAGES.notQuarterEnd }]],
    ["two quarters", "2026-01", "2026-06", [{ field: "to", message: EQUALITY_PERIOD_MESSAGES.notQuarterEnd }]],
    ["a year", "2025-01", "2025-12", [{ field: "to", message: EQUALITY_PERIOD_MESSAGES.notQuarterEnd }]],
  ])("%s (%s to %s)", (_case, from, to, issues) => {
    expect(findEqualityPeriodIssues({ from, to }, today)).toEqual(issues);
  });

  it("allows a quarter from the first day of the month after it", () => {
    expect(findEqualityPeriodIssues({ from: "2026-07", to: "2026-09" }, "2026-09-30")).toHaveLength(1);
    expect(findEqualityPeriodIssues({ from: "2026-07", to: "2026-09" }, "2026-10-01")).toEqual([]);
  });
});

describe("listEqualityPeriods", () => {
  it("lists the ended quarters, newest first, across years", () => {
    expect(listEqualityPeriods("2026-02-10", 3)).toEqual([
      { from: "2025-10", to: "2025-12" },
      { from: "2025-07", to: "2025-09" },
      { from: "2025-04", to: "2025-06" },
    ]);
    expect(listEqualityPeriods("2026-10-01", 1)).toEqual([{ from: "2026-07", to: "2026-09" }]);
  });

  it("lists only periods it would allow, none overlapping another", () => {
    const periods = listEqualityPeriods("2026-11-24", 12);
    for (const period of periods) expect(findEqualityPeriodIssues(period, "2026-11-24")).toEqual([]);
    const months = periods.flatMap((period) => [period.from, period.to]);
    expect(new Set(months).size).toBe(months.length);
  });
});

it("writes a quarter in words", () => {
  expect(formatEqualityPeriod({ from: "2026-07", to: "2026-09" })).toBe("July to September 2026");
});
