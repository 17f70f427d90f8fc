import { type FormError, toApiFormErrors } from "../../../lib/form-errors";

export const TOO_MANY_ATTEMPTS = "Too many attempts. Wait 15 minutes then try again.";

/** What to say when a look-up or withdrawal fails; a wrong pair always gets the one generic answer. */
export function describeStatusFailure(error: unknown): FormError {
  const [first] = toApiFormErrors(error, {
    fieldIds: { reference: "reference", email: "email" },
    fieldFor: { NOT_FOUND: "reference" },
    messages: {
      TOO_MANY_REQUESTS: TOO_MANY_ATTEMPTS,
      NOT_FOUND: "We could not find a referral with that reference and email address. Check both and try again.",
    },
  });
  return first ?? { field: "", message: "Sorry, there is a problem with the service. Try again later." };
}
