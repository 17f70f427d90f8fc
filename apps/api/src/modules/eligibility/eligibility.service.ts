import { assessEligibility, type EligibilityVerdict, toLondonDate, validateEligibilityAnswers } from "@psu/domain";
import { AppError } from "../../errors/app-error";

/**
 * Gives the verdict on a trainee's answers. The route has checked shapes already; this adds
 * the checks that need today's date in London (an end date in the future is a 400).
 */
export function checkEligibility(body: unknown, now: Date): EligibilityVerdict {
  const today = toLondonDate(now);
  const validation = validateEligibilityAnswers(body, today);
  if (!validation.success) {
    const names = [...new Set(validation.issues.map((issue) => issue.field))];
    throw new AppError("VALIDATION_FAILED", `Check ${names.join(", ")}`, validation.issues);
  }
  return assessEligibility(validation.answers, today);
}
