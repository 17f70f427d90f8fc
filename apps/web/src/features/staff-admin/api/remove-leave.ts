import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "../../../lib/api-client";
import { STAFF_MEMBERS_QUERY_KEY } from "../../../lib/staff-api/get-staff-members";

/** Removes one period of leave (admins only). */
export function removeLeave({ staffId, leaveId }: { staffId: string; leaveId: string }): Promise<unknown> {
  return fetchJson(
    `/api/staff/members/${encodeURIComponent(staffId)}/leave/${encodeURIComponent(leaveId)}`,
    z.unknown(),
    { method: "DELETE" },
  );
}

export function useRemoveLeave() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeLeave,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STAFF_MEMBERS_QUERY_KEY }),
  });
}
