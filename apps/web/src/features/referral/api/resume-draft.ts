import { type ResumedDraft, ResumedDraftSchema } from "@psu/domain";
import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "../../../lib/api-client";

/** Gets saved answers back with a resume code; an unknown or expired code is a 404 NOT_FOUND. */
export function resumeDraft(resumeCode: string): Promise<ResumedDraft> {
  return fetchJson("/api/drafts/resume", ResumedDraftSchema, { method: "POST", json: { resumeCode } });
}

export function useResumeDraft() {
  return useMutation({ mutationFn: resumeDraft });
}
