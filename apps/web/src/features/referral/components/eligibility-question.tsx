import type { ReactNode } from "react";
import { useState } from "react";
import { Navigate } from "react-router";
import { FormPage, useFormErrors } from "../../../components/form-page";
import { type ChoiceOption, Radios } from "../../../components/radios";
import { hasErrorCode } from "../../../lib/api-client";
import { findFieldError, toApiFormErrors } from "../../../lib/form-errors";
import { useCheckEligibility } from "../api/check-eligibility";
import { type EligibilityField, validateEligibilityField } from "../wizard/eligibility-validation";
import { hasAllEligibilityAnswers, type WizardStep } from "../wizard/journey";
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
 * rules, and once the chosen branch is fully answered asks the API for the verdict, which
 * decides whether the next page is the services question or the exit page.
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
  const { state, store, today, redirectTo, back, goToNextStep } = useWizardStep(step);
  const [value, setValue] = useState<Value | undefined>(() => readAnswer(state.eligibility));
  const { errors, failures, fail } = useFormErrors();
  const verdict = useCheckEligibility();

  if (redirectTo) return <Navigate to={redirectTo} replace />;

  async function submit() {
    const answers = writeAnswer(store.getState().eligibility, value);
    const problem = validateEligibilityField(answers, field, today);
    if (problem) return fail([{ field, message: problem.message }]);
    store.update((current) => ({ ...current, eligibility: answers }));
    const updated = store.getState();
    if (!hasAllEligibilityAnswers(updated, today)) return goToNextStep(updated);
    try {
      const result = await verdict.mutateAsync(updated.eligibility);
      store.update((current) => ({ ...current, verdict: result }));
      goToNextStep(store.getState());
    } catch (error) {
      fail([describeVerdictFailure(error, field)]);
    }
  }

  return (
    <FormPage
      title={question}
      back={back}
      errors={errors}
      failures={failures}
      onSubmit={() => void submit()}
      isSubmitting={verdict.isPending}
    >
      <Radios
        name={field}
        legend={question}
        isPageHeading
        hint={hint}
        options={options}
        value={value}
        onChange={setValue}
        error={findFieldError(errors, field)}
      />
      {children}
    </FormPage>
  );
}

/** The API's own message about this question when it has one; otherwise a plain "try again". */
export function describeVerdictFailure(error: unknown, field: string): { field: string; message: string } {
  const [first] = toApiFormErrors(error, {
    fieldIds: { [field]: field },
    messages: { TOO_MANY_REQUESTS: "Too many attempts. Wait 15 minutes then try again." },
  });
  // This question's own problem, or being asked to wait, is worth saying; anything else is a failure to check.
  if (first && (first.field === field || hasErrorCode(error, "TOO_MANY_REQUESTS"))) return first;
  return { field: "", message: "Sorry, we could not check your answers. Try again." };
}
