import { dayOfWeek, formatCalendarDateLong, toDayNumber, toLondonDate } from "@psu/domain";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** A "YYYY-MM-DD" date as NHS.UK writes it with its day: "Wednesday 3 December 2025". */
export function formatDateWithWeekday(date: string): string {
  return `${WEEKDAYS[dayOfWeek(toDayNumber(date))]} ${formatCalendarDateLong(date)}`;
}

/** The London calendar date of a timestamp, written "3 December 2025". */
export function formatLondonDate(timestamp: string): string {
  return formatCalendarDateLong(toLondonDate(timestamp));
}
