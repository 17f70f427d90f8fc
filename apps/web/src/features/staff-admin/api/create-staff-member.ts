import { type CreateStaffMemberRequestSchema, type StaffMember, StaffMemberSchema } from "@psu/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { fetchJson } from "../../../lib/api-client";
import { STAFF_MEMBERS_QUERY_KEY } from "../../../lib/staff-api/get-staff-members";

export type CreateStaffMemberRequest = z.output<typeof CreateStaffMemberRequestSchema>;

/** Adds a member of staff (admins only). */
export function createStaffMember(request: CreateStaffMemberRequest): Promise<StaffMember> {
  return fetchJson("/api/staff/members", StaffMemberSchema, { method: "POST", json: request });
}

export function useCreateStaffMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStaffMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STAFF_MEMBERS_QUERY_KEY }),
  });
}
