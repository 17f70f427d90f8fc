import { type BreakGlassRequest, type CaseDetail, CaseDetailSchema } from "@psu/domain";
import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";
import { STAFF_QUERY_KEY } from "../../../lib/staff-api/staff-query-key";

/**
 * An admin's break-glass read of one case, for a reason (audited as such by the API). A POST,
 * so the reason never reaches a URL; the answer is held by the mutation, never cached as a query.
 */
export function readCaseByBreakGlass({
  caseId,
  ...reason
}: BreakGlassRequest & { caseId: string }): Promise<CaseDetail> {
  return fetchJson(`/api/staff/cases/${encodeURIComponent(caseId)}/break-glass`, CaseDetailSchema, {
    method: "POST",
    json: reason,
  });
}

export function useReadCaseByBreakGlass() {
  // Under the staff key, so signing out (or the idle timeout) drops what it read with the rest.
  return useMutation({ mutationKey: [...STAFF_QUERY_KEY, "break-glass"], mutationFn: readCaseByBreakGlass });
}
