import { toChoiceOptions } from "../../../components/choice-list";
import { PHARMACY_ROUTE_LABELS } from "../components/answer-labels";
import { EligibilityQuestion } from "../components/eligibility-question";

export function PharmacyRoutePage() {
  return (
    <EligibilityQuestion
      step="pharmacy-route"
      question="Which of these describes your pharmacy training?"
      options={toChoiceOptions(PHARMACY_ROUTE_LABELS, { dividerBefore: "other" })}
    />
  );
}
