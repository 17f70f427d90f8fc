import { FREE_TEXT_LIMITS, HOW_SOON, type HowSoon, ReferralStorySchema } from "@psu/domain";
import { useState } from "react";
import { Link, Navigate } from "react-router";
import { FormPage, useFormErrors } from "../../../components/form-page";
import { InsetText } from "../../../components/inset-text";
import { Radios } from "../../../components/radios";
import { Textarea } from "../../../components/textarea";
import { findFieldError, toFormErrors } from "../../../lib/form-errors";
import { HOW_SOON_LABELS } from "../components/answer-labels";
import { SaveForLaterButton } from "../components/save-for-later-button";
import { useWizardStep } from "../wizard/use-wizard-step";

const HEADING = "Your situation";
const FIELDS = ["whatIsHappening", "whatHasBeenTried", "whatWouldHelp", "howSoon", "accessNeeds"];

export function YourSituationPage() {
  const { state, store, redirectTo, back, goToNextStep } = useWizardStep("your-situation");
  const story = state.story;
  const [whatIsHappening, setWhatIsHappening] = useState(story.whatIsHappening ?? "");
  const [whatHasBeenTried, setWhatHasBeenTried] = useState(story.whatHasBeenTried ?? "");
  const [whatWouldHelp, setWhatWouldHelp] = useState(story.whatWouldHelp ?? "");
  const [howSoon, setHowSoon] = useState<HowSoon | undefined>(story.howSoon);
  const [accessNeeds, setAccessNeeds] = useState(story.accessNeeds ?? "");
  const { errors, failures, fail } = useFormErrors();

  if (redirectTo) return <Navigate to={redirectTo} replace />;

  const values = { whatIsHappening, whatHasBeenTried, whatWouldHelp, howSoon, accessNeeds };
  function keepPageAnswers() {
    store.update((current) => ({ ...current, story: { ...current.story, ...values } }));
  }

  function submit() {
    const parsed = ReferralStorySchema.safeParse(values);
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, FIELDS));
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
          <p>Tell us in your own words. Only the PSU team supporting you will read this.</p>
          <InsetText>
            <p>
              The PSU cannot respond straight away. If you need to talk to someone now,{" "}
              <Link to="/get-help-now">see who you can contact now</Link>.
            </p>
          </InsetText>
        </>
      }
      secondaryAction={<SaveForLaterButton step="your-situation" keepPageAnswers={keepPageAnswers} onError={fail} />}
    >
      <Textarea
        id="whatIsHappening"
        label="What is happening?"
        labelSize="m"
        hint="What is affecting you or your training, and for how long"
        maxLength={FREE_TEXT_LIMITS.long}
        rows={8}
        value={whatIsHappening}
        onChange={setWhatIsHappening}
        error={findFieldError(errors, "whatIsHappening")}
      />
      <Textarea
        id="whatHasBeenTried"
        label="What have you tried so far? (optional)"
        labelSize="m"
        hint="For example, talking to your educational supervisor or your GP"
        maxLength={FREE_TEXT_LIMITS.long}
        value={whatHasBeenTried}
        onChange={setWhatHasBeenTried}
        error={findFieldError(errors, "whatHasBeenTried")}
      />
      <Textarea
        id="whatWouldHelp"
        label="What do you think would help? (optional)"
        labelSize="m"
        maxLength={FREE_TEXT_LIMITS.long}
        value={whatWouldHelp}
        onChange={setWhatWouldHelp}
        error={findFieldError(errors, "whatWouldHelp")}
      />
      <Radios
        name="howSoon"
        legend="How soon would you like support?"
        legendSize="m"
        options={HOW_SOON.map((option) => ({ value: option, label: HOW_SOON_LABELS[option] }))}
        value={howSoon}
        onChange={setHowSoon}
        error={findFieldError(errors, "howSoon")}
      />
      <Textarea
        id="accessNeeds"
        label="Do you have any access needs? (optional)"
        labelSize="m"
        hint="For example, you would like information in large print, or a British Sign Language interpreter"
        maxLength={FREE_TEXT_LIMITS.long}
        rows={3}
        value={accessNeeds}
        onChange={setAccessNeeds}
        error={findFieldError(errors, "accessNeeds")}
      />
    </FormPage>
  );
}
