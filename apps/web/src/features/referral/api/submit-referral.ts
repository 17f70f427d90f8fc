import { type ReferralReceipt, ReferralReceiptSchema, type ReferralSubmission } from "@psu/domain";
import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";

/**
 * Sends the referral. The same `idempotencyKey` for a retry or a second click returns the same
 * receipt instead of a second referral; a new attempt (changed answers) needs a new key.
 */
export function submitReferral(submission: ReferralSubmission, idempotencyKey: string): Promise<ReferralReceipt> {
  return fetchJson("/api/referrals", ReferralReceiptSchema, {
    method: "POST",
    headers: { "Idempotency-Key": idempotencyKey },
    json: submission,
  });
}

export function useSubmitReferral() {
  return useMutation({
    mutationFn: ({ submission, idempotencyKey }: { submission: ReferralSubmission; idempotencyKey: string }) =>
      submitReferral(submission, idempotencyKey),
  });
}
