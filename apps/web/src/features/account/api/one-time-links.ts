import { type LinkHolder, LinkHolderSchema, type SetPasswordRequest } from "@psu/domain";
import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "../../../lib/api-client";

/** The two emailed links that let a member of staff choose a password, and their API paths. */
export type LinkPurpose = "invitation" | "password-reset";

const PATHS: Readonly<Record<LinkPurpose, { check: string; use: string }>> = {
  invitation: { check: "/api/account/invitation/check", use: "/api/account/invitation/accept" },
  "password-reset": { check: "/api/account/password-reset/check", use: "/api/account/password-reset/complete" },
};

/** Whom a link is for while it works; NOT_FOUND (an ApiError) when it is unknown, expired or used. */
export function checkLink(purpose: LinkPurpose, token: string, signal?: AbortSignal): Promise<LinkHolder> {
  return fetchJson(PATHS[purpose].check, LinkHolderSchema, { method: "POST", json: { token }, signal });
}

// Not under the staff key: nobody is signed in here. The token stays in memory, never in a URL the server sees.
export function linkQueryOptions(purpose: LinkPurpose, token: string) {
  return queryOptions({
    queryKey: ["account-link", purpose, token] as const,
    queryFn: ({ signal }) => checkLink(purpose, token, signal),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useLinkHolder(purpose: LinkPurpose, token: string) {
  return useQuery({ ...linkQueryOptions(purpose, token), enabled: token !== "" });
}

/** Sets the password with the link (accepting the invitation, or completing the reset); the API answers 204. */
export function setPasswordWithLink(purpose: LinkPurpose, request: SetPasswordRequest): Promise<void> {
  return fetchJson(PATHS[purpose].use, z.undefined(), { method: "POST", json: request });
}

export function useSetPasswordWithLink(purpose: LinkPurpose) {
  return useMutation({ mutationFn: (request: SetPasswordRequest) => setPasswordWithLink(purpose, request) });
}
