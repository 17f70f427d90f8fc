import type { CaseStatus } from "../cases/case-status";
import { findService, type LeadKind } from "../catalogue/services";
import type { LeadSuggestionReasonCode } from "./lead-suggestions";

// The allocation rules the API applies when a coordinator chooses a lead, kept with the
// suggestions they answer to.

/** Statuses a case can be allocated (or re-allocated) from. */
export const ALLOCATABLE_CASE_STATUSES: readonly CaseStatus[] = ["new", "triage", "allocated"];

/** Suggestion reasons a coordinator may override by allocating anyway; recorded with the allocation. */
export const OVERRIDABLE_SUGGESTION_REASONS: readonly LeadSuggestionReasonCode[] = [
  "DOES_NOT_COVER_SERVICE",
  "AT_CAPACITY",
  "ON_LEAVE",
  "CONFLICT_SAME_TRUST",
];

/** The lead kinds of the referral services asked for, in their order, each once; SPOC when none. */
export function listRequestedLeadKinds(services: readonly string[]): LeadKind[] {
  const kinds = services.flatMap((id) => {
    const service = findService(id);
    return service?.access === "referral" ? [service.leadKind] : [];
  });
  return kinds.length > 0 ? [...new Set(kinds)] : ["spoc"];
}

/** The overridable reasons among a suggestion's: what the coordinator chose to overrule. */
export function listOverriddenReasons(
  reasons: readonly { code: LeadSuggestionReasonCode }[],
): LeadSuggestionReasonCode[] {
  return reasons.map((reason) => reason.code).filter((code) => OVERRIDABLE_SUGGESTION_REASONS.includes(code));
}
