import { type SecondFactorRequest, SignedInSchema, type StaffProfile } from "@psu/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";
import { currentStaffQueryOptions } from "../../../lib/staff-api/get-current-staff";

/** The second step: a code from the authenticator app or a recovery code. The API signs in under a new cookie. */
export function completeSecondFactor(request: SecondFactorRequest): Promise<StaffProfile> {
  return fetchJson("/api/auth/second-factor", SignedInSchema, { method: "POST", json: request }).then(
    (body) => body.staff,
  );
}

export function useCompleteSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeSecondFactor,
    onSuccess: (staff) => queryClient.setQueryData(currentStaffQueryOptions().queryKey, staff),
  });
}
