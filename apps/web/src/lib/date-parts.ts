import { type CalendarDate, isCalendarDate } from "@psu/domain";
import type { DateParts } from "../components/date-input";

/** Day, month and year as typed, as a "YYYY-MM-DD" date; null when they do not make a real date. */
export function toCalendarDate({ day, month, year }: DateParts): CalendarDate | null {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const date = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return isCalendarDate(date) ? date : null;
}

/** A "YYYY-MM-DD" date as day, month and year for the date input. */
export function toDateParts(date: CalendarDate | undefined): DateParts {
  if (!date) return { day: "", month: "", year: "" };
  const [year = "", month = "", day = ""] = date.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year };
}

export const EMPTY_DATE: DateParts = { day: "", month: "", year: "" };
