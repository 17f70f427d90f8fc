import { formatCalendarDateLong, toLondonDate } from "@psu/domain";

/** The London calendar date of a timestamp, written "3 December 2025". */
export function formatLondonDate(timestamp: string): string {
  return formatCalendarDateLong(toLondonDate(timestamp));
}
