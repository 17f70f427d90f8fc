import { z } from "zod";
import type { CalendarDate } from "./calendar-date";

/**
 * An instant: a `Date`, or an ISO 8601 timestamp string with an explicit zone ("Z" or
 * "+01:00"). Strings without a zone are refused because JavaScript would read them in the
 * machine's local time. Databases hand us Dates; JSON hands us strings; both are accepted.
 */
export const InstantSchema = z.union([z.date(), z.iso.datetime({ offset: true })]);
export type Instant = Date | string;

const ZONED_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Milliseconds since the epoch; an invalid instant is a programming error and throws RangeError. */
export function toEpochMilliseconds(instant: Instant): number {
  if (typeof instant === "string" && !ZONED_TIMESTAMP.test(instant)) {
    throw new RangeError(`Not an ISO 8601 timestamp with a zone: ${JSON.stringify(instant)}`);
  }
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a valid instant: ${String(instant)}`);
  return ms;
}

// Built once, when first needed: constructing Intl formatters is slow, and in a browser the first
// one a tab makes loads the locale's data (tens of milliseconds on a phone), which a page that
// shows no London date should not pay for importing this module. formatToParts keeps us
// independent of the locale's date order.
let londonDateFormat: Intl.DateTimeFormat | undefined;

function formatLondonDate(ms: number): CalendarDate {
  londonDateFormat ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const parts = londonDateFormat.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/*
 * Formatting costs microseconds, and an SLA clock asks for several dates: counting every open
 * case's clock spent most of its time here. Since 1972 London's offset from UTC is a whole hour
 * and changes only on the hour (01:00 UTC), so every instant of one UTC hour has the same London
 * date: it is formatted once per hour and remembered (a few thousand hours cover the open cases).
 */
const HOUR_MS = 3_600_000;
const WHOLE_HOUR_OFFSETS_FROM = Date.UTC(1972, 0, 1);
const REMEMBERED_HOURS = 50_000;
const londonDateByHour = new Map<number, CalendarDate>();

/** The calendar date in London (GMT or BST) at an instant: 23:30 UTC on a BST evening is the next day. */
export function toLondonDate(instant: Instant): CalendarDate {
  const ms = toEpochMilliseconds(instant);
  if (ms < WHOLE_HOUR_OFFSETS_FROM) return formatLondonDate(ms);
  const hour = Math.floor(ms / HOUR_MS);
  let date = londonDateByHour.get(hour);
  if (date === undefined) {
    if (londonDateByHour.size >= REMEMBERED_HOURS) londonDateByHour.clear();
    date = formatLondonDate(hour * HOUR_MS);
    londonDateByHour.set(hour, date);
  }
  return date;
}
