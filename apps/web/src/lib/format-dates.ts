import type { CalendarDate } from "@psu/domain";

// Dates as staff read them, in London time (the unit's, whatever the computer's zone).
const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const dayMonthYear = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});
const londonYear = new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "Europe/London" });

/** "3 Dec" for a date this year, "3 Dec 2025" otherwise. */
export function formatShortDate(date: CalendarDate, now: Date = new Date()): string {
  // A calendar date is a day, not an instant: read it at midnight UTC and format it in UTC.
  const day = new Date(`${date}T00:00:00Z`);
  return date.slice(0, 4) === londonYear.format(now) ? dayMonth.format(day) : dayMonthYear.format(day);
}

/** "3 Dec 2025, 14:05" in London time. */
export function formatDateTime(instant: string): string {
  return dateTime.format(new Date(instant));
}

/**
 * The instant a London calendar day starts or ends, as ISO text for the API. Good enough for
 * filters: it uses the browser's offset, which for the unit's staff is London's.
 */
export function toDayBoundary(date: CalendarDate, boundary: "start" | "end"): string {
  const time = boundary === "start" ? "00:00:00.000" : "23:59:59.999";
  return new Date(`${date}T${time}`).toISOString();
}
