import { type StaffMember, StaffMemberSchema, type UpdateStaffMemberRequestSchema } from "@psu/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { fetchJson } from "../../../lib/api-client";
import { STAFF_MEMBERS_QUERY_KEY } from "../../../lib/staff-api/get-staff-members";

export type UpdateStaffMemberRequest = z.output<typeof UpdateStaffMemberRequestSchema>;

/** Changes what a member of staff covers, their capacity, or whether they can sign in (admins only). */
export function updateStaffMember({
  staffId,
  change,
}: {
  staffId: string;
  change: UpdateStaffMemberRequest;
}): Promise<StaffMember> {
  return fetchJson(`/api/staff/members/${encodeURIComponent(staffId)}`, StaffMemberSchema, {
    method: "PATCH",
    json: change,
  });
}

export function useUpdateStaffMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateStaffMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STAFF_MEMBERS_QUERY_KEY }),
  });
}
