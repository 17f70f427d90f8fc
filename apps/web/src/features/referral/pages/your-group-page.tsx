import { GROUP_LABELS } from "../components/answer-labels";
import { EligibilityQuestion } from "../components/eligibility-question";

export function YourGroupPage() {
  return (
    <EligibilityQuestion
      step="your-group"
      question="Which of these describes you?"
      options={[
        {
          value: "doctor_or_dentist",
          label: GROUP_LABELS.doctor_or_dentist,
          hint: "From foundation years to completing specialty training (CCT)",
        },
        {
          value: "healthcare_professional",
          label: GROUP_LABELS.healthcare_professional,
          hint: "For example, a nurse on preceptorship, or in a development programme for a specialised role",
        },
        {
          value: "pharmacy",
          label: GROUP_LABELS.pharmacy,
          hint: "Foundation trainee pharmacist, trainee pharmacy technician, foundation pharmacist or GP pharmacist pathway",
        },
        {
          value: "gp_scheme",
          label: GROUP_LABELS.gp_scheme,
          hint: "The Induction and Returning, Retainer or International GP Recruitment scheme",
        },
        {
          value: "caps_or_msw",
          label: GROUP_LABELS.caps_or_msw,
        },
        { value: "none_of_these", label: GROUP_LABELS.none_of_these, dividerBefore: true },
      ]}
    />
  );
}
