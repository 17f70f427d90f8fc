import {
  AGE_BANDS,
  DISABILITY_ANSWERS,
  EQUALITY_LABELS,
  EQUALITY_QUESTIONS,
  EqualityMonitoringSchema,
  type EqualityQuestion,
  ETHNIC_GROUPS,
  ETHNICITIES,
  GENDER_SAME_AS_AT_BIRTH_ANSWERS,
  RELIGIONS,
  SEXES,
  SEXUAL_ORIENTATIONS,
} from "@psu/domain";
import { Link, Navigate, useNavigate } from "react-router";
import { FormPage } from "../../../components/form-page";
import { type ChoiceOption, Radios } from "../../../components/radios";
import { useForm } from "../../../components/use-form";
import { ApiError } from "../../../lib/api-client";
import { toFormErrors } from "../../../lib/form-errors";
import { useSendEqualityResponses } from "../api/send-equality-responses";
import { useWizard } from "../wizard/wizard-provider";

const HEADING = "Equality monitoring questions (optional)";

const ANSWERS: Readonly<Record<EqualityQuestion, readonly string[]>> = {
  ageBand: AGE_BANDS,
  sex: SEXES,
  genderSameAsAtBirth: GENDER_SAME_AS_AT_BIRTH_ANSWERS,
  sexualOrientation: SEXUAL_ORIENTATIONS,
  ethnicity: ETHNICITIES,
  religion: RELIGIONS,
  disability: DISABILITY_ANSWERS,
};
const QUESTIONS = Object.keys(EQUALITY_QUESTIONS).filter((key): key is EqualityQuestion => key in ANSWERS);

/** Optional questions after a referral, every one skippable; the answers are stored apart from it. */
export function EqualityPage() {
  const { state } = useWizard();
  const navigate = useNavigate();
  const { values: answers, choice, errors, failures, fail } = useForm<Partial<Record<EqualityQuestion, string>>>({});
  const send = useSendEqualityResponses();

  if (state.receipt === undefined) return <Navigate to="/refer" replace />;

  async function submit() {
    const parsed = EqualityMonitoringSchema.safeParse(answers);
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, QUESTIONS));
    // Nothing chosen is the same as skipping: nothing is sent.
    if (Object.values(parsed.data).every((answer) => answer === undefined)) return navigate("/refer/thank-you");
    try {
      await send.mutateAsync(parsed.data);
      navigate("/refer/thank-you");
    } catch (error) {
      // A 429's own words say how long to wait (the limits differ per form).
      const tooMany = error instanceof ApiError && error.code === "TOO_MANY_REQUESTS" ? error.message : null;
      fail([
        {
          field: "",
          message: tooMany ?? "Sorry, we could not send your answers. Try again, or skip these questions.",
        },
      ]);
    }
  }

  return (
    <FormPage
      title={HEADING}
      errors={errors}
      failures={failures}
      onSubmit={() => void submit()}
      submitLabel="Send answers"
      isSubmitting={send.isPending}
      intro={
        <>
          <h1>{HEADING}</h1>
          <p>
            These questions help us check that the PSU is fair to everyone. You do not have to answer them, and not
            answering makes no difference to your referral or your support.
          </p>
          <p>
            Your answers are stored separately from your referral, without your name or reference, and are only ever
            reported as totals. The people supporting you will not see them.
          </p>
          <p>
            <Link to="/refer/thank-you">Skip these questions</Link>
          </p>
        </>
      }
    >
      {QUESTIONS.map((question) => (
        <Radios
          key={question}
          legend={EQUALITY_QUESTIONS[question]}
          legendSize="m"
          options={listOptions(question)}
          {...choice(question)}
        />
      ))}
    </FormPage>
  );
}

function listOptions(question: EqualityQuestion): ChoiceOption<string>[] {
  const labels: Readonly<Record<string, string>> = EQUALITY_LABELS[question];
  const headings = new Map<string, string>(
    question === "ethnicity" ? ETHNIC_GROUPS.map((group) => [group.ethnicities[0] ?? "", group.heading]) : [],
  );
  const groupOf = (answer: string) => ETHNIC_GROUPS.find((group) => group.ethnicities.some((code) => code === answer));
  return ANSWERS[question].map((answer) => {
    const group = question === "ethnicity" ? groupOf(answer) : undefined;
    return {
      value: answer,
      label: group ? (
        <>
          <span className="nhsuk-u-visually-hidden">{group.heading}: </span>
          {labels[answer]}
        </>
      ) : (
        labels[answer]
      ),
      headingBefore: headings.get(answer),
      dividerBefore: answer === "prefer_not_to_say",
    };
  });
}
