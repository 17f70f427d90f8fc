import { z } from "zod";

// Calendar dates as "YYYY-MM-DD" strings, with no time and no zone. Arithmetic works on
// year/month/day integers or whole days since 1970-01-01 in UTC, never on local-time Dates,
// so the machine's time zone and daylight saving can never move a date by a day.

/** A calendar date, "YYYY-MM-DD". */
export const CalendarDateSchema = z.iso.date();
export type CalendarDate = string;

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function countDaysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function readDateParts(text: string): DateParts | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > countDaysInMonth(year, month)) return null;
  return { year, month, day };
}

// A malformed date here is a programming error (inputs were parsed at the edge), so it throws.
function parseDateParts(text: string): DateParts {
  const parts = readDateParts(text);
  if (!parts) throw new RangeError(`Not a calendar date in the form YYYY-MM-DD: ${JSON.stringify(text)}`);
  return parts;
}

function formatDateParts({ year, month, day }: DateParts): CalendarDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whether text is a real calendar date written "YYYY-MM-DD" (so 2025-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  return readDateParts(text) !== null;
}

/** Throws a RangeError unless text is a real "YYYY-MM-DD" date (catches a full ISO timestamp passed as `today`). */
export function assertCalendarDate(text: string, name: string): void {
  if (!isCalendarDate(text)) throw new RangeError(`${name} must be a calendar date in the form YYYY-MM-DD: "${text}"`);
}

/** Days since 1970-01-01 for a "YYYY-MM-DD" date; throws a RangeError for an impossible date. */
export function toDayNumber(date: CalendarDate): number {
  const { year, month, day } = parseDateParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
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

/** Adds whole calendar months to a "YYYY-MM-DD" date, clamping to the last day of a shorter month. */
export function addCalendarMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be a whole number: ${months}`);
  const { year, month, day } = parseDateParts(date);
  const monthsSinceYearZero = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthsSinceYearZero / 12);
  const targetMonth = monthsSinceYearZero - targetYear * 12 + 1;
  return formatDateParts({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, countDaysInMonth(targetYear, targetMonth)),
  });
}

/** Writes a "YYYY-MM-DD" date the way people read it: "30 November 2025". */
export function formatCalendarDateLong(date: CalendarDate): string {
  const { year, month, day } = parseDateParts(date);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}
