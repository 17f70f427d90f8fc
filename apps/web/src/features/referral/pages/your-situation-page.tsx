import { FREE_TEXT_LIMITS, ReferralStorySchema } from "@psu/domain";
import { Link } from "react-router";
import { toChoiceOptions } from "../../../components/choice-list";
import { InsetText } from "../../../components/inset-text";
import { Radios } from "../../../components/radios";
import { Textarea } from "../../../components/textarea";
import { HOW_SOON_LABELS } from "../components/answer-labels";
import { useDetailsStep } from "../wizard/use-details-step";

const HEADING = "Your situation";
const FIELDS = ["whatIsHappening", "whatHasBeenTried", "whatWouldHelp", "howSoon", "accessNeeds"] as const;

export function YourSituationPage() {
  const { field, choice, renderPage } = useDetailsStep({
    step: "your-situation",
    section: "story",
    fields: FIELDS,
    schema: ReferralStorySchema,
    initial: ({ story }) => ({
      whatIsHappening: story.whatIsHappening ?? "",
      whatHasBeenTried: story.whatHasBeenTried ?? "",
      whatWouldHelp: story.whatWouldHelp ?? "",
      howSoon: story.howSoon,
      accessNeeds: story.accessNeeds ?? "",
    }),
  });

  return renderPage({
    title: HEADING,
    intro: (
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
    ),
    children: (
      <>
        <Textarea
          label="What is happening?"
          labelSize="m"
          hint="What is affecting you or your training, and for how long"
          maxLength={FREE_TEXT_LIMITS.long}
          rows={8}
          {...field("whatIsHappening")}
        />
        <Textarea
          label="What have you tried so far? (optional)"
          labelSize="m"
          hint="For example, talking to your educational supervisor or your GP"
          maxLength={FREE_TEXT_LIMITS.long}
          {...field("whatHasBeenTried")}
        />
        <Textarea
          label="What do you think would help? (optional)"
          labelSize="m"
          maxLength={FREE_TEXT_LIMITS.long}
          {...field("whatWouldHelp")}
        />
        <Radios
          legend="How soon would you like support?"
          legendSize="m"
          options={toChoiceOptions(HOW_SOON_LABELS)}
          {...choice("howSoon")}
        />
        <Textarea
          label="Do you have any access needs? (optional)"
          labelSize="m"
          hint="For example, you would like information in large print, or a British Sign Language interpreter"
          maxLength={FREE_TEXT_LIMITS.long}
          rows={3}
          {...field("accessNeeds")}
        />
      </>
    ),
  });
}
