import type { ReportTable } from "@psu/domain";
import { type ReportPeriod, writeReportPeriod } from "../components/report-period";

/**
 * Every report query's key. It starts with "staff", the staff feature's key, so signing in or out
 * drops reports with every other staff query (features do not import each other, hence the copy).
 */
export const REPORTS_QUERY_KEY = ["staff", "reports"] as const;

/** Where a report table downloads as CSV (a plain link: the browser saves the file). */
export function toReportCsvHref(table: ReportTable, period: ReportPeriod): string {
  return `/api/staff/reports/csv/${table}?${writeReportPeriod(period)}`;
}
