import type { CalendarDate } from "@psu/domain";

// Dates as staff read them, in London time (the unit's, whatever the computer's zone).

// en-GB's short month names, as Intl writes them (format-dates.test.ts holds them to it). The
// queue's SLA tags write a date in every row without Intl: the first Intl formatter a tab makes
// loads the locale's data, tens of milliseconds on a phone while the queue is first drawn.
const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"] as const;

/** "3 Dec" for a date this year, "3 Dec 2025" otherwise. */
export function formatShortDate(date: CalendarDate, now: Date = new Date()): string {
  const [year = "", month = "", day = ""] = date.split("-");
  const dayMonth = `${Number(day)} ${SHORT_MONTHS[Number(month) - 1]}`;
  // London's year is UTC's: the year turns in winter, when London keeps GMT.
  return Number(year) === now.getUTCFullYear() ? dayMonth : `${dayMonth} ${Number(year)}`;
}

let dateTimeFormat: Intl.DateTimeFormat | undefined;

/** "3 Dec 2025, 14:05" in London time. */
export function formatDateTime(instant: string): string {
  dateTimeFormat ??= new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });
  return dateTimeFormat.format(new Date(instant));
}

/**
 * The instant a London calendar day starts or ends, as ISO text for the API. Good enough for
 * filters: it uses the browser's offset, which for the unit's staff is London's.
 */
export function toDayBoundary(date: CalendarDate, boundary: "start" | "end"): string {
  const time = boundary === "start" ? "00:00:00.000" : "23:59:59.999";
  return new Date(`${date}T${time}`).toISOString();
}
