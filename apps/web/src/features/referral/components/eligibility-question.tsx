import type { ReactNode } from "react";
import { Navigate } from "react-router";
import { FormPage } from "../../../components/form-page";
import { type ChoiceOption, Radios } from "../../../components/radios";
import { useFormFields } from "../../../components/use-form";
import { type EligibilityField, validateEligibilityField } from "../wizard/eligibility-validation";
import type { WizardStep } from "../wizard/journey";
import { useVerdict } from "../wizard/use-verdict";
import { useWizardStep } from "../wizard/use-wizard-step";
import type { EligibilityDraft } from "../wizard/wizard-state";

type EligibilityQuestionProps<Value extends string> = {
  step: WizardStep;
  field: EligibilityField;
  question: string;
  hint?: ReactNode;
  options: readonly ChoiceOption<Value>[];
  /** The radio to show as chosen for the answers so far. */
  readAnswer: (answers: EligibilityDraft) => Value | undefined;
  /** The answers with this question's choice in them. */
  writeAnswer: (answers: EligibilityDraft, value: Value | undefined) => EligibilityDraft;
  /** Shown under the radios (for example why we ask). */
  children?: ReactNode;
};

/**
 * One eligibility question as radios. On continue it checks the answer with the domain's
 * rules, and once the chosen branch is fully answered asks the API for the verdict.
 */
export function EligibilityQuestion<Value extends string>({
  step,
  field,
  question,
  hint,
  options,
  readAnswer,
  writeAnswer,
  children,
}: EligibilityQuestionProps<Value>) {
  const wizard = useWizardStep(step);
  const { state, store, today, redirectTo, errors, fail, formPage } = wizard;
  const { values, choice } = useFormFields<{ answer: Value | undefined }>(
    () => ({ answer: readAnswer(state.eligibility) }),
    errors,
  );
  const { saveAnswersAndContinue, isAsking } = useVerdict(wizard);

  if (redirectTo) return <Navigate to={redirectTo} replace />;

  async function submit() {
    const answers = writeAnswer(store.getState().eligibility, values.answer);
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
