import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { isUnauthenticated, STAFF_QUERY_KEY } from "../../../lib/staff-api/staff-query-key";

/**
 * Calls `onEnded` when any staff request answers 401: the session expired (30 minutes idle,
 * 12 hours in all) or was ended elsewhere. One watch for every query and mutation, so no page
 * has to remember to handle it.
 */
export function useSessionEnd(onEnded: () => void): void {
  const queryClient = useQueryClient();
  const latestOnEnded = useRef(onEnded);
  latestOnEnded.current = onEnded;

  useEffect(() => {
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.query.queryKey[0] !== STAFF_QUERY_KEY[0]) return;
      if (event.action.type === "error" && isUnauthenticated(event.action.error)) latestOnEnded.current();
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== "updated") return;
      if (event.action.type === "error" && isUnauthenticated(event.action.error)) latestOnEnded.current();
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient]);
}
