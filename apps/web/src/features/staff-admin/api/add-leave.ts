import type { AddLeaveRequestSchema } from "@psu/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "../../../lib/api-client";
import { STAFF_MEMBERS_QUERY_KEY } from "../../../lib/staff-api/get-staff-members";

export type AddLeaveRequest = z.output<typeof AddLeaveRequestSchema>;

/** Records a lead's leave, first and last days included (admins only). */
export function addLeave({ staffId, leave }: { staffId: string; leave: AddLeaveRequest }): Promise<unknown> {
  // The answer's shape is not part of the contract; the member list is fetched again instead.
  return fetchJson(`/api/staff/members/${encodeURIComponent(staffId)}/leave`, z.unknown(), {
    method: "POST",
    json: leave,
  });
}

export function useAddLeave() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addLeave,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STAFF_MEMBERS_QUERY_KEY }),
  });
}
