import { PHARMACY_ROUTES } from "@psu/domain";
import { PHARMACY_ROUTE_LABELS } from "../components/answer-labels";
import { EligibilityQuestion } from "../components/eligibility-question";

export function PharmacyRoutePage() {
  return (
    <EligibilityQuestion
      step="pharmacy-route"
      question="Which of these describes your pharmacy training?"
      options={PHARMACY_ROUTES.map((route) => ({
        value: route,
        label: PHARMACY_ROUTE_LABELS[route],
        dividerBefore: route === "other",
      }))}
    />
  );
}
