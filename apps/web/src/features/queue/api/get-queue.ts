import { type QueuePage, QueuePageSchema, type QueueQuery } from "@psu/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";
import { QUEUE_QUERY_KEY } from "../../../lib/staff-api/staff-query-key";

/** One page of the queue. A POST, so searches for names and emails stay out of URLs and logs. */
export function getQueue(query: QueueQuery, signal?: AbortSignal): Promise<QueuePage> {
  return fetchJson("/api/staff/queue", QueuePageSchema, { method: "POST", json: query, signal });
}

export function queueQueryOptions(query: QueueQuery) {
  return queryOptions({
    queryKey: [...QUEUE_QUERY_KEY, query],
    queryFn: ({ signal }) => getQueue(query, signal),
    // A coordinator watches the queue change through the day; half a minute old is old enough.
    staleTime: 30_000,
    refetchOnWindowFocus: true,
  });
}

/** The queue page for `query`, keeping the last page on screen while the next one loads. */
export function useQueue(query: QueueQuery) {
  return useQuery({ ...queueQueryOptions(query), placeholderData: keepPreviousData });
}
