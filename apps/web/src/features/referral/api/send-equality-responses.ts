import type { EqualityMonitoring } from "@psu/domain";
import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "../../../lib/api-client";

// The API answers 204 with no body.
const NoContentSchema = z.undefined();

/** Sends the optional equality monitoring answers, which the API keeps apart from the referral. */
export async function sendEqualityResponses(answers: EqualityMonitoring): Promise<void> {
  await fetchJson("/api/equality-responses", NoContentSchema, { method: "POST", json: { answers } });
}

export function useSendEqualityResponses() {
  return useMutation({ mutationFn: sendEqualityResponses });
}
