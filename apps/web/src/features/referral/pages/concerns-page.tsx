import { CONCERNS, type Concern, ConcernSchema } from "@psu/domain";
import { useState } from "react";
import { Navigate } from "react-router";
import { Checkboxes, type CheckboxOption } from "../../../components/checkboxes";
import { FormPage, useFormErrors } from "../../../components/form-page";
import { findFieldError } from "../../../lib/form-errors";
import { useCheckEligibility } from "../api/check-eligibility";
import { CONCERN_LABELS } from "../components/answer-labels";
import { describeVerdictFailure } from "../components/eligibility-question";
import { useWizardStep } from "../wizard/use-wizard-step";

const QUESTION = "Is what is happening about any of these?";
const NONE = "none";
type ConcernChoice = Concern | typeof NONE;

const OPTIONS: readonly CheckboxOption<ConcernChoice>[] = [
  ...CONCERNS.map((concern) => ({ value: concern, label: CONCERN_LABELS[concern] })),
  { value: NONE, label: "None of these", dividerBefore: true, exclusive: true },
];

/** Concerns that have a better first port of call; each one chosen gets a signposting page next. */
export function ConcernsPage() {
  const { state, store, redirectTo, back, goToNextStep } = useWizardStep("concerns");
  const [values, setValues] = useState<ConcernChoice[]>(() => {
    const concerns = state.eligibility.concerns;
    if (concerns === undefined) return [];
    return concerns.length === 0 ? [NONE] : concerns;
  });
  const { errors, failures, fail } = useFormErrors();
  const verdict = useCheckEligibility();

  if (redirectTo) return <Navigate to={redirectTo} replace />;

  async function submit() {
    if (values.length === 0) {
      return fail([{ field: "concerns", message: "Select any that apply, or select none of these" }]);
    }
    const concerns = values.flatMap((value) => {
      const concern = ConcernSchema.safeParse(value);
      return concern.success ? [concern.data] : [];
    });
    store.update((current) => ({ ...current, eligibility: { ...current.eligibility, concerns } }));
    try {
      // The verdict's signposts depend on the concerns, so ask again with them.
      const result = await verdict.mutateAsync(store.getState().eligibility);
      store.update((current) => ({ ...current, verdict: result }));
      goToNextStep(store.getState());
    } catch (error) {
      fail([describeVerdictFailure(error, "concerns")]);
    }
  }

  return (
    <FormPage
      title={QUESTION}
      back={back}
      errors={errors}
      failures={failures}
      onSubmit={() => void submit()}
      isSubmitting={verdict.isPending}
    >
      <Checkboxes
        name="concerns"
        legend={QUESTION}
        isPageHeading
        hint="Select all that apply. Some of these are best started with someone else, and we will tell you who."
        options={OPTIONS}
        values={values}
        onChange={setValues}
        error={findFieldError(errors, "concerns")}
      />
    </FormPage>
  );
}
