import { fromYesNo, toYesNo, YES_NO_OPTIONS, type YesNo } from "../../../components/yes-no";
import { EligibilityQuestion } from "../components/eligibility-question";

export function SchemeOfferedPage() {
  return (
    <EligibilityQuestion<YesNo>
      step="scheme-offered"
      field="schemeOffered"
      question="Have you passed the entry requirements and been offered a placement on the scheme?"
      hint="The Induction and Returning, Retainer or International GP Recruitment scheme"
      options={YES_NO_OPTIONS}
      readAnswer={(answers) => toYesNo(answers.schemeOffered)}
      writeAnswer={(answers, value) => ({ ...answers, schemeOffered: fromYesNo(value) })}
    />
  );
}
