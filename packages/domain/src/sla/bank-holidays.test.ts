import { describe, expect, it } from "vitest";
import { addCalendarDays, dayOfWeek, toDayNumber } from "../calendar/calendar-date";
import { ENGLAND_AND_WALES_BANK_HOLIDAY_DATES, ENGLAND_AND_WALES_BANK_HOLIDAYS } from "./bank-holidays";

const YEARS = [2025, 2026, 2027, 2028];

function weekday(date: string): number {
  return dayOfWeek(toDayNumber(date));
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

function firstMonday(year: number, month: number): string {
  let date = isoDate(year, month, 1);
  while (weekday(date) !== 1) date = addCalendarDays(date, 1);
  return date;
}

function lastMonday(year: number, month: number): string {
  let date = addCalendarDays(isoDate(month === 12 ? year + 1 : year, (month % 12) + 1, 1), -1);
  while (weekday(date) !== 1) date = addCalendarDays(date, -1);
  return date;
}

/** The usual England and Wales rules, written independently of the data. */
function expectedHolidays(year: number): string[] {
  const newYear = isoDate(year, 1, 1);
  const newYearObserved =
    weekday(newYear) === 6
      ? addCalendarDays(newYear, 2)
      : weekday(newYear) === 0
        ? addCalendarDays(newYear, 1)
        : newYear;
  const easter = easterSunday(year);
  const christmas = isoDate(year, 12, 25);
  const christmasWeekday = weekday(christmas);
  // Saturday: Christmas moves to Monday 27th and Boxing Day to Tuesday 28th. Sunday: Boxing
  // Day stays on Monday 26th and Christmas moves to Tuesday 27th. Friday: Boxing Day (a
  // Saturday) moves to Monday 28th.
  const christmasRun =
    christmasWeekday === 6
      ? [isoDate(year, 12, 27), isoDate(year, 12, 28)]
      : christmasWeekday === 0
        ? [isoDate(year, 12, 26), isoDate(year, 12, 27)]
        : christmasWeekday === 5
          ? [christmas, isoDate(year, 12, 28)]
          : [christmas, isoDate(year, 12, 26)];
  return [
    newYearObserved,
    addCalendarDays(easter, -2),
    addCalendarDays(easter, 1),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    ...christmasRun,
  ];
}

describe("England and Wales bank holidays", () => {
  it.each([
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2028, "2028-04-16"],
  ])("the rule oracle puts Easter %i on %s", (year, easter) => {
    expect(easterSunday(year)).toBe(easter);
  });

  it.each(YEARS)("%i has exactly 8 bank holidays", (year) => {
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((holiday) => holiday.date.startsWith(`${year}-`))).toHaveLength(8);
  });

  it.each(YEARS)("%i matches the rules", (year) => {
    const dates = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((holiday) => holiday.date.startsWith(`${year}-`)).map(
      (holiday) => holiday.date,
    );
    expect(dates).toEqual(expectedHolidays(year));
  });

  it.each(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => [holiday.date, holiday.name] as const))(
    "%s (%s) is a weekday",
    (date) => {
      expect([1, 2, 3, 4, 5]).toContain(weekday(date));
    },
  );

  it("names substitute days as such", () => {
    for (const holiday of ENGLAND_AND_WALES_BANK_HOLIDAYS) {
      const [, month, day] = holiday.date.split("-");
      const fixedDay =
        (month === "01" && day === "01") || (month === "12" && day === "25") || (month === "12" && day === "26");
      const fixedName = /New Year|Christmas|Boxing/.test(holiday.name);
      if (fixedName && !fixedDay) expect(holiday.name, holiday.date).toMatch(/\(substitute day\)$/);
    }
  });

  it("offers the same dates as a set, without duplicates", () => {
    expect(ENGLAND_AND_WALES_BANK_HOLIDAY_DATES.size).toBe(ENGLAND_AND_WALES_BANK_HOLIDAYS.length);
    expect(ENGLAND_AND_WALES_BANK_HOLIDAY_DATES.has("2026-12-28")).toBe(true);
    expect(ENGLAND_AND_WALES_BANK_HOLIDAY_DATES.has("2026-12-26")).toBe(false);
  });
});
