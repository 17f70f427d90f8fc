import { ApiError } from "../../../lib/api-client";
import type { FormError } from "../../../lib/form-errors";

export const TOO_MANY_ATTEMPTS = "Too many attempts. Wait 15 minutes then try again.";

/** What to say when a look-up or withdrawal fails; a wrong pair always gets the one generic answer. */
export function describeStatusFailure(error: unknown): FormError {
  if (error instanceof ApiError) {
    if (error.code === "TOO_MANY_REQUESTS") return { field: "", message: TOO_MANY_ATTEMPTS };
    if (error.code === "NOT_FOUND") {
      return {
        field: "reference",
        message: "We could not find a referral with that reference and email address. Check both and try again.",
      };
    }
    if (error.code === "CONFLICT") return { field: "", message: error.message };
  }
  return { field: "", message: "Sorry, there is a problem with the service. Try again later." };
}
