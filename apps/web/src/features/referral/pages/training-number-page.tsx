import { TRAINING_NUMBER_LABELS } from "../components/answer-labels";
import { EligibilityQuestion } from "../components/eligibility-question";

export function TrainingNumberPage() {
  return (
    <EligibilityQuestion
      step="training-number"
      question="Do you hold a London or Kent, Surrey and Sussex training number?"
      hint="Your national training number (NTN) or dental training number (DRN). If you are a doctor in a London or KSS foundation programme, you count as holding one: answer yes."
      options={[
        { value: "current", label: TRAINING_NUMBER_LABELS.current },
        {
          value: "ended",
          label: TRAINING_NUMBER_LABELS.ended,
          hint: "You completed training (CCT) or gave your training number up",
        },
        { value: "none", label: TRAINING_NUMBER_LABELS.none },
      ]}
    />
  );
}
