import { SafetyFlagRequestSchema } from "@psu/domain";
import { type FormEvent, useState } from "react";
import { ErrorSummary } from "../../../components/error-summary";
import { Textarea } from "../../../components/textarea";
import { findFieldError, toFormErrors } from "../../../lib/form-errors";
import { useSetSafetyFlag } from "../api/set-safety-flag";
import { type CaseActionProps, useCaseActionErrors } from "./case-action";

const REASON_MAX_LENGTH = 2000;
const FIELD_IDS = { reason: "safety-reason" };

/** Raises the safety-concern flag, or clears it, with a reason either way. */
export function SafetyFlagForm({ target, onChanged, onConflict, flagged }: CaseActionProps & { flagged: boolean }) {
  const [reason, setReason] = useState("");
  const setFlag = useSetSafetyFlag();
  const { errors, failures, fail, clear, handleError } = useCaseActionErrors(onConflict, FIELD_IDS);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = SafetyFlagRequestSchema.safeParse({ flagged: !flagged, reason });
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, ["safety-reason"], FIELD_IDS));
    setFlag.mutate(
      { ...target, ...parsed.data },
      {
        onSuccess: () => {
          clear();
          setReason("");
          onChanged(parsed.data.flagged ? "Safety concern flagged" : "Safety concern flag removed");
        },
        onError: handleError,
      },
    );
  }

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} focusKey={failures} />
      <p>
        {flagged
          ? "This case is flagged as a safety concern."
          : "Flag the case if you are worried about the trainee’s safety or someone else’s. Everyone who opens the case will see it."}
      </p>
      <Textarea
        id="safety-reason"
        label={flagged ? "Why is the concern no longer there?" : "What is the concern?"}
        labelSize="s"
        value={reason}
        onChange={setReason}
        maxLength={REASON_MAX_LENGTH}
        rows={3}
        error={findFieldError(errors, "safety-reason")}
      />
      <button
        className={`nhsuk-button ${flagged ? "nhsuk-button--secondary" : "nhsuk-button--warning"}`}
        type="submit"
        disabled={setFlag.isPending}
      >
        {flagged ? "Remove the safety concern flag" : "Flag a safety concern"}
      </button>
    </form>
  );
}
