import { InlineForm } from "../../../components/inline-form";
import { useRecordFirstContact } from "../api/record-first-contact";
import { type CaseActionProps, useCaseActionForm } from "./case-action";

/** Records that the lead has made first contact with the trainee, now. */
export function FirstContactForm({ target, onChanged, onConflict }: CaseActionProps) {
  const record = useRecordFirstContact();
  const { errors, failures, clear, handleError } = useCaseActionForm({}, onConflict, {});

  function submit() {
    record.mutate(target, {
      onSuccess: () => {
        clear();
        onChanged("First contact recorded");
      },
      onError: handleError,
    });
  }

  return (
    <InlineForm
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel="Record first contact"
      isSubmitting={record.isPending}
      variant="secondary"
    >
      <p>Record it once the lead has spoken or written to the trainee. This stops the first-contact clock.</p>
    </InlineForm>
  );
}
