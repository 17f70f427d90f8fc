import { toChoiceOptions } from "../../../components/choice-list";
import { Radios } from "../../../components/radios";
import { TextInput } from "../../../components/text-input";
import { WORK_PATTERN_LABELS } from "../components/answer-labels";
import { WORK_FIELDS, WorkDetailsSchema } from "../wizard/journey";
import { useDetailsStep } from "../wizard/use-details-step";

const HEADING = "Your training and work";

export function TrainingAndWorkPage() {
  const { field, choice, renderPage } = useDetailsStep({
    step: "training-and-work",
    section: "details",
    fields: WORK_FIELDS,
    schema: WorkDetailsSchema,
    initial: ({ details }) => ({
      programme: details.programme ?? "",
      grade: details.grade ?? "",
      employer: details.employer ?? "",
      workPattern: details.workPattern,
    }),
  });

  return renderPage({
    title: HEADING,
    intro: <h1>{HEADING}</h1>,
    children: (
      <>
        <TextInput
          label="Specialty or training programme"
          hint="For example, General Practice, Core Surgical Training or nursing preceptorship"
          {...field("programme")}
        />
        <TextInput label="Grade" hint="For example, F2, ST3 or Band 6" width="10" {...field("grade")} />
        <TextInput
          label="Trust or employer"
          hint="For example, Example NHS Foundation Trust, or the GP Lead Employer"
          autoComplete="organization"
          {...field("employer")}
        />
        <Radios
          legend="Do you work full time or less than full time?"
          legendSize="m"
          options={toChoiceOptions(WORK_PATTERN_LABELS)}
          {...choice("workPattern")}
        />
      </>
    ),
  });
}
