import { fromYesNo, toYesNo, YES_NO_OPTIONS, type YesNo } from "../../../components/yes-no";
import { EligibilityQuestion } from "../components/eligibility-question";

export function RecognisedSchemePage() {
  return (
    <EligibilityQuestion<YesNo>
      step="recognised-scheme"
      field="inRecognisedScheme"
      question="Are you in a recognised training scheme?"
      hint="For example, nurse preceptorship or a development programme for a specialised role"
      options={YES_NO_OPTIONS}
      readAnswer={(answers) => toYesNo(answers.inRecognisedScheme)}
      writeAnswer={(answers, value) => ({ ...answers, inRecognisedScheme: fromYesNo(value) })}
    />
  );
}
