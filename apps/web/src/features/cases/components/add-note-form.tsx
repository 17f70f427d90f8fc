import { AddNoteRequestSchema } from "@psu/domain";
import { InlineForm } from "../../../components/inline-form";
import { Textarea } from "../../../components/textarea";
import { toFormErrors } from "../../../lib/form-errors";
import { useAddCaseNote } from "../api/add-case-note";
import { type CaseActionProps, useCaseAction } from "./case-action";

const NOTE_MAX_LENGTH = 5000;
const FIELD_IDS = { text: "note-text" };

/** Adds an internal note to the case. */
export function AddNoteForm({ target, ...actions }: CaseActionProps) {
  const addNote = useAddCaseNote();
  const { values, field, fail, send, isSending, errors, failures } = useCaseAction(
    addNote,
    actions,
    { text: "" },
    FIELD_IDS,
  );

  function submit() {
    const parsed = AddNoteRequestSchema.safeParse(values);
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, [FIELD_IDS.text], FIELD_IDS));
    send({ ...target, text: parsed.data.text }, "Note added");
  }

  return (
    <InlineForm
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel="Add note"
      isSubmitting={isSending}
      variant="secondary"
    >
      <Textarea
        {...field("text", FIELD_IDS.text)}
        label="Add a note"
        labelSize="s"
        hint="Only PSU staff can see notes. Do not copy in more of the trainee’s details than the case needs."
        maxLength={NOTE_MAX_LENGTH}
        rows={4}
      />
    </InlineForm>
  );
}
