import { type StaffProfile, StaffProfileSchema } from "@psu/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "../api-client";
import { STAFF_QUERY_KEY } from "./staff-query-key";

const CurrentStaffSchema = z.object({ staff: StaffProfileSchema });

/** Fetches the signed-in member of staff; a 401 ApiError when nobody is signed in. */
export function getCurrentStaff(signal?: AbortSignal): Promise<StaffProfile> {
  return fetchJson("/api/auth/me", CurrentStaffSchema, { signal }).then((body) => body.staff);
}

export function currentStaffQueryOptions() {
  return queryOptions({
    queryKey: [...STAFF_QUERY_KEY, "me"],
    queryFn: ({ signal }) => getCurrentStaff(signal),
    // Asked once per visit, and again whenever the window regains focus: a case left on screen
    // in a background tab goes as soon as someone comes back to it after the session has ended.
    // (Any other staff call answering 401 signs the page out too: see useSessionEnd.)
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: "always",
  });
}

export function useCurrentStaff() {
  return useQuery(currentStaffQueryOptions());
}
