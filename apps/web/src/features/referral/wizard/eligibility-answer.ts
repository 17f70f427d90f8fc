import { createEligibilityAnswersSchema, createTrainingEndedOnSchema, EligibilityDraftSchema } from "@psu/domain";
import type { YesNo } from "../../../components/yes-no";
import { fromYesNo, toYesNo } from "../../../components/yes-no";
import type { EligibilityDraft } from "./wizard-state";

// One eligibility answer: whether it is given, how its question's radios show it and write it
// back, and the domain's message when it is wrong.

export type EligibilityField = Exclude<keyof EligibilityDraft, "concerns">;

/** The radio values for an answer: its own values, or yes and no for an answer kept as a boolean. */
export type EligibilityChoice<Field extends EligibilityField> =
  NonNullable<EligibilityDraft[Field]> extends boolean ? YesNo : Extract<EligibilityDraft[Field], string>;

/** The answers asked as yes or no, kept as booleans. */
const YES_NO_FIELDS: ReadonlySet<EligibilityField> = new Set(["inRecognisedScheme", "schemeOffered"]);

/**
 * Whether an answer is given and valid: the training end date by today's rule, every other
 * answer by the draft's own schema for it.
 */
export function isEligibilityAnswerGiven(answers: EligibilityDraft, field: EligibilityField, today: string): boolean {
  const answer = answers[field];
  if (answer === undefined) return false;
  const schema = field === "trainingEndedOn" ? createTrainingEndedOnSchema(today) : EligibilityDraftSchema.shape[field];
  return schema.safeParse(answer).success;
}

/** The radio to show as chosen for an answer so far ("yes" or "no" for a boolean). */
export function readChoice(answers: EligibilityDraft, field: EligibilityField): string | undefined {
  const answer = answers[field];
  return typeof answer === "boolean" ? toYesNo(answer) : answer;
}

/** The answers with a radio's choice in them; a choice the draft's schema refuses leaves no answer. */
export function writeChoice(
  answers: EligibilityDraft,
  field: EligibilityField,
  choice: string | undefined,
): EligibilityDraft {
  const answer = YES_NO_FIELDS.has(field) ? fromYesNo(toYesNoChoice(choice)) : choice;
  return { ...answers, [field]: EligibilityDraftSchema.shape[field].safeParse(answer).data };
}

function toYesNoChoice(choice: string | undefined): YesNo | undefined {
  return choice === "yes" || choice === "no" ? choice : undefined;
}

/**
 * The domain's message for one eligibility answer, or undefined when it is fine. The whole set of
 * answers goes through the same schema the API uses (with today's date, so a future end date is
 * caught), and only the issues about `field` are kept: the page checks its own question.
 */
export function validateEligibilityField(
  answers: EligibilityDraft,
  field: EligibilityField,
  today: string,
): { message: string; code: string } | undefined {
  const result = createEligibilityAnswersSchema(today).safeParse({ ...answers, concerns: answers.concerns ?? [] });
  if (result.success) return undefined;
  const issue = result.error.issues.find((candidate) => candidate.path[0] === field);
  return issue === undefined ? undefined : { message: issue.message, code: issue.code };
}
