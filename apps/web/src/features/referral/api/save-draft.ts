import { type ReferralDraft, type SavedDraft, SavedDraftSchema } from "@psu/domain";
import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";

/** Stores the answers so far on the server; with the code from an earlier save, updates that draft. */
export function saveDraft(data: ReferralDraft, resumeCode: string | undefined): Promise<SavedDraft> {
  return fetchJson("/api/drafts", SavedDraftSchema, {
    method: "POST",
    json: resumeCode === undefined ? { data } : { data, resumeCode },
  });
}

export function useSaveDraft() {
  return useMutation({
    mutationFn: ({ data, resumeCode }: { data: ReferralDraft; resumeCode: string | undefined }) =>
      saveDraft(data, resumeCode),
  });
}
