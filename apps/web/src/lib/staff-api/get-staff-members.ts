import { type StaffMember, StaffMemberListSchema } from "@psu/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "../api-client";
import { STAFF_QUERY_KEY } from "./staff-query-key";

/** Every member of staff with what they cover, their capacity, open cases and leave. */
export function getStaffMembers(signal?: AbortSignal): Promise<StaffMember[]> {
  return fetchJson("/api/staff/members", StaffMemberListSchema, { signal }).then((body) => body.members);
}

export const STAFF_MEMBERS_QUERY_KEY = [...STAFF_QUERY_KEY, "members"] as const;

export function staffMembersQueryOptions() {
  return queryOptions({
    queryKey: STAFF_MEMBERS_QUERY_KEY,
    queryFn: ({ signal }) => getStaffMembers(signal),
    staleTime: 60_000,
  });
}

export function useStaffMembers({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...staffMembersQueryOptions(), enabled });
}
