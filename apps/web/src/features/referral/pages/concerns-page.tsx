import { CONCERNS, type Concern, ConcernSchema } from "@psu/domain";
import { useState } from "react";
import { Navigate } from "react-router";
import { Checkboxes, type CheckboxOption } from "../../../components/checkboxes";
import { FormPage } from "../../../components/form-page";
import { findFieldError } from "../../../lib/form-errors";
import { CONCERN_LABELS } from "../components/answer-labels";
import { useVerdict } from "../wizard/use-verdict";
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
  const wizard = useWizardStep("concerns");
  const { state, store, redirectTo, errors, fail, formPage } = wizard;
  const [values, setValues] = useState<ConcernChoice[]>(() => {
    const concerns = state.eligibility.concerns;
    if (concerns === undefined) return [];
    return concerns.length === 0 ? [NONE] : concerns;
  });
  const { askVerdictAndContinue, isAsking } = useVerdict(wizard);

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
    // The verdict's signposts depend on the concerns, so ask again with them.
    await askVerdictAndContinue("concerns");
  }

  return (
    <FormPage title={QUESTION} {...formPage} onSubmit={() => void submit()} isSubmitting={isAsking}>
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
