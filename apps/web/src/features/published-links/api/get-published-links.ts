import { type PublishedLink, PublishedLinkListSchema } from "@psu/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";

/**
 * It starts with "staff", the staff feature's key, so signing in or out drops it with every other
 * staff query (features do not import each other, hence the copy).
 */
export const PUBLISHED_LINKS_QUERY_KEY = ["staff", "published-links"] as const;

/** Every document and resource with its address and who last changed it (admins only). */
export function getPublishedLinks(signal?: AbortSignal): Promise<PublishedLink[]> {
  return fetchJson("/api/staff/published-links", PublishedLinkListSchema, { signal }).then((body) => body.links);
}

export function publishedLinksQueryOptions() {
  return queryOptions({
    queryKey: PUBLISHED_LINKS_QUERY_KEY,
    queryFn: ({ signal }) => getPublishedLinks(signal),
  });
}

export function usePublishedLinks() {
  return useQuery(publishedLinksQueryOptions());
}
