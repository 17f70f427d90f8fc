import {
  EligibilityGroupSchema,
  PROFESSIONAL_REGISTER_LABELS,
  type ProfessionalRegister,
  REGISTRATION_NUMBER_HINTS,
  suggestRegisterForGroup,
} from "@psu/domain";
import { Navigate } from "react-router";
import { toChoiceOptions } from "../../../components/choice-list";
import { FormPage } from "../../../components/form-page";
import { Radios } from "../../../components/radios";
import { TextInput } from "../../../components/text-input";
import { useFormFields } from "../../../components/use-form";
import { toFormErrors } from "../../../lib/form-errors";
import { SaveForLaterButton } from "../components/save-for-later-button";
import { RegistrationDetailsSchema } from "../wizard/journey";
import { useWizardStep } from "../wizard/use-wizard-step";

const QUESTION = "Which professional register are you on?";
const FIELDS = ["registration-register", "registration-number"];

export function RegistrationPage() {
  const { state, store, redirectTo, goToNextStep, errors, fail, formPage } = useWizardStep("registration");
  const saved = state.details.registration;
  const { values, field, choice } = useFormFields(
    () => ({ register: saved?.register ?? suggestRegister(state.eligibility.group), number: saved?.number ?? "" }),
    errors,
  );
  const { register, number } = values;

  if (redirectTo) return <Navigate to={redirectTo} replace />;

  // Someone not yet registered has no number, whatever was typed before they chose that.
  const registration = { register, number: register === "none" ? "" : number };
  function keepPageAnswers() {
    store.update((current) => ({ ...current, details: { ...current.details, registration } }));
  }

  function submit() {
    const parsed = RegistrationDetailsSchema.safeParse({ registration });
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, FIELDS));
    keepPageAnswers();
    goToNextStep();
  }

  return (
    <FormPage
      title={QUESTION}
      {...formPage}
      onSubmit={submit}
      secondaryAction={<SaveForLaterButton step="registration" keepPageAnswers={keepPageAnswers} onError={fail} />}
    >
      <Radios
        legend={QUESTION}
        isPageHeading
        hint="We use your registration number to confirm who you are. We do not contact your regulator."
        options={toChoiceOptions(PROFESSIONAL_REGISTER_LABELS, { dividerBefore: "none" })}
        {...choice("register", "registration-register")}
      />
      {register !== undefined && register !== "none" && (
        <TextInput
          label="Registration number"
          labelSize="m"
          hint={REGISTRATION_NUMBER_HINTS[register]}
          width="10"
          {...field("number", "registration-number")}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
      )}
    </FormPage>
  );
}

/** The register most of the trainee's group are on, to start from (they can choose another). */
function suggestRegister(group: string | undefined): ProfessionalRegister | undefined {
  const parsed = EligibilityGroupSchema.safeParse(group);
  return parsed.success ? (suggestRegisterForGroup(parsed.data) ?? undefined) : undefined;
}
