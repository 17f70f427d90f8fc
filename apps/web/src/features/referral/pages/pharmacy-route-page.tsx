import { PHARMACY_ROUTES, type PharmacyRoute, PharmacyRouteSchema } from "@psu/domain";
import { PHARMACY_ROUTE_LABELS } from "../components/answer-labels";
import { EligibilityQuestion } from "../components/eligibility-question";

export function PharmacyRoutePage() {
  return (
    <EligibilityQuestion<PharmacyRoute>
      step="pharmacy-route"
      field="pharmacyRoute"
      question="Which of these describes your pharmacy training?"
      options={PHARMACY_ROUTES.map((route) => ({
        value: route,
        label: PHARMACY_ROUTE_LABELS[route],
        dividerBefore: route === "other",
      }))}
      readAnswer={(answers) => answers.pharmacyRoute}
      writeAnswer={(answers, value) => ({ ...answers, pharmacyRoute: PharmacyRouteSchema.safeParse(value).data })}
    />
  );
}
