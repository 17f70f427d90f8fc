import { Navigate } from "react-router";
import { canVisitStep, findFirstIncompleteStep, parseWizardStep, toStepPath } from "../wizard/journey";
import { getToday } from "../wizard/use-wizard-step";
import { useWizard } from "../wizard/wizard-provider";

/** /refer: where the person left off in this tab (after a refresh too), or the first question. */
export function ReferPage() {
  const { state } = useWizard();
  const today = getToday();
  const last = parseWizardStep(state.lastStep);
  const step = last !== null && canVisitStep(last, state, today) ? last : findFirstIncompleteStep(state, today);
  return <Navigate to={toStepPath(step)} replace />;
}
