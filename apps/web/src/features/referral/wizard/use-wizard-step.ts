import { toLondonDate } from "@psu/domain";
import { useEffect } from "react";
import { useLocation, useNavigate } from "react-router";
import { useFormErrors } from "../../../components/form-page";
import {
  canVisitStep,
  findFirstIncompleteStep,
  findNextStep,
  listJourney,
  toStepPath,
  type WizardStep,
} from "./journey";
import { useWizard } from "./wizard-provider";
import type { WizardState } from "./wizard-state";

/** Router state on a "Change" link from "Check your answers": after the change, go back there. */
export const RETURN_TO_CHECK = { returnToCheck: true } as const;

function isReturningToCheck(state: unknown): boolean {
  return typeof state === "object" && state !== null && "returnToCheck" in state && state.returnToCheck === true;
}

/** Today in London, the date the eligibility rules use. */
export function getToday(): string {
  return toLondonDate(new Date());
}

/**
 * Everything a question page needs: the answers, whether it may be shown (`redirectTo` is the
 * first unanswered question when it may not), where its back link goes, the form's errors
 * (`fail` shows them; `formPage` is what FormPage takes: back link, errors and failures), and
 * `goToNextStep` to move on once the page has saved its answer. Visiting a page records it as
 * the last step.
 */
export function useWizardStep(step: WizardStep) {
  const { state, store } = useWizard();
  const location = useLocation();
  const navigate = useNavigate();
  const today = getToday();
  const returnToCheck = isReturningToCheck(location.state);
  const allowed = canVisitStep(step, state, today);
  const { errors, failures, fail } = useFormErrors();

  useEffect(() => {
    if (allowed && store.getState().lastStep !== step) store.update((current) => ({ ...current, lastStep: step }));
  }, [allowed, step, store]);

  function goToNextStep(after: WizardState = store.getState()) {
    const next = findNextStep(step, after, today, returnToCheck);
    const stillReturning = returnToCheck && next !== "check-your-answers";
    navigate(toStepPath(next), stillReturning ? { state: RETURN_TO_CHECK } : undefined);
  }

  const back = findBackLink(step, state, returnToCheck);
  return {
    state,
    store,
    today,
    returnToCheck,
    redirectTo: allowed ? null : toStepPath(findFirstIncompleteStep(state, today)),
    back,
    goToNextStep,
    errors,
    fail,
    formPage: { back, errors, failures },
  };
}

function findBackLink(step: WizardStep, state: WizardState, returnToCheck: boolean): { to: string; state?: unknown } {
  const journey = listJourney(state);
  // A change can end the journey before "Check your answers" (referring someone else, or an
  // exit page): then back is the question just changed, still on the way back to the check.
  if (returnToCheck && journey.includes("check-your-answers")) return { to: toStepPath("check-your-answers") };
  const index = journey.indexOf(step);
  const previous = index > 0 ? journey[index - 1] : undefined;
  if (previous === undefined) return { to: "/" };
  return returnToCheck ? { to: toStepPath(previous), state: RETURN_TO_CHECK } : { to: toStepPath(previous) };
}
