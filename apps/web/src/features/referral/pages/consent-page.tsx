import { CONFIDENTIALITY_PROMISE, ReferralConsentSchema } from "@psu/domain";
import { Navigate } from "react-router";
import { ConfirmCheckbox } from "../../../components/confirm-checkbox";
// The one page of another feature this uses: the documents feature owns where each policy is.
import { DocumentLink } from "../../../components/document-link";
import { FormPage } from "../../../components/form-page";
import { Radios } from "../../../components/radios";
import { useFormFields } from "../../../components/use-form";
import { WarningCallout } from "../../../components/warning-callout";
import { fromYesNo, toYesNo, YES_NO_OPTIONS } from "../../../components/yes-no";
import { toFormErrors } from "../../../lib/form-errors";
import { useWizardStep } from "../wizard/use-wizard-step";

const HEADING = "Confidentiality and consent";
const FIELDS = ["acceptsConfidentialityPolicy", "understandsSafetyOverride", "consentsToSupervisorContact"];

export function ConsentPage() {
  const { state, store, redirectTo, goToNextStep, errors, fail, formPage } = useWizardStep("consent");
  const { values, choice } = useFormFields(
    () => ({
      acceptsConfidentialityPolicy: state.consent.acceptsConfidentialityPolicy === true,
      understandsSafetyOverride: state.consent.understandsSafetyOverride === true,
      consentsToSupervisorContact: toYesNo(state.consent.consentsToSupervisorContact),
    }),
    errors,
  );

  if (redirectTo) return <Navigate to={redirectTo} replace />;

  function submit() {
    const consent = { ...values, consentsToSupervisorContact: fromYesNo(values.consentsToSupervisorContact) };
    const parsed = ReferralConsentSchema.safeParse(consent);
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, FIELDS));
    store.update((current) => ({ ...current, consent }));
    goToNextStep();
  }

  return (
    <FormPage
      title={HEADING}
      {...formPage}
      onSubmit={submit}
      intro={
        <>
          <h1>{HEADING}</h1>
          <p>{CONFIDENTIALITY_PROMISE}</p>
          <p>
            Read our <DocumentLink id="confidentiality_policy">confidentiality policy</DocumentLink>.
          </p>
          <WarningCallout heading="When we would share information without your consent">
            <p>
              If we believe you or someone else is at risk of serious harm, we may have to share information with the
              people who can keep you or them safe, even without your consent. We would tell you first unless that would
              increase the risk.
            </p>
          </WarningCallout>
        </>
      }
    >
      <ConfirmCheckbox
        legend="Confidentiality policy"
        legendSize="s"
        label="I have read the confidentiality policy"
        {...choice("acceptsConfidentialityPolicy")}
      />
      <ConfirmCheckbox
        legend="Sharing information to keep people safe"
        legendSize="s"
        label="I understand the PSU may share information without my consent if someone is at risk of serious harm"
        {...choice("understandsSafetyOverride")}
      />
      <Radios
        legend="Can we contact your educational or clinical supervisor if it would help your support?"
        legendSize="s"
        hint="We will always talk to you before we contact them. You can change your mind at any time."
        options={YES_NO_OPTIONS}
        {...choice("consentsToSupervisorContact")}
      />
    </FormPage>
  );
}
