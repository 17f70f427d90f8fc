import { type PublishedDocument, PublishedDocumentListSchema } from "@psu/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "./api-client";

/** The unit's six documents, each with its address, or null while an admin has not set one. */
export function getDocuments(signal?: AbortSignal): Promise<PublishedDocument[]> {
  return fetchJson("/api/documents", PublishedDocumentListSchema, { signal }).then((body) => body.documents);
}

export function documentsQueryOptions() {
  return queryOptions({
    queryKey: ["documents"],
    queryFn: ({ signal }) => getDocuments(signal),
    // Admins change the addresses without a release: a visit sees a change within a minute.
    staleTime: 60_000,
  });
}

export function useDocuments() {
  return useQuery(documentsQueryOptions());
}
