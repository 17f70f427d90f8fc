import { type ReferralStatus, ReferralStatusSchema, type WithdrawRequest } from "@psu/domain";
import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";

/** Withdraws a referral; answers with its status, now "withdrawn". */
export function withdrawReferral(request: WithdrawRequest): Promise<ReferralStatus> {
  return fetchJson("/api/referral-status/withdraw", ReferralStatusSchema, { method: "POST", json: request });
}

export function useWithdrawReferral() {
  return useMutation({ mutationFn: withdrawReferral });
}
