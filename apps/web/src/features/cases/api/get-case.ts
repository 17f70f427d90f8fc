import { type CaseDetail, CaseDetailSchema } from "@psu/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";
import { STAFF_QUERY_KEY } from "../../../lib/staff-api/staff-query-key";

/**
 * Fetches a case as the signed-in member of staff may see it (404 for a lead it is not
 * allocated to). Its `version` is what every change to it must send back in If-Match.
 */
export function getCase(caseId: string, signal?: AbortSignal): Promise<CaseDetail> {
  return fetchJson(`/api/staff/cases/${encodeURIComponent(caseId)}`, CaseDetailSchema, { signal });
}

export function caseQueryKey(caseId: string) {
  return [...STAFF_QUERY_KEY, "cases", caseId] as const;
}

export function caseQueryOptions(caseId: string) {
  return queryOptions({
    queryKey: caseQueryKey(caseId),
    queryFn: ({ signal }) => getCase(caseId, signal),
    // Every read is audited and the version must be current: fetch on each visit, never guess.
    staleTime: 0,
  });
}

export function useCase(caseId: string) {
  return useQuery(caseQueryOptions(caseId));
}
