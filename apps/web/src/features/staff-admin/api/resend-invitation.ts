import { type StaffMember, StaffMemberSchema } from "@psu/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";
import { STAFF_MEMBERS_QUERY_KEY } from "../../../lib/staff-api/get-staff-members";

/** Emails a member a new invitation; the one before stops working (admins only). */
export function resendInvitation(staffId: string): Promise<StaffMember> {
  return fetchJson(`/api/staff/members/${encodeURIComponent(staffId)}/invitation`, StaffMemberSchema, {
    method: "POST",
  });
}

export function useResendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STAFF_MEMBERS_QUERY_KEY }),
  });
}
