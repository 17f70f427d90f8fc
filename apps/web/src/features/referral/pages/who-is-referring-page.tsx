import { REFERRER_LABELS } from "../components/answer-labels";
import { EligibilityQuestion } from "../components/eligibility-question";

export function WhoIsReferringPage() {
  return (
    <EligibilityQuestion
      step="who-is-referring"
      question="Who is making this referral?"
      options={[
        { value: "self", label: REFERRER_LABELS.self },
        { value: "someone_else", label: REFERRER_LABELS.someone_else, hint: "For example, a trainee you supervise" },
      ]}
    />
  );
}
