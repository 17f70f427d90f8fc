import { CaseChangedSchema } from "@psu/domain";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { fetchJson } from "../../../lib/api-client";
import { QUEUE_QUERY_KEY } from "../../../lib/staff-api/staff-query-key";
import { caseQueryKey } from "./get-case";

export type CaseChanged = z.infer<typeof CaseChangedSchema>;

/** What every case change needs: which case, and the version the page showed. */
export type CaseChangeTarget = { caseId: string; version: number };

/**
 * Sends one change to a case with `If-Match: "<version>"`. A stale version is a 412
 * PRECONDITION_FAILED ApiError whose message says who changed what; nothing is overwritten.
 */
export function sendCaseChange(
  { caseId, version }: CaseChangeTarget,
  action: "status" | "notes" | "safety-flag" | "assign" | "first-contact",
  body: unknown,
): Promise<CaseChanged> {
  return fetchJson(`/api/staff/cases/${encodeURIComponent(caseId)}/${action}`, CaseChangedSchema, {
    method: "POST",
    headers: { "If-Match": `"${version}"` },
    json: body,
  });
}

/** After a change: the case (with its new version and timeline) and the queue are fetched again. */
export async function refreshAfterCaseChange(queryClient: QueryClient, caseId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: caseQueryKey(caseId) }),
    queryClient.invalidateQueries({ queryKey: QUEUE_QUERY_KEY }),
  ]);
}

/** A mutation for one kind of case change, refreshing the case once it has been made. */
export function useCaseChange<Variables extends CaseChangeTarget>(
  send: (variables: Variables) => Promise<CaseChanged>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (_changed, variables) => refreshAfterCaseChange(queryClient, variables.caseId),
  });
}
