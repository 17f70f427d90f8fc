import { toChoiceOptions } from "../../../components/choice-list";
import { REGION_LABELS } from "../components/answer-labels";
import { EligibilityQuestion } from "../components/eligibility-question";

export function WhereYouWorkPage() {
  return (
    <EligibilityQuestion
      step="where-you-work"
      question="Where do you work or train?"
      hint="Choose where your training post or employer is based"
      options={toChoiceOptions(REGION_LABELS, { dividerBefore: "elsewhere" })}
    />
  );
}
