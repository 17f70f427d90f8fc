import { CONFIDENTIALITY_PROMISE, ReferralConsentSchema } from "@psu/domain";
import { useState } from "react";
import { Navigate } from "react-router";
import { Checkboxes } from "../../../components/checkboxes";
// The one page of another feature this uses: the documents feature owns where each policy is.
import { DocumentLink } from "../../../components/document-link";
import { FormPage } from "../../../components/form-page";
import { Radios } from "../../../components/radios";
import { WarningCallout } from "../../../components/warning-callout";
import { fromYesNo, toYesNo, YES_NO_OPTIONS, type YesNo } from "../../../components/yes-no";
import { findFieldError, toFormErrors } from "../../../lib/form-errors";
import { useWizardStep } from "../wizard/use-wizard-step";

const HEADING = "Confidentiality and consent";
const FIELDS = ["acceptsConfidentialityPolicy", "understandsSafetyOverride", "consentsToSupervisorContact"];

export function ConsentPage() {
  const { state, store, redirectTo, goToNextStep, errors, fail, formPage } = useWizardStep("consent");
  const consent = state.consent;
  const [policy, setPolicy] = useState(consent.acceptsConfidentialityPolicy === true);
  const [safety, setSafety] = useState(consent.understandsSafetyOverride === true);
  const [supervisor, setSupervisor] = useState<YesNo | undefined>(toYesNo(consent.consentsToSupervisorContact));

  if (redirectTo) return <Navigate to={redirectTo} replace />;

  function submit() {
    const values = {
      acceptsConfidentialityPolicy: policy,
      understandsSafetyOverride: safety,
      consentsToSupervisorContact: fromYesNo(supervisor),
    };
    const parsed = ReferralConsentSchema.safeParse(values);
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, FIELDS));
    store.update((current) => ({ ...current, consent: values }));
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
      <Checkboxes
        name="acceptsConfidentialityPolicy"
        legend="Confidentiality policy"
        legendSize="s"
        options={[{ value: "yes", label: "I have read the confidentiality policy" }]}
        values={policy ? ["yes"] : []}
        onChange={(values) => setPolicy(values.length > 0)}
        error={findFieldError(errors, "acceptsConfidentialityPolicy")}
      />
      <Checkboxes
        name="understandsSafetyOverride"
        legend="Sharing information to keep people safe"
        legendSize="s"
        options={[
          {
            value: "yes",
            label:
              "I understand the PSU may share information without my consent if someone is at risk of serious harm",
          },
        ]}
        values={safety ? ["yes"] : []}
        onChange={(values) => setSafety(values.length > 0)}
        error={findFieldError(errors, "understandsSafetyOverride")}
      />
      <Radios
        name="consentsToSupervisorContact"
        legend="Can we contact your educational or clinical supervisor if it would help your support?"
        legendSize="s"
        hint="We will always talk to you before we contact them. You can change your mind at any time."
        options={YES_NO_OPTIONS}
        value={supervisor}
        onChange={setSupervisor}
        error={findFieldError(errors, "consentsToSupervisorContact")}
      />
    </FormPage>
  );
}
