import {
  assessEligibility,
  type EligibilityAnswers,
  type EligibilityVerdict,
  findFutureTrainingEnd,
  toLondonDate,
} from "@psu/domain";
import { AppError } from "../../errors/app-error";

/**
 * Gives the verdict on a trainee's answers. The route has parsed them with the contract's schema
 * already; this adds the one check that needs today's date in London (an end date in the future
 * is a 400), without parsing them a second time.
 */
export function checkEligibility(answers: EligibilityAnswers, now: Date): EligibilityVerdict {
  const today = toLondonDate(now);
  const future = findFutureTrainingEnd(answers, today);
  if (future) throw new AppError("VALIDATION_FAILED", `Check ${future.field}`, [future]);
  return assessEligibility(answers, today);
}
