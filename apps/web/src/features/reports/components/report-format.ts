import { formatCalendarDateLong } from "@psu/domain";
import type { ReportPeriod } from "./report-period";

/** A "YYYY-MM" month as people read it: "November 2026". */
export function formatMonth(month: string): string {
  // The long date of the month's first day is "1 November 2026": drop the "1 ".
  return formatCalendarDateLong(`${month}-01`).slice(2);
}

/** "December 2025 to November 2026", or just "November 2026" for one month. */
export function formatPeriod(period: ReportPeriod): string {
  return period.from === period.to
    ? formatMonth(period.from)
    : `${formatMonth(period.from)} to ${formatMonth(period.to)}`;
}

/** A share from 0 to 1 as a whole percentage ("87%"); "None completed" when there is none. */
export function formatShare(share: number | null): string {
  if (share === null) return "None completed";
  return `${Math.round(share * 100)}%`;
}

/** Working days with one decimal place when needed: "1 working day", "2.5 working days". */
export function formatWorkingDays(days: number | null): string {
  if (days === null) return "None completed";
  const rounded = Math.round(days * 10) / 10;
  const text = rounded.toLocaleString("en-GB", { maximumFractionDigits: 1 });
  return `${text} working ${rounded === 1 ? "day" : "days"}`;
}

/** A count with thousands separators: "1,234". */
export function formatCount(count: number): string {
  return count.toLocaleString("en-GB");
}

/** A count that may be suppressed: "fewer than 5" in place of a small number. */
export function formatSuppressedCount(value: { count: number | null; suppressed: boolean }): string {
  if (value.suppressed || value.count === null) return "fewer than 5";
  return formatCount(value.count);
}
