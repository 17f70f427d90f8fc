import { SafetyFlagRequestSchema } from "@psu/domain";
import { InlineForm } from "../../../components/inline-form";
import { Textarea } from "../../../components/textarea";
import { toFormErrors } from "../../../lib/form-errors";
import { useSetSafetyFlag } from "../api/set-safety-flag";
import { type CaseActionProps, useCaseAction } from "./case-action";

const REASON_MAX_LENGTH = 2000;
const FIELD_IDS = { reason: "safety-reason" };

/** Raises the safety-concern flag, or clears it, with a reason either way. */
export function SafetyFlagForm({ target, flagged, ...actions }: CaseActionProps & { flagged: boolean }) {
  const setFlag = useSetSafetyFlag();
  const { values, field, fail, send, isSending, errors, failures } = useCaseAction(
    setFlag,
    actions,
    { reason: "" },
    FIELD_IDS,
  );

  function submit() {
    const parsed = SafetyFlagRequestSchema.safeParse({ flagged: !flagged, ...values });
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, [FIELD_IDS.reason], FIELD_IDS));
    send({ ...target, ...parsed.data }, parsed.data.flagged ? "Safety concern flagged" : "Safety concern flag removed");
  }

  return (
    <InlineForm
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel={flagged ? "Remove the safety concern flag" : "Flag a safety concern"}
      isSubmitting={isSending}
      variant={flagged ? "secondary" : "warning"}
    >
      <p>
        {flagged
          ? "This case is flagged as a safety concern."
          : "Flag the case if you are worried about the trainee’s safety or someone else’s. Everyone who opens the case will see it."}
      </p>
      <Textarea
        {...field("reason", FIELD_IDS.reason)}
        label={flagged ? "Why is the concern no longer there?" : "What is the concern?"}
        labelSize="s"
        maxLength={REASON_MAX_LENGTH}
        rows={3}
      />
    </InlineForm>
  );
}
