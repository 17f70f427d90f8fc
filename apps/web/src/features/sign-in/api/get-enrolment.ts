import { type AuthenticatorEnrolment, AuthenticatorEnrolmentSchema } from "@psu/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";

/** The authenticator key and QR code to set up at a first sign-in (the same on every ask until confirmed). */
export function getEnrolment(signal?: AbortSignal): Promise<AuthenticatorEnrolment> {
  return fetchJson("/api/auth/enrolment", AuthenticatorEnrolmentSchema, { signal });
}

export function enrolmentQueryOptions() {
  return queryOptions({
    // Not under the staff key: nobody is signed in yet. Kept no longer than the page shows it.
    queryKey: ["sign-in", "enrolment"],
    queryFn: ({ signal }) => getEnrolment(signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useEnrolment() {
  return useQuery(enrolmentQueryOptions());
}
