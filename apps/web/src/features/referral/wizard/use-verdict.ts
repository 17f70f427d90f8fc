import { hasErrorCode } from "../../../lib/api-client";
import { toApiFormErrors } from "../../../lib/form-errors";
import { useCheckEligibility } from "../api/check-eligibility";
import { hasAllEligibilityAnswers } from "./journey";
import type { useWizardStep } from "./use-wizard-step";
import type { EligibilityDraft } from "./wizard-state";

type WizardStepTools = Pick<ReturnType<typeof useWizardStep>, "store" | "today" | "goToNextStep" | "fail">;

/**
 * The verdict on the eligibility answers, asked of the API when they are complete. The API's
 * verdict decides whether the next page is the services question or the exit page; a failure
 * is shown against the page's own field.
 */
export function useVerdict({ store, today, goToNextStep, fail }: WizardStepTools) {
  const verdict = useCheckEligibility();

  /** Asks for the verdict on the answers as they are now, then moves on. */
  async function askVerdictAndContinue(field: string): Promise<void> {
    try {
      const result = await verdict.mutateAsync(store.getState().eligibility);
      store.update((current) => ({ ...current, verdict: result }));
      goToNextStep(store.getState());
    } catch (error) {
      fail([describeVerdictFailure(error, field)]);
    }
  }

  /** Keeps the page's answer; asks for the verdict once the chosen branch is fully answered. */
  async function saveAnswersAndContinue(answers: EligibilityDraft, field: string): Promise<void> {
    store.update((current) => ({ ...current, eligibility: answers }));
    const updated = store.getState();
    if (!hasAllEligibilityAnswers(updated, today)) return goToNextStep(updated);
    await askVerdictAndContinue(field);
  }

  return { askVerdictAndContinue, saveAnswersAndContinue, isAsking: verdict.isPending };
}

/** The API's own message about this question when it has one; otherwise a plain "try again". */
export function describeVerdictFailure(error: unknown, field: string): { field: string; message: string } {
  const [first] = toApiFormErrors(error, {
    fieldIds: { [field]: field },
    messages: { TOO_MANY_REQUESTS: "Too many attempts. Wait 15 minutes then try again." },
  });
  // This question's own problem, or being asked to wait, is worth saying; anything else is a failure to check.
  if (first && (first.field === field || hasErrorCode(error, "TOO_MANY_REQUESTS"))) return first;
  return { field: "", message: "Sorry, we could not check your answers. Try again." };
}
