import { type RecordedReferral, RecordedReferralSchema, type RecordReferralRequest } from "@psu/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";

/**
 * Records a referral received by email or phone. The same `idempotencyKey` for a retry or a
 * second click answers with the same referral instead of a second one; changed answers need a new key.
 */
export function recordReferral(request: RecordReferralRequest, idempotencyKey: string): Promise<RecordedReferral> {
  return fetchJson("/api/staff/referrals", RecordedReferralSchema, {
    method: "POST",
    headers: { "Idempotency-Key": idempotencyKey },
    json: request,
  });
}

export function useRecordReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: RecordReferralRequest; idempotencyKey: string }) =>
      recordReferral(request, idempotencyKey),
    // A new case changes the queue, its counts and the reports. Those queries belong to other
    // features, so all cached staff queries are marked stale: each refetches when next shown.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
