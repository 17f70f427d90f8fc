import { type EligibilityVerdict, EligibilityVerdictSchema } from "@psu/domain";
import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";
import type { EligibilityDraft } from "../wizard/wizard-state";

/** Asks the API for the verdict on the eligibility answers (concerns default to none yet). */
export function checkEligibility(answers: EligibilityDraft): Promise<EligibilityVerdict> {
  return fetchJson("/api/eligibility", EligibilityVerdictSchema, {
    method: "POST",
    json: { ...answers, concerns: answers.concerns ?? [] },
  });
}

export function useCheckEligibility() {
  return useMutation({ mutationFn: checkEligibility });
}
