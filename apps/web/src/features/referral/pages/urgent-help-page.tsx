import { Navigate, useNavigate } from "react-router";
import { FormPage } from "../../../components/form-page";
import { Radios } from "../../../components/radios";
import { useFormFields } from "../../../components/use-form";
import { useWizardStep } from "../wizard/use-wizard-step";
import type { UrgentHelpAnswer } from "../wizard/wizard-state";

const QUESTION = "Do you need urgent help right now?";

/** The first question: anyone who needs help now is shown who to contact before anything else. */
export function UrgentHelpPage() {
  const { state, store, redirectTo, goToNextStep, errors, fail, formPage } = useWizardStep("urgent-help");
  const navigate = useNavigate();
  const { values, choice } = useFormFields<{ urgentHelp: UrgentHelpAnswer | undefined }>(
    () => ({ urgentHelp: state.urgentHelp }),
    errors,
  );
  const value = values.urgentHelp;

  if (redirectTo) return <Navigate to={redirectTo} replace />;

  function submit() {
    if (value === undefined) return fail([{ field: "urgentHelp", message: "Select yes if you need urgent help now" }]);
    // Answering the first question starts a referral: a receipt from one sent earlier in this visit goes.
    store.update((current) => ({ ...current, urgentHelp: value, receipt: undefined }));
    if (value === "yes") navigate("/refer/get-help-now");
    else goToNextStep();
  }

  return (
    <FormPage title={QUESTION} {...formPage} onSubmit={submit}>
      <Radios
        legend={QUESTION}
        isPageHeading
        hint="For example, you feel you might harm yourself or someone else, or you cannot keep yourself safe"
        options={[
          { value: "yes", label: "Yes, I need help now" },
          { value: "no", label: "No" },
        ]}
        {...choice("urgentHelp")}
      />
    </FormPage>
  );
}
