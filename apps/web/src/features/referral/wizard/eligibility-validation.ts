import { createEligibilityAnswersSchema } from "@psu/domain";
import type { EligibilityDraft } from "./wizard-state";

export type EligibilityField = Exclude<keyof EligibilityDraft, "concerns">;

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
