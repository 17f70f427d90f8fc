import type { CalendarDate } from "../calendar/calendar-date";
import { formatReportMonth } from "./report-labels";

// Equality monitoring is shown only for whole calendar quarters that have ended
// (docs/decisions/019-equality-report-disclosure.md). Two allowed periods then never overlap, so
// no figure can be subtracted from another to reveal a count the suppression hid; and an ended
// quarter's figures never change (answers are stored with the month they were given), so the
// same quarter seen twice reveals nothing either. One granularity only: a year beside its
// quarters would let the year minus three quarters give the fourth.

/** An equality report's period: the first and last month of one calendar quarter, "YYYY-MM". */
export interface EqualityPeriod {
  from: string;
  to: string;
}

/** A reason a period is not allowed for equality monitoring, on the field to change. */
export interface EqualityPeriodIssue {
  field: "from" | "to";
  message: string;
}

export const EQUALITY_PERIOD_MESSAGES = {
  notQuarterStart:
    "Equality figures are for one calendar quarter: choose January, April, July or October as the start month",
  notQuarterEnd: "Equality figures are for one calendar quarter: choose the month 2 months after the start month",
  notEnded:
    "Equality figures for a quarter are shown once it has ended, so that they never change: choose an earlier quarter",
} as const;

function toMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** The calendar quarter that a month ("2026-08") falls in: { from: "2026-07", to: "2026-09" }. */
export function findQuarterOf(month: string): EqualityPeriod {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const first = monthNumber - ((monthNumber - 1) % 3);
  return { from: toMonth(year, first), to: toMonth(year, first + 2) };
}

/** Why a well-formed period ("YYYY-MM" months) is not one ended calendar quarter on `today`; [] when it is. */
export function findEqualityPeriodIssues(period: EqualityPeriod, today: CalendarDate): EqualityPeriodIssue[] {
  const quarter = findQuarterOf(period.from);
  if (quarter.from !== period.from) return [{ field: "from", message: EQUALITY_PERIOD_MESSAGES.notQuarterStart }];
  if (quarter.to !== period.to) return [{ field: "to", message: EQUALITY_PERIOD_MESSAGES.notQuarterEnd }];
  if (period.to >= today.slice(0, 7)) return [{ field: "to", message: EQUALITY_PERIOD_MESSAGES.notEnded }];
  return [];
}

/** The `count` most recent calendar quarters that have ended by `today`, newest first. */
export function listEqualityPeriods(today: CalendarDate, count: number): EqualityPeriod[] {
  const periods: EqualityPeriod[] = [];
  let [year, month] = findQuarterOf(today.slice(0, 7)).from.split("-").map(Number) as [number, number];
  while (periods.length < count) {
    month -= 3;
    if (month < 1) {
      month += 12;
      year -= 1;
    }
    periods.push(findQuarterOf(toMonth(year, month)));
  }
  return periods;
}

/** A quarter in words: "July to September 2026". */
export function formatEqualityPeriod(period: EqualityPeriod): string {
  const first = formatReportMonth(period.from).replace(/ \d{4}$/, "");
  return `${first} to ${formatReportMonth(period.to)}`;
}
