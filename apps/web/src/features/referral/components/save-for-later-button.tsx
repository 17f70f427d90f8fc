import { useRef } from "react";
import { useNavigate } from "react-router";
import { ApiError } from "../../../lib/api-client";
import type { FormError } from "../../../lib/form-errors";
import { useSaveDraft } from "../api/save-draft";
import { useWizard } from "../wizard/wizard-provider";
import { toReferralDraft } from "../wizard/wizard-state";

type SaveForLaterButtonProps = {
  step: string;
  /** Puts what is typed on the page into the answers first, checked or not: a draft keeps it as typed. */
  keepPageAnswers: () => void;
  onError: (errors: FormError[]) => void;
};

/**
 * "Save and come back later": the answers so far go to the server as a draft, and the next page
 * shows the resume code. The code is never put in the URL or in browser storage.
 */
export function SaveForLaterButton({ step, keepPageAnswers, onError }: SaveForLaterButtonProps) {
  const { store } = useWizard();
  const navigate = useNavigate();
  const save = useSaveDraft();
  const saving = useRef(false);

  async function saveForLater() {
    if (saving.current) return;
    saving.current = true;
    keepPageAnswers();
    const state = store.getState();
    try {
      const data = toReferralDraft(state, step);
      // A code from earlier in this visit may have expired: then the answers are saved as a new draft.
      const saved = await save.mutateAsync({ data, resumeCode: state.resumeCode }).catch((error: unknown) => {
        if (error instanceof ApiError && error.code === "NOT_FOUND" && state.resumeCode !== undefined) {
          return save.mutateAsync({ data, resumeCode: undefined });
        }
        throw error;
      });
      store.update((current) => ({ ...current, resumeCode: saved.resumeCode, savedDraft: saved, lastStep: step }));
      navigate("/refer/saved");
    } catch (error) {
      onError([{ field: "", message: describeSaveFailure(error) }]);
    } finally {
      saving.current = false;
    }
  }

  return (
    <button
      className="nhsuk-button nhsuk-button--secondary"
      type="button"
      onClick={() => void saveForLater()}
      disabled={save.isPending}
    >
      Save and come back later
    </button>
  );
}

function describeSaveFailure(error: unknown): string {
  if (error instanceof ApiError) {
    // The API's words say how long to wait: a quarter of an hour per connection, an hour for everyone.
    if (error.code === "TOO_MANY_REQUESTS") return error.message;
    const field = error.fields[0];
    if (field) return `Your answers could not be saved: ${field.message}`;
  }
  return "Sorry, we could not save your answers. Try again.";
}
