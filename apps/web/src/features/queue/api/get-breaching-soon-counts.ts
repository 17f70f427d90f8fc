import { type BreachingSoonCounts, BreachingSoonCountsSchema } from "@psu/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";
import { QUEUE_QUERY_KEY } from "../../../lib/staff-api/staff-query-key";

/** Open cases breached and due soon per SLA clock: the breaching-soon view, counted by the API with the rows' own rules. */
export function getBreachingSoonCounts(signal?: AbortSignal): Promise<BreachingSoonCounts> {
  return fetchJson("/api/staff/queue/sla-counts", BreachingSoonCountsSchema, { signal });
}

export function breachingSoonCountsQueryOptions() {
  return queryOptions({
    // Under the queue's key, so a change to any case refreshes it with the queue's pages.
    queryKey: [...QUEUE_QUERY_KEY, "sla-counts"],
    queryFn: ({ signal }) => getBreachingSoonCounts(signal),
    staleTime: 30_000,
    refetchOnWindowFocus: true,
  });
}

/** How many cases the "Breaching soon" view holds: breached and due soon, on either clock. */
export function useBreachingSoonCount() {
  return useQuery({
    ...breachingSoonCountsQueryOptions(),
    select: (counts) =>
      counts.triage.breached + counts.triage.due_soon + counts.first_contact.breached + counts.first_contact.due_soon,
  });
}
