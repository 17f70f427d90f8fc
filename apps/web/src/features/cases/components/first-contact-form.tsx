import type { FormEvent } from "react";
import { ErrorSummary } from "../../../components/error-summary";
import { useRecordFirstContact } from "../api/record-first-contact";
import { type CaseActionProps, useCaseActionErrors } from "./case-action";

/** Records that the lead has made first contact with the trainee, now. */
export function FirstContactForm({ target, onChanged, onConflict }: CaseActionProps) {
  const record = useRecordFirstContact();
  const { errors, failures, clear, handleError } = useCaseActionErrors(onConflict, {});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    record.mutate(target, {
      onSuccess: () => {
        clear();
        onChanged("First contact recorded");
      },
      onError: handleError,
    });
  }

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} focusKey={failures} />
      <p>Record it once the lead has spoken or written to the trainee. This stops the first-contact clock.</p>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={record.isPending}>
        Record first contact
      </button>
    </form>
  );
}
