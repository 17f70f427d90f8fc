import { type QueueViewCounts, QueueViewCountsSchema } from "@psu/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";
import { QUEUE_QUERY_KEY } from "../../../lib/staff-api/staff-query-key";

/** How many cases each saved view holds, counted by the API with each view's own rules, in one answer. */
export function getViewCounts(signal?: AbortSignal): Promise<QueueViewCounts> {
  return fetchJson("/api/staff/queue/view-counts", QueueViewCountsSchema, { signal });
}

export function viewCountsQueryOptions() {
  return queryOptions({
    // Under the queue's key, so a change to any case refreshes the counts with the queue's pages.
    queryKey: [...QUEUE_QUERY_KEY, "view-counts"],
    queryFn: ({ signal }) => getViewCounts(signal),
    staleTime: 30_000,
    refetchOnWindowFocus: true,
  });
}

/** The saved views' counts, undefined until they arrive. */
export function useViewCounts() {
  return useQuery(viewCountsQueryOptions());
}
