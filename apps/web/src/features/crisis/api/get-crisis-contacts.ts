import { CRISIS_CONTACTS, type CrisisContactList, CrisisContactListSchema } from "@psu/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";

/** Fetches the crisis contacts from the API. */
export function getCrisisContacts(signal?: AbortSignal): Promise<CrisisContactList> {
  return fetchJson("/api/crisis-contacts", CrisisContactListSchema, { signal });
}

export function crisisContactsQueryOptions() {
  return queryOptions({
    queryKey: ["crisis-contacts"],
    queryFn: ({ signal }) => getCrisisContacts(signal),
    // Crisis help must never wait on, or fail with, the network. The domain package holds the
    // same list the API serves, so it is real data, not a stand-in: `initialData` (not
    // `placeholderData`, which disappears if the request fails) puts it in the cache, and
    // `initialDataUpdatedAt: 0` marks it stale so the API's copy replaces it when it arrives.
    // If the request fails, the bundled list simply stays on screen.
    initialData: { contacts: [...CRISIS_CONTACTS] },
    initialDataUpdatedAt: 0,
    staleTime: 10 * 60_000,
  });
}

/** The crisis contacts: always data, from the API or from the bundled list. */
export function useCrisisContacts() {
  return useQuery(crisisContactsQueryOptions());
}
