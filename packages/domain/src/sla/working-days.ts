import { type CalendarDate, dayOfWeek, fromDayNumber, toDayNumber } from "../calendar/calendar-date";
import { ENGLAND_AND_WALES_BANK_HOLIDAY_DATES } from "./bank-holidays";

/** Dates that are not working days besides weekends, as a set or a list of "YYYY-MM-DD". */
export type HolidayCalendar = ReadonlySet<CalendarDate> | readonly CalendarDate[];

function toHolidaySet(holidays: HolidayCalendar): ReadonlySet<CalendarDate> {
  return Array.isArray(holidays) ? new Set(holidays) : (holidays as ReadonlySet<CalendarDate>);
}

function isWorkingDayNumber(dayNumber: number, holidays: ReadonlySet<CalendarDate>): boolean {
  const weekday = dayOfWeek(dayNumber);
  return weekday !== 0 && weekday !== 6 && !holidays.has(fromDayNumber(dayNumber));
}

/** True on Monday to Friday unless the date is a holiday. */
export function isWorkingDay(
  date: CalendarDate,
  holidays: HolidayCalendar = ENGLAND_AND_WALES_BANK_HOLIDAY_DATES,
): boolean {
  return isWorkingDayNumber(toDayNumber(date), toHolidaySet(holidays));
}

/**
 * The date `n` working days after `date` (before it when `n` is negative). The start date
 * itself never counts, so one working day after a Friday is the Monday and the result is
 * always a working day; `n = 0` returns `date` unchanged.
 */
export function addWorkingDays(
  date: CalendarDate,
  n: number,
  holidays: HolidayCalendar = ENGLAND_AND_WALES_BANK_HOLIDAY_DATES,
): CalendarDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Working days must be a whole number: ${n}`);
  const holidaySet = toHolidaySet(holidays);
  const step = n < 0 ? -1 : 1;
  let dayNumber = toDayNumber(date);
  for (let remaining = Math.abs(n); remaining > 0; ) {
    dayNumber += step;
    if (isWorkingDayNumber(dayNumber, holidaySet)) remaining -= 1;
  }
  return fromDayNumber(dayNumber);
}

// 1969-12-29, day number -3, was a Monday: counting from it, every 7 days hold 5 weekdays.
const MONDAY_DAY_NUMBER = -3;

/** Monday to Friday among the day numbers before `dayNumber` (counted from a fixed Monday: only differences mean anything). */
function weekdaysBefore(dayNumber: number): number {
  const days = dayNumber - MONDAY_DAY_NUMBER;
  const weeks = Math.floor(days / 7);
  return weeks * 5 + Math.min(days - weeks * 7, 5);
}

// Each calendar's holidays that fall on a weekday, as day numbers: worked out once per calendar.
const weekdayHolidayCache = new WeakMap<object, number[]>();

function listWeekdayHolidays(holidays: HolidayCalendar): number[] {
  let found = weekdayHolidayCache.get(holidays);
  if (!found) {
    found = [...new Set(holidays)].map(toDayNumber).filter((dayNumber) => {
      const weekday = dayOfWeek(dayNumber);
      return weekday !== 0 && weekday !== 6;
    });
    weekdayHolidayCache.set(holidays, found);
  }
  return found;
}

/**
 * Working days from `a` to `b`: those after `a` up to and including `b`, negative when `b` is
 * earlier (then those from `b` up to but excluding `a`). It is the inverse of addWorkingDays:
 * `workingDaysBetween(a, addWorkingDays(a, n)) === n`. Counted by arithmetic (weekdays, less the
 * holidays on weekdays), not day by day: a case's age is asked for on every queue row.
 */
export function workingDaysBetween(
  a: CalendarDate,
  b: CalendarDate,
  holidays: HolidayCalendar = ENGLAND_AND_WALES_BANK_HOLIDAY_DATES,
): number {
  const start = toDayNumber(a);
  const end = toDayNumber(b);
  const [low, high, sign] = start <= end ? [start + 1, end, 1] : [end, start - 1, -1];
  if (high < low) return 0;
  let count = weekdaysBefore(high + 1) - weekdaysBefore(low);
  for (const holiday of listWeekdayHolidays(holidays)) {
    if (holiday >= low && holiday <= high) count -= 1;
  }
  // Avoids -0, which strict equality in tests and JSON consumers would trip over.
  return count === 0 ? 0 : sign * count;
}
