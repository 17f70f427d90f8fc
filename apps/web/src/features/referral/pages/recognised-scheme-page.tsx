import { YES_NO_OPTIONS } from "../../../components/yes-no";
import { EligibilityQuestion } from "../components/eligibility-question";

export function RecognisedSchemePage() {
  return (
    <EligibilityQuestion
      step="recognised-scheme"
      question="Are you in a recognised training scheme?"
      hint="For example, nurse preceptorship or a development programme for a specialised role"
      options={YES_NO_OPTIONS}
    />
  );
}
