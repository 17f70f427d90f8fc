import { addCalendarDays, type CalendarDate } from "../calendar/calendar-date";
import { toLondonDate } from "../calendar/london-time";
import { ENGLAND_AND_WALES_BANK_HOLIDAY_DATES } from "./bank-holidays";
import { type HolidayCalendar, isWorkingDay } from "./working-days";

// The coordinators' SLA digest goes out at 08:00 London time (GMT in winter, BST in summer) on
// working days, before the unit's day starts. These say when, given `now`; the API's scheduler
// sets a timer for the next one and asks again when it fires.

/** The London wall-clock time of the daily SLA digest. */
export const SLA_DIGEST_LONDON_HOUR = 8;

const LONDON_WALL_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function readLondonWallClock(ms: number): string {
  const parts = LONDON_WALL_CLOCK.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
}

/**
 * The instant it is `hour`:00 in London on `date`. London is UTC+0 or UTC+1, and the clocks
 * change at 01:00 UTC, so a whole hour from 02:00 on exists exactly once every day.
 */
export function toLondonInstant(date: CalendarDate, hour: number): Date {
  if (!Number.isInteger(hour) || hour < 2 || hour > 23) throw new RangeError(`An hour from 2 to 23: ${hour}`);
  const wallClock = `${date}T${String(hour).padStart(2, "0")}:00`;
  const asIfUtc = Date.parse(`${wallClock}:00Z`);
  for (const offsetHours of [0, 1]) {
    const ms = asIfUtc - offsetHours * 3_600_000;
    if (readLondonWallClock(ms) === wallClock) return new Date(ms);
  }
  throw new RangeError(`No such London time: ${wallClock}`);
}

/**
 * The London date whose digest is due at `now`: today, on a working day from 08:00 London time
 * (so an instance starting later that day still sends it); null on weekends, bank holidays and
 * before 08:00.
 */
export function findDueSlaDigestDate(
  now: Date,
  holidays: HolidayCalendar = ENGLAND_AND_WALES_BANK_HOLIDAY_DATES,
): CalendarDate | null {
  const today = toLondonDate(now);
  if (!isWorkingDay(today, holidays)) return null;
  return now >= toLondonInstant(today, SLA_DIGEST_LONDON_HOUR) ? today : null;
}

/** The next 08:00 London time on a working day after `now` (today's, if `now` is before it). */
export function findNextSlaDigestAt(now: Date, holidays: HolidayCalendar = ENGLAND_AND_WALES_BANK_HOLIDAY_DATES): Date {
  // A run of days off is at most a few days long (Christmas and a weekend); a year is plenty.
  for (let date = toLondonDate(now), days = 0; days <= 366; date = addCalendarDays(date, 1), days += 1) {
    if (!isWorkingDay(date, holidays)) continue;
    const at = toLondonInstant(date, SLA_DIGEST_LONDON_HOUR);
    if (at > now) return at;
  }
  throw new RangeError("No working day within a year");
}
