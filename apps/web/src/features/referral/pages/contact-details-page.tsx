import { FREE_TEXT_LIMITS, PREFERRED_CONTACT, type PreferredContact } from "@psu/domain";
import { useState } from "react";
import { Navigate } from "react-router";
import { FormPage, useFormErrors } from "../../../components/form-page";
import { Radios } from "../../../components/radios";
import { TextInput } from "../../../components/text-input";
import { Textarea } from "../../../components/textarea";
import { findFieldError, toFormErrors } from "../../../lib/form-errors";
import { PREFERRED_CONTACT_LABELS } from "../components/answer-labels";
import { SaveForLaterButton } from "../components/save-for-later-button";
import { CONTACT_FIELDS, ContactDetailsSchema } from "../wizard/journey";
import { useWizardStep } from "../wizard/use-wizard-step";

const HEADING = "Your name and contact details";

export function ContactDetailsPage() {
  const { state, store, redirectTo, back, goToNextStep } = useWizardStep("contact-details");
  const details = state.details;
  const [fullName, setFullName] = useState(details.fullName ?? "");
  const [personalEmail, setPersonalEmail] = useState(details.personalEmail ?? "");
  const [phone, setPhone] = useState(details.phone ?? "");
  const [preferredContact, setPreferredContact] = useState<PreferredContact | undefined>(details.preferredContact);
  const [safeContactTimes, setSafeContactTimes] = useState(details.safeContactTimes ?? "");
  const { errors, failures, fail } = useFormErrors();

  if (redirectTo) return <Navigate to={redirectTo} replace />;

  const values = { fullName, personalEmail, phone, preferredContact, safeContactTimes };
  function keepPageAnswers() {
    store.update((current) => ({ ...current, details: { ...current.details, ...values } }));
  }

  function submit() {
    const parsed = ContactDetailsSchema.safeParse(values);
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, CONTACT_FIELDS));
    keepPageAnswers();
    goToNextStep();
  }

  return (
    <FormPage
      title={HEADING}
      back={back}
      errors={errors}
      failures={failures}
      onSubmit={submit}
      intro={
        <>
          <h1>{HEADING}</h1>
          <p>We will only use these to contact you about your referral. We never contact your employer.</p>
        </>
      }
      secondaryAction={<SaveForLaterButton step="contact-details" keepPageAnswers={keepPageAnswers} onError={fail} />}
    >
      <TextInput
        id="fullName"
        label="Full name"
        value={fullName}
        onChange={setFullName}
        autoComplete="name"
        spellCheck={false}
        error={findFieldError(errors, "fullName")}
      />
      <TextInput
        id="personalEmail"
        label="Personal email address"
        hint="Use an address only you can read, not a work one. You will also need it to check the status of your referral."
        type="email"
        value={personalEmail}
        onChange={setPersonalEmail}
        autoComplete="email"
        spellCheck={false}
        error={findFieldError(errors, "personalEmail")}
      />
      <TextInput
        id="phone"
        label="UK phone number"
        hint="A mobile or landline number, like 07700 900 982"
        type="tel"
        width="20"
        value={phone}
        onChange={setPhone}
        autoComplete="tel"
        error={findFieldError(errors, "phone")}
      />
      <Radios
        name="preferredContact"
        legend="How would you like us to contact you?"
        legendSize="m"
        options={PREFERRED_CONTACT.map((option) => ({ value: option, label: PREFERRED_CONTACT_LABELS[option] }))}
        value={preferredContact}
        onChange={setPreferredContact}
        error={findFieldError(errors, "preferredContact")}
      />
      <Textarea
        id="safeContactTimes"
        label="When is it safe to contact you? (optional)"
        labelSize="m"
        hint="For example, not during clinics, or only after 6pm. Tell us if we should not leave a message."
        rows={3}
        maxLength={FREE_TEXT_LIMITS.medium}
        value={safeContactTimes}
        onChange={setSafeContactTimes}
        error={findFieldError(errors, "safeContactTimes")}
      />
    </FormPage>
  );
}
