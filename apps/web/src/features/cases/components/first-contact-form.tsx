import { InlineForm } from "../../../components/inline-form";
import { useRecordFirstContact } from "../api/record-first-contact";
import { type CaseActionProps, useCaseAction } from "./case-action";

/** Records that the lead has made first contact with the trainee, now. */
export function FirstContactForm({ target, ...actions }: CaseActionProps) {
  const record = useRecordFirstContact();
  const { send, isSending, errors, failures } = useCaseAction(record, actions, {});

  return (
    <InlineForm
      errors={errors}
      failures={failures}
      onSubmit={() => send(target, "First contact recorded")}
      submitLabel="Record first contact"
      isSubmitting={isSending}
      variant="secondary"
    >
      <p>Record it once the lead has spoken or written to the trainee. This stops the first-contact clock.</p>
    </InlineForm>
  );
}
