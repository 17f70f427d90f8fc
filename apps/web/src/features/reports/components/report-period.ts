import { addCalendarMonthsClamped, type ReportQuery, ReportQuerySchema, toLondonDate } from "@psu/domain";
import { hasErrorCode } from "../../../lib/api-client";
import { type FormError, toApiFormErrors, toFormErrors } from "../../../lib/form-errors";

/** A report's period: whole months, `from` to `to` inclusive ("2025-12" to "2026-11"). */
export type ReportPeriod = ReportQuery;

/** How many months a report covers by default, ending with the current month. */
export const DEFAULT_REPORT_MONTHS = 12;

/** The ids of the period form's fields, which the error summary links to. */
export const PERIOD_FIELD_IDS = { from: "report-from", to: "report-to" } as const;

/** The last 12 months in London, ending with the month `now` falls in. */
export function findDefaultPeriod(now: Date): ReportPeriod {
  const today = toLondonDate(now);
  return {
    from: addCalendarMonthsClamped(today, -(DEFAULT_REPORT_MONTHS - 1)).slice(0, 7),
    to: today.slice(0, 7),
  };
}

/**
 * The period in a URL's query string, as typed (the API checks it and says what is wrong), or
 * the default for a month left out. Months are not personal data, so the URL may carry them.
 */
export function readReportPeriod(params: URLSearchParams, now: Date): ReportPeriod {
  const fallback = findDefaultPeriod(now);
  return { from: params.get("from")?.trim() || fallback.from, to: params.get("to")?.trim() || fallback.to };
}

/** The query string for a period. */
export function writeReportPeriod(period: ReportPeriod): URLSearchParams {
  return new URLSearchParams({ from: period.from, to: period.to });
}

/** What is wrong with a period typed into the form, by the same rules (and words) as the API. */
export function validateReportPeriod(period: ReportPeriod): FormError[] {
  const parsed = ReportQuerySchema.safeParse(period);
  if (parsed.success) return [];
  return toFormErrors(parsed.error.issues, [PERIOD_FIELD_IDS.from, PERIOD_FIELD_IDS.to], PERIOD_FIELD_IDS);
}

/** The API's 400 for a period, as the form's errors; none for any other failure. */
export function toPeriodErrors(error: unknown): FormError[] {
  if (!hasErrorCode(error, "VALIDATION_FAILED", "BAD_REQUEST")) return [];
  return toApiFormErrors(error, { fieldIds: PERIOD_FIELD_IDS });
}

/** True when the API refused the report because of the signed-in person's role. */
export function isNotAllowed(error: unknown): boolean {
  return hasErrorCode(error, "FORBIDDEN");
}
