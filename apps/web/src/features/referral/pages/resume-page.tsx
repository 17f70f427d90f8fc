import { DRAFT_LIFETIME_TEXT, ResumeCodeSchema } from "@psu/domain";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { FormPage } from "../../../components/form-page";
import { TextInput } from "../../../components/text-input";
import { useForm } from "../../../components/use-form";
import { ApiError } from "../../../lib/api-client";
import { checkEligibility } from "../api/check-eligibility";
import { useResumeDraft } from "../api/resume-draft";
import {
  canVisitStep,
  findFirstIncompleteStep,
  hasAllEligibilityAnswers,
  parseWizardStep,
  toStepPath,
} from "../wizard/journey";
import { getToday } from "../wizard/use-wizard-step";
import { useWizard } from "../wizard/wizard-provider";
import { fromReferralDraft } from "../wizard/wizard-state";

const QUESTION = "Enter your resume code";
const FIELD = "resumeCode";

/** "Continue a saved referral": the resume code brings the saved answers back into the wizard. */
export function ResumePage() {
  const { store } = useWizard();
  const navigate = useNavigate();
  const { values, field, errors, failures, fail } = useForm({ [FIELD]: "" });
  const resume = useResumeDraft();
  const [checking, setChecking] = useState(false);

  async function submit() {
    const parsed = ResumeCodeSchema.safeParse(values[FIELD]);
    if (!parsed.success) return fail([{ field: FIELD, message: parsed.error.issues[0]?.message ?? QUESTION }]);
    try {
      const resumed = await resume.mutateAsync(parsed.data);
      let state = fromReferralDraft(resumed.data, parsed.data);
      const today = getToday();
      // Ask for the verdict again: the rules (or the date) may have changed since the answers were saved.
      if (hasAllEligibilityAnswers(state, today)) {
        setChecking(true);
        state = { ...state, verdict: await checkEligibility(state.eligibility) };
      }
      store.reset(state);
      // Back to the page they saved from when it still follows from the answers; otherwise the first gap.
      const saved = parseWizardStep(resumed.data.step);
      const step = saved !== null && canVisitStep(saved, state, today) ? saved : findFirstIncompleteStep(state, today);
      navigate(toStepPath(step));
    } catch (error) {
      fail([describeResumeFailure(error)]);
    } finally {
      setChecking(false);
    }
  }

  return (
    <FormPage
      title={QUESTION}
      back={{ to: "/" }}
      errors={errors}
      failures={failures}
      onSubmit={() => void submit()}
      isSubmitting={resume.isPending || checking}
      after={
        <p>
          We keep saved answers {DRAFT_LIFETIME_TEXT}, and delete them once you send your referral. If you have lost
          your code, or your answers have been deleted, you will need to <Link to="/refer">start a new referral</Link>.
        </p>
      }
    >
      <TextInput
        label={QUESTION}
        isPageHeading
        hint="The 12-character code you were given when you saved your answers, for example ABCD-2345-EFGH"
        width="20"
        {...field(FIELD)}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
      />
    </FormPage>
  );
}

function describeResumeFailure(error: unknown): { field: string; message: string } {
  if (error instanceof ApiError) {
    if (error.code === "NOT_FOUND") {
      return {
        field: FIELD,
        message: `We could not find saved answers with that code. Check the code: saved answers are kept ${DRAFT_LIFETIME_TEXT}.`,
      };
    }
    if (error.code === "TOO_MANY_REQUESTS")
      return { field: "", message: "Too many attempts. Wait 15 minutes then try again." };
    const own = error.fields.find((field) => field.field === FIELD);
    if (own) return { field: FIELD, message: own.message };
  }
  return { field: "", message: "Sorry, we could not get your saved answers. Try again." };
}
