import { WORK_PATTERNS, type WorkPattern } from "@psu/domain";
import { useState } from "react";
import { Navigate } from "react-router";
import { FormPage, useFormErrors } from "../../../components/form-page";
import { Radios } from "../../../components/radios";
import { TextInput } from "../../../components/text-input";
import { findFieldError, toFormErrors } from "../../../lib/form-errors";
import { WORK_PATTERN_LABELS } from "../components/answer-labels";
import { SaveForLaterButton } from "../components/save-for-later-button";
import { WORK_FIELDS, WorkDetailsSchema } from "../wizard/journey";
import { useWizardStep } from "../wizard/use-wizard-step";

const HEADING = "Your training and work";

export function TrainingAndWorkPage() {
  const { state, store, redirectTo, back, goToNextStep } = useWizardStep("training-and-work");
  const details = state.details;
  const [programme, setProgramme] = useState(details.programme ?? "");
  const [grade, setGrade] = useState(details.grade ?? "");
  const [employer, setEmployer] = useState(details.employer ?? "");
  const [workPattern, setWorkPattern] = useState<WorkPattern | undefined>(details.workPattern);
  const { errors, failures, fail } = useFormErrors();

  if (redirectTo) return <Navigate to={redirectTo} replace />;

  const values = { programme, grade, employer, workPattern };
  function keepPageAnswers() {
    store.update((current) => ({ ...current, details: { ...current.details, ...values } }));
  }

  function submit() {
    const parsed = WorkDetailsSchema.safeParse(values);
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, WORK_FIELDS));
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
      intro={<h1>{HEADING}</h1>}
      secondaryAction={<SaveForLaterButton step="training-and-work" keepPageAnswers={keepPageAnswers} onError={fail} />}
    >
      <TextInput
        id="programme"
        label="Specialty or training programme"
        hint="For example, General Practice, Core Surgical Training or nursing preceptorship"
        value={programme}
        onChange={setProgramme}
        error={findFieldError(errors, "programme")}
      />
      <TextInput
        id="grade"
        label="Grade"
        hint="For example, F2, ST3 or Band 6"
        width="10"
        value={grade}
        onChange={setGrade}
        error={findFieldError(errors, "grade")}
      />
      <TextInput
        id="employer"
        label="Trust or employer"
        hint="For example, Example NHS Foundation Trust, or the GP Lead Employer"
        value={employer}
        onChange={setEmployer}
        autoComplete="organization"
        error={findFieldError(errors, "employer")}
      />
      <Radios
        name="workPattern"
        legend="Do you work full time or less than full time?"
        legendSize="m"
        options={WORK_PATTERNS.map((pattern) => ({ value: pattern, label: WORK_PATTERN_LABELS[pattern] }))}
        value={workPattern}
        onChange={setWorkPattern}
        error={findFieldError(errors, "workPattern")}
      />
    </FormPage>
  );
}
