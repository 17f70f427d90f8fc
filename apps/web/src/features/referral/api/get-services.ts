import { type ServiceList, ServiceListSchema } from "@psu/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";

/** Fetches the PSU's services, referral services and self-serve resources alike. */
export function getServices(signal?: AbortSignal): Promise<ServiceList> {
  return fetchJson("/api/services", ServiceListSchema, { signal });
}

export function servicesQueryOptions() {
  return queryOptions({
    queryKey: ["services"],
    queryFn: ({ signal }) => getServices(signal),
    // The resources' links change without a release (admins keep them): a visit sees a change within a minute.
    staleTime: 60_000,
  });
}

export function useServices() {
  return useQuery(servicesQueryOptions());
}
