import { type ReportSummary, ReportSummarySchema } from "@psu/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";
import { type ReportPeriod, writeReportPeriod } from "../components/report-period";
import { REPORTS_QUERY_KEY } from "./reports-query-key";

/** Referral volumes, response times, open cases and caseloads for a period (coordinators and admins). */
export function getReportSummary(period: ReportPeriod, signal?: AbortSignal): Promise<ReportSummary> {
  return fetchJson(`/api/staff/reports/summary?${writeReportPeriod(period)}`, ReportSummarySchema, { signal });
}

export function reportSummaryQueryOptions(period: ReportPeriod) {
  return queryOptions({
    queryKey: [...REPORTS_QUERY_KEY, "summary", period],
    queryFn: ({ signal }) => getReportSummary(period, signal),
  });
}

/** The summary for `period`, keeping the last period's figures on screen while the next arrive. */
export function useReportSummary(period: ReportPeriod) {
  return useQuery({ ...reportSummaryQueryOptions(period), placeholderData: keepPreviousData });
}
