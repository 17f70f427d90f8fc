import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "../api-client";

/** Ends the session on the server (204). */
export function signOut(): Promise<void> {
  return fetchJson("/api/auth/sign-out", z.undefined(), { method: "POST" });
}

/** Signing out; the sign-in page it leads to drops every staff query (see SignedOutLayout). */
export function useSignOut() {
  return useMutation({ mutationFn: signOut });
}
