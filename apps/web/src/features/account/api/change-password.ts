import { type ChangePasswordRequest, PasswordChangedSchema } from "@psu/domain";
import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";

/** Changes the signed-in member's password; their other sessions end. */
export function changePassword(request: ChangePasswordRequest) {
  return fetchJson("/api/account/password", PasswordChangedSchema, { method: "POST", json: request });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
