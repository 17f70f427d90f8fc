import { describe, expect, it } from "vitest";
import { toCalendarDate, toDateParts } from "./date-parts";

describe("toCalendarDate", () => {
  it.each([
    [{ day: "1", month: "12", year: "2026" }, "2026-12-01"],
    [{ day: " 29 ", month: "2", year: "2028" }, "2028-02-29"],
    [{ day: "29", month: "2", year: "2027" }, null],
    [{ day: "31", month: "4", year: "2026" }, null],
    [{ day: "", month: "4", year: "2026" }, null],
    [{ day: "1", month: "1", year: "26" }, null],
  ])("reads %o as %s", (parts, expected) => {
    expect(toCalendarDate(parts)).toBe(expected);
  });
});

describe("toDateParts", () => {
  it("splits a date for the date input, without leading zeros", () => {
    expect(toDateParts("2026-03-07")).toEqual({ day: "7", month: "3", year: "2026" });
    expect(toDateParts(undefined)).toEqual({ day: "", month: "", year: "" });
  });
});
