import { type SignInRequest, type StaffProfile, StaffProfileSchema } from "@psu/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "../../../lib/api-client";
import { currentStaffQueryOptions } from "../../../lib/staff-api/get-current-staff";
import { STAFF_QUERY_KEY } from "../../../lib/staff-api/staff-query-key";

const SignedInSchema = z.object({ staff: StaffProfileSchema });

/** Signs in with email and password; the API sets the session cookie. 401 and 429 come back as ApiError. */
export function signIn(request: SignInRequest): Promise<StaffProfile> {
  return fetchJson("/api/auth/sign-in", SignedInSchema, { method: "POST", json: request }).then((body) => body.staff);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (staff) => {
      // Whatever an earlier session fetched goes before this one starts.
      queryClient.removeQueries({ queryKey: STAFF_QUERY_KEY });
      queryClient.setQueryData(currentStaffQueryOptions().queryKey, staff);
    },
  });
}
