import { type ConfirmEnrolmentRequest, type EnrolmentConfirmed, EnrolmentConfirmedSchema } from "@psu/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";
import { currentStaffQueryOptions } from "../../../lib/staff-api/get-current-staff";
import { enrolmentQueryOptions } from "./get-enrolment";

/** Confirms the authenticator with its first code: signed in, and the recovery codes to save (shown once). */
export function confirmEnrolment(request: ConfirmEnrolmentRequest): Promise<EnrolmentConfirmed> {
  return fetchJson("/api/auth/enrolment", EnrolmentConfirmedSchema, { method: "POST", json: request });
}

export function useConfirmEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmEnrolment,
    onSuccess: ({ staff }) => {
      // The key is no longer needed on this page, and must not linger in memory.
      queryClient.removeQueries({ queryKey: enrolmentQueryOptions().queryKey });
      queryClient.setQueryData(currentStaffQueryOptions().queryKey, staff);
    },
  });
}
