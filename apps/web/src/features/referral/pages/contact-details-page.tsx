import { CONFIDENTIALITY_PROMISE, FREE_TEXT_LIMITS } from "@psu/domain";
import { toChoiceOptions } from "../../../components/choice-list";
import { Radios } from "../../../components/radios";
import { TextInput } from "../../../components/text-input";
import { Textarea } from "../../../components/textarea";
import { PREFERRED_CONTACT_LABELS } from "../components/answer-labels";
import { CONTACT_FIELDS, ContactDetailsSchema } from "../wizard/journey";
import { useDetailsStep } from "../wizard/use-details-step";

const HEADING = "Your name and contact details";

export function ContactDetailsPage() {
  const { field, choice, renderPage } = useDetailsStep({
    step: "contact-details",
    section: "details",
    fields: CONTACT_FIELDS,
    schema: ContactDetailsSchema,
    initial: ({ details }) => ({
      fullName: details.fullName ?? "",
      personalEmail: details.personalEmail ?? "",
      phone: details.phone ?? "",
      preferredContact: details.preferredContact,
      safeContactTimes: details.safeContactTimes ?? "",
    }),
  });

  return renderPage({
    title: HEADING,
    intro: (
      <>
        <h1>{HEADING}</h1>
        <p>We will only use these to contact you about your referral.</p>
        <p>{CONFIDENTIALITY_PROMISE}</p>
      </>
    ),
    children: (
      <>
        <TextInput label="Full name" autoComplete="name" spellCheck={false} {...field("fullName")} />
        <TextInput
          label="Personal email address"
          hint="Use an address only you can read, not a work one. You will also need it to check the status of your referral."
          type="email"
          autoComplete="email"
          spellCheck={false}
          {...field("personalEmail")}
        />
        <TextInput
          label="UK phone number"
          hint="A mobile or landline number, like 07700 900 982"
          type="tel"
          width="20"
          autoComplete="tel"
          {...field("phone")}
        />
        <Radios
          legend="How would you like us to contact you?"
          legendSize="m"
          options={toChoiceOptions(PREFERRED_CONTACT_LABELS)}
          {...choice("preferredContact")}
        />
        <Textarea
          label="When is it safe to contact you? (optional)"
          labelSize="m"
          hint="For example, not during clinics, or only after 6pm. Tell us if we should not leave a message."
          rows={3}
          maxLength={FREE_TEXT_LIMITS.medium}
          {...field("safeContactTimes")}
        />
      </>
    ),
  });
}
