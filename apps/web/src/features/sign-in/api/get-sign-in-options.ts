import { type SignInOptions, SignInOptionsSchema } from "@psu/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";

/** How staff may sign in here: password, single sign-on, or both (server settings). */
export function getSignInOptions(signal?: AbortSignal): Promise<SignInOptions> {
  return fetchJson("/api/auth/options", SignInOptionsSchema, { signal });
}

export function signInOptionsQueryOptions() {
  return queryOptions({
    queryKey: ["sign-in-options"],
    queryFn: ({ signal }) => getSignInOptions(signal),
    // Settings change only with a restart of the server.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSignInOptions() {
  return useQuery(signInOptionsQueryOptions());
}
