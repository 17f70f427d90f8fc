import { type Referrer, ReferrerSchema } from "@psu/domain";
import { REFERRER_LABELS } from "../components/answer-labels";
import { EligibilityQuestion } from "../components/eligibility-question";

export function WhoIsReferringPage() {
  return (
    <EligibilityQuestion<Referrer>
      step="who-is-referring"
      field="referrer"
      question="Who is making this referral?"
      options={[
        { value: "self", label: REFERRER_LABELS.self },
        { value: "someone_else", label: REFERRER_LABELS.someone_else, hint: "For example, a trainee you supervise" },
      ]}
      readAnswer={(answers) => answers.referrer}
      writeAnswer={(answers, value) => ({ ...answers, referrer: ReferrerSchema.safeParse(value).data })}
    />
  );
}
