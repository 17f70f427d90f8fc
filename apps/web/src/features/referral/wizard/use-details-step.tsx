import type { ReactNode } from "react";
import { Navigate } from "react-router";
import type { z } from "zod";
import { FormPage } from "../../../components/form-page";
import { useFormFields } from "../../../components/use-form";
import { toFormErrors } from "../../../lib/form-errors";
import { SaveForLaterButton } from "../components/save-for-later-button";
import type { WizardStep } from "./journey";
import { useWizardStep } from "./use-wizard-step";
import type { WizardState } from "./wizard-state";

/** The part of the answers a details page writes to: contact and work details, or the story. */
type Section = "details" | "story";

type DetailsStepOptions<Values extends Record<string, unknown>> = {
  step: WizardStep;
  section: Section;
  /** The page's fields, in the order their errors are listed. */
  fields: readonly (keyof Values & string)[];
  schema: z.ZodType;
  /** The page's starting values, from the answers so far. */
  initial: (state: WizardState) => Values;
};

/**
 * One page of the referral's details (contact details, training and work, your situation):
 * the page's values, checked against its schema on Continue, kept in the answers, and saved
 * as typed when the trainee chooses "Save and come back later".
 */
export function useDetailsStep<Values extends Record<string, unknown>>(options: DetailsStepOptions<Values>) {
  const { state, store, redirectTo, goToNextStep, errors, fail, formPage } = useWizardStep(options.step);
  const { values, field, choice } = useFormFields(() => options.initial(state), errors);

  function keepPageAnswers() {
    store.update((current) => ({ ...current, [options.section]: { ...current[options.section], ...values } }));
  }

  function submit() {
    const parsed = options.schema.safeParse(values);
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, options.fields));
    keepPageAnswers();
    goToNextStep();
  }

  /**
   * The page around the fields: back link, error summary, Continue and "Save and come back later".
   * A plain function, not a component: a component defined here would be a new type on every
   * render, and React would remount the inputs (losing focus) on each keystroke.
   */
  function renderPage({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }) {
    if (redirectTo) return <Navigate to={redirectTo} replace />;
    return (
      <FormPage
        title={title}
        {...formPage}
        onSubmit={submit}
        intro={intro}
        secondaryAction={<SaveForLaterButton step={options.step} keepPageAnswers={keepPageAnswers} onError={fail} />}
      >
        {children}
      </FormPage>
    );
  }

  return { field, choice, renderPage };
}
