import { type SignInRequest, type SignInStarted, SignInStartedSchema } from "@psu/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";
import { STAFF_QUERY_KEY } from "../../../lib/staff-api/staff-query-key";

/**
 * The first step: email and password. The API sets a pending session's cookie and says what comes
 * next (a code, or setting up an authenticator). 401 and 429 come back as ApiError.
 */
export function signIn(request: SignInRequest): Promise<SignInStarted> {
  return fetchJson("/api/auth/sign-in", SignInStartedSchema, { method: "POST", json: request });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    // Whatever an earlier session fetched goes before this one starts.
    onSuccess: () => queryClient.removeQueries({ queryKey: STAFF_QUERY_KEY }),
  });
}
