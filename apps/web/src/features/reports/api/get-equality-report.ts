import { type EqualityReport, EqualityReportSchema } from "@psu/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";
import { type ReportPeriod, writeReportPeriod } from "../components/report-period";
import { REPORTS_QUERY_KEY } from "./reports-query-key";

/** Equality monitoring answers received in a period, in aggregate with small counts suppressed. */
export function getEqualityReport(period: ReportPeriod, signal?: AbortSignal): Promise<EqualityReport> {
  return fetchJson(`/api/staff/reports/equality?${writeReportPeriod(period)}`, EqualityReportSchema, { signal });
}

export function equalityReportQueryOptions(period: ReportPeriod) {
  return queryOptions({
    queryKey: [...REPORTS_QUERY_KEY, "equality", period],
    queryFn: ({ signal }) => getEqualityReport(period, signal),
  });
}

/** The equality report for `period`, keeping the last period's on screen while the next arrives. */
export function useEqualityReport(period: ReportPeriod) {
  return useQuery({ ...equalityReportQueryOptions(period), placeholderData: keepPreviousData });
}
