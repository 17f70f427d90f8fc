import { type Concern, ConcernSchema } from "@psu/domain";
import { Navigate } from "react-router";
import { Checkboxes, type CheckboxOption } from "../../../components/checkboxes";
import { toChoiceOptions } from "../../../components/choice-list";
import { FormPage } from "../../../components/form-page";
import { useFormFields } from "../../../components/use-form";
import { CONCERN_LABELS } from "../components/answer-labels";
import { useVerdict } from "../wizard/use-verdict";
import { useWizardStep } from "../wizard/use-wizard-step";

const QUESTION = "Is what is happening about any of these?";
const NONE = "none";
type ConcernChoice = Concern | typeof NONE;

const OPTIONS: readonly CheckboxOption<ConcernChoice>[] = [
  ...toChoiceOptions(CONCERN_LABELS),
  { value: NONE, label: "None of these", dividerBefore: true, exclusive: true },
];

/** Concerns that have a better first port of call; each one chosen gets a signposting page next. */
export function ConcernsPage() {
  const wizard = useWizardStep("concerns");
  const { state, store, redirectTo, errors, fail, formPage } = wizard;
  const { values, choices } = useFormFields(() => ({ concerns: toChoices(state.eligibility.concerns) }), errors);
  const { askVerdictAndContinue, isAsking } = useVerdict(wizard);

  if (redirectTo) return <Navigate to={redirectTo} replace />;

  async function submit() {
    if (values.concerns.length === 0) {
      return fail([{ field: "concerns", message: "Select any that apply, or select none of these" }]);
    }
    const concerns = values.concerns.flatMap((value) => {
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
        legend={QUESTION}
        isPageHeading
        hint="Select all that apply. Some of these are best started with someone else, and we will tell you who."
        options={OPTIONS}
        {...choices("concerns")}
      />
    </FormPage>
  );
}

/** The boxes ticked for the concerns so far: none given is "None of these"; none answered, nothing ticked. */
function toChoices(concerns: readonly Concern[] | undefined): ConcernChoice[] {
  if (concerns === undefined) return [];
  return concerns.length === 0 ? [NONE] : [...concerns];
}
