import { z } from "zod";

/**
 * A calendar date with no time and no zone, "YYYY-MM-DD". Dates are compared and counted as
 * whole days since 1970-01-01 using UTC arithmetic only, so the machine's own time zone can
 * never shift a date (the classic `new Date("2025-03-30")` + local-time bug).
 */
export const CalendarDateSchema = z.iso.date();
export type CalendarDate = string;

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 for a "YYYY-MM-DD" date. A malformed or impossible date is a
 * programming error (inputs are parsed at the edge), so it throws a RangeError.
 */
export function toDayNumber(date: CalendarDate): number {
  const match = DATE_PATTERN.exec(date);
  if (match) {
    const [, year, month, day] = match.map(Number) as [number, number, number, number];
    const ms = Date.UTC(year, month - 1, day);
    // Date.UTC rolls 2025-02-30 over to March; reject anything that does not round-trip.
    if (fromDayNumber(ms / MS_PER_DAY) === date) return ms / MS_PER_DAY;
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/** The "YYYY-MM-DD" date for a number of days since 1970-01-01. */
export function fromDayNumber(dayNumber: number): CalendarDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day of the week of a day number: 0 Sunday to 6 Saturday. */
export function dayOfWeek(dayNumber: number): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Adds calendar days (negative goes back). */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}
