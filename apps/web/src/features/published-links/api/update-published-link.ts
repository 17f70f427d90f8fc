import { type PublishedLink, PublishedLinkSchema, type UpdatePublishedLinkRequest } from "@psu/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";
import { PUBLISHED_LINKS_QUERY_KEY } from "./get-published-links";

/** Sets a document's or resource's address, or takes it down with null (admins only). */
export function updatePublishedLink({
  id,
  change,
}: {
  id: string;
  change: UpdatePublishedLinkRequest;
}): Promise<PublishedLink> {
  return fetchJson(`/api/staff/published-links/${encodeURIComponent(id)}`, PublishedLinkSchema, {
    method: "PUT",
    json: change,
  });
}

export function useUpdatePublishedLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePublishedLink,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PUBLISHED_LINKS_QUERY_KEY }),
  });
}
