import type { ReactNode } from "react";
import { Navigate } from "react-router";
import { FormPage } from "../../../components/form-page";
import { type ChoiceOption, Radios } from "../../../components/radios";
import { useFormFields } from "../../../components/use-form";
import {
  type EligibilityChoice,
  readChoice,
  validateEligibilityField,
  writeChoice,
} from "../wizard/eligibility-answer";
import { ELIGIBILITY_QUESTION_FIELDS, type EligibilityQuestionStep } from "../wizard/journey";
import { useVerdict } from "../wizard/use-verdict";
import { useWizardStep } from "../wizard/use-wizard-step";

/** The questions answered with radios (the training end date is a date). */
type RadioStep = Exclude<EligibilityQuestionStep, "training-ended">;

type EligibilityQuestionProps<Step extends RadioStep> = {
  /** The question's step, which says which answer it asks for. */
  step: Step;
  question: string;
  hint?: ReactNode;
  /** The choices: the answer's own values, or yes and no for an answer kept as a boolean. */
  options: readonly ChoiceOption<EligibilityChoice<(typeof ELIGIBILITY_QUESTION_FIELDS)[Step]>>[];
  /** Shown under the radios (for example why we ask). */
  children?: ReactNode;
};

/**
 * One eligibility question as radios. On continue it checks the answer with the domain's
 * rules, and once the chosen branch is fully answered asks the API for the verdict.
 */
export function EligibilityQuestion<Step extends RadioStep>({
  step,
  question,
  hint,
  options,
  children,
}: EligibilityQuestionProps<Step>) {
  const field = ELIGIBILITY_QUESTION_FIELDS[step];
  const wizard = useWizardStep(step);
  const { state, store, today, redirectTo, errors, fail, formPage } = wizard;
  const { values, choice } = useFormFields(() => ({ answer: readChoice(state.eligibility, field) }), errors);
  const { saveAnswersAndContinue, isAsking } = useVerdict(wizard);

  if (redirectTo) return <Navigate to={redirectTo} replace />;

  async function submit() {
    const answers = writeChoice(store.getState().eligibility, field, values.answer);
    const problem = validateEligibilityField(answers, field, today);
    if (problem) return fail([{ field, message: problem.message }]);
    await saveAnswersAndContinue(answers, field);
  }

  return (
    <FormPage title={question} {...formPage} onSubmit={() => void submit()} isSubmitting={isAsking}>
      <Radios legend={question} isPageHeading hint={hint} options={options} {...choice("answer", field)} />
      {children}
    </FormPage>
  );
}
