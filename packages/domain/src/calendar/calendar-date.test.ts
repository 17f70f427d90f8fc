import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { addCalendarMonthsClamped, assertCalendarDate, formatCalendarDateLong, isCalendarDate } from "./calendar-date";

describe("addCalendarMonthsClamped", () => {
  it.each([
    { date: "2025-11-15", months: 3, expected: "2026-02-15" },
    { date: "2025-08-31", months: 3, expected: "2025-11-30" },
    { date: "2025-11-30", months: 3, expected: "2026-02-28" },
    { date: "2023-11-30", months: 3, expected: "2024-02-29" },
    { date: "2023-11-29", months: 3, expected: "2024-02-29" },
    { date: "2024-11-29", months: 3, expected: "2025-02-28" },
    { date: "2025-12-31", months: 3, expected: "2026-03-31" },
    { date: "2025-10-31", months: 3, expected: "2026-01-31" },
    { date: "2099-11-30", months: 3, expected: "2100-02-28" },
    { date: "1999-11-30", months: 3, expected: "2000-02-29" },
    { date: "2024-02-29", months: 12, expected: "2025-02-28" },
    { date: "2025-01-31", months: 1, expected: "2025-02-28" },
    { date: "2025-05-31", months: 0, expected: "2025-05-31" },
    { date: "2026-03-31", months: -1, expected: "2026-02-28" },
    { date: "2026-01-15", months: -3, expected: "2025-10-15" },
    { date: "0001-01-01", months: -1, expected: "0000-12-01" },
  ])("$date plus $months months is $expected", ({ date, months, expected }) => {
    expect(addCalendarMonthsClamped(date, months)).toBe(expected);
  });

  it.each(["2025-02-30", "2025-11-30T00:00:00.000Z", "30/11/2025", ""])("refuses the malformed date %j", (date) => {
    expect(() => addCalendarMonthsClamped(date, 3)).toThrow(RangeError);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses %d months", (months) => {
    expect(() => addCalendarMonthsClamped("2025-01-01", months)).toThrow(RangeError);
  });

  it("never lands on a day that does not exist, and keeps the day when the month has it", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2300-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: -240, max: 240 }),
        (instant, months) => {
          const date = instant.toISOString().slice(0, 10);
          const result = addCalendarMonthsClamped(date, months);
          expect(isCalendarDate(result)).toBe(true);
          const day = Number(date.slice(8));
          const resultDay = Number(result.slice(8));
          expect(resultDay).toBeLessThanOrEqual(day);
          if (resultDay < day)
            expect(isCalendarDate(`${result.slice(0, 8)}${String(resultDay + 1).padStart(2, "0")}`)).toBe(false);
          // Month arithmetic: the year and month moved by exactly `months`.
          const monthsBetween =
            (Number(result.slice(0, 4)) - Number(date.slice(0, 4))) * 12 +
            Number(result.slice(5, 7)) -
            Number(date.slice(5, 7));
          expect(monthsBetween).toBe(months);
        },
      ),
    );
  });
});

describe("isCalendarDate", () => {
  it.each([
    { text: "2025-01-01", expected: true },
    { text: "2024-02-29", expected: true },
    { text: "2000-02-29", expected: true },
    { text: "2025-04-30", expected: true },
    { text: "2025-12-31", expected: true },
    { text: "2025-02-30", expected: false },
    { text: "2023-02-29", expected: false },
    { text: "1900-02-29", expected: false },
    { text: "2025-04-31", expected: false },
    { text: "2025-13-01", expected: false },
    { text: "2025-00-10", expected: false },
    { text: "2025-01-00", expected: false },
    { text: "2025-1-01", expected: false },
    { text: "2025-01-01T00:00", expected: false },
    { text: " 2025-01-01", expected: false },
    { text: "", expected: false },
  ])("$text is a calendar date: $expected", ({ text, expected }) => {
    expect(isCalendarDate(text)).toBe(expected);
  });

  it("agrees with zod's ISO date check, which the answers schema uses", () => {
    const digits = (length: number) =>
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: length, maxLength: length });
    const datelike = fc.tuple(digits(4), digits(2), digits(2)).map(([year, month, day]) => `${year}-${month}-${day}`);
    fc.assert(
      fc.property(datelike, (text) => {
        expect(isCalendarDate(text)).toBe(z.iso.date().safeParse(text).success);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("formatCalendarDateLong", () => {
  it.each([
    { date: "2025-11-30", expected: "30 November 2025" },
    { date: "2026-01-01", expected: "1 January 2026" },
    { date: "2024-02-29", expected: "29 February 2024" },
    { date: "2026-12-09", expected: "9 December 2026" },
  ])("writes $date as $expected", ({ date, expected }) => {
    expect(formatCalendarDateLong(date)).toBe(expected);
  });

  it("refuses a date that does not exist", () => {
    expect(() => formatCalendarDateLong("2025-02-30")).toThrow(RangeError);
  });
});

describe("assertCalendarDate", () => {
  it("accepts a calendar date", () => {
    expect(() => assertCalendarDate("2026-02-15", "today")).not.toThrow();
  });

  it("names the argument when it is a timestamp rather than a date", () => {
    expect(() => assertCalendarDate("2026-02-15T09:00:00.000Z", "today")).toThrow(/^today must be a calendar date/);
  });
});
