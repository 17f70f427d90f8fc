import {
  EligibilityGroupSchema,
  PROFESSIONAL_REGISTER_LABELS,
  PROFESSIONAL_REGISTERS,
  type ProfessionalRegister,
  REGISTRATION_NUMBER_HINTS,
  suggestRegisterForGroup,
} from "@psu/domain";
import { useState } from "react";
import { Navigate } from "react-router";
import { FormPage } from "../../../components/form-page";
import { Radios } from "../../../components/radios";
import { TextInput } from "../../../components/text-input";
import { findFieldError, toFormErrors } from "../../../lib/form-errors";
import { SaveForLaterButton } from "../components/save-for-later-button";
import { RegistrationDetailsSchema } from "../wizard/journey";
import { useWizardStep } from "../wizard/use-wizard-step";

const QUESTION = "Which professional register are you on?";
const FIELDS = ["registration-register", "registration-number"];

export function RegistrationPage() {
  const { state, store, redirectTo, goToNextStep, errors, fail, formPage } = useWizardStep("registration");
  const saved = state.details.registration;
  const [register, setRegister] = useState<ProfessionalRegister | undefined>(() => {
    if (saved?.register) return saved.register;
    const group = EligibilityGroupSchema.safeParse(state.eligibility.group);
    return group.success ? (suggestRegisterForGroup(group.data) ?? undefined) : undefined;
  });
  const [number, setNumber] = useState(saved?.number ?? "");

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
        name="registration-register"
        legend={QUESTION}
        isPageHeading
        hint="We use your registration number to confirm who you are. We do not contact your regulator."
        options={PROFESSIONAL_REGISTERS.map((option) => ({
          value: option,
          label: PROFESSIONAL_REGISTER_LABELS[option],
          dividerBefore: option === "none",
        }))}
        value={register}
        onChange={setRegister}
        error={findFieldError(errors, "registration-register")}
      />
      {register !== undefined && register !== "none" && (
        <TextInput
          id="registration-number"
          label="Registration number"
          labelSize="m"
          hint={REGISTRATION_NUMBER_HINTS[register]}
          width="10"
          value={number}
          onChange={setNumber}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          error={findFieldError(errors, "registration-number")}
        />
      )}
    </FormPage>
  );
}
