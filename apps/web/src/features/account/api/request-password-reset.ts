import { type PasswordResetRequest, PasswordResetRequestedSchema } from "@psu/domain";
import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";

/** Asks for a reset link by email; the answer is the same whether or not the address has an account. */
export function requestPasswordReset(request: PasswordResetRequest) {
  return fetchJson("/api/account/password-reset", PasswordResetRequestedSchema, { method: "POST", json: request });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
