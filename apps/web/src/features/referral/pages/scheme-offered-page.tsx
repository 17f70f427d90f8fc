import { YES_NO_OPTIONS } from "../../../components/yes-no";
import { EligibilityQuestion } from "../components/eligibility-question";

export function SchemeOfferedPage() {
  return (
    <EligibilityQuestion
      step="scheme-offered"
      question="Have you passed the entry requirements and been offered a placement on the scheme?"
      hint="The Induction and Returning, Retainer or International GP Recruitment scheme"
      options={YES_NO_OPTIONS}
    />
  );
}
