import { type LeadSuggestion, SuggestionListSchema } from "@psu/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";
import { caseQueryKey } from "./get-case";

/** The leads the system suggests for a case, best first, each with its reasons. */
export function getLeadSuggestions(caseId: string, signal?: AbortSignal): Promise<LeadSuggestion[]> {
  return fetchJson(`/api/staff/cases/${encodeURIComponent(caseId)}/suggestions`, SuggestionListSchema, {
    signal,
  }).then((body) => body.suggestions);
}

export function leadSuggestionsQueryOptions(caseId: string) {
  return queryOptions({
    queryKey: [...caseQueryKey(caseId), "suggestions"],
    queryFn: ({ signal }) => getLeadSuggestions(caseId, signal),
    staleTime: 0,
  });
}

export function useLeadSuggestions(caseId: string, enabled: boolean) {
  return useQuery({ ...leadSuggestionsQueryOptions(caseId), enabled });
}
