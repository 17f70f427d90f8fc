import { type ReferralStatus, ReferralStatusSchema, type StatusLookupRequest } from "@psu/domain";
import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";

/**
 * Looks a referral up by its reference and the email given with it. A POST, so neither ever
 * appears in a URL. Any pair that does not match is the same 404 NOT_FOUND; too many tries, 429.
 */
export function getReferralStatus(lookup: StatusLookupRequest): Promise<ReferralStatus> {
  return fetchJson("/api/referral-status", ReferralStatusSchema, { method: "POST", json: lookup });
}

export function useReferralStatusLookup() {
  return useMutation({ mutationFn: getReferralStatus });
}
