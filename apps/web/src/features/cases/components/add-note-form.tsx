import { AddNoteRequestSchema } from "@psu/domain";
import { type FormEvent, useState } from "react";
import { ErrorSummary } from "../../../components/error-summary";
import { Textarea } from "../../../components/textarea";
import { findFieldError, toFormErrors } from "../../../lib/form-errors";
import { useAddCaseNote } from "../api/add-case-note";
import { type CaseActionProps, useCaseActionErrors } from "./case-action";

const NOTE_MAX_LENGTH = 5000;

/** Adds an internal note to the case. */
export function AddNoteForm({ target, onChanged, onConflict }: CaseActionProps) {
  const [text, setText] = useState("");
  const addNote = useAddCaseNote();
  const { errors, failures, fail, clear, handleError } = useCaseActionErrors(onConflict, { text: "note-text" });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = AddNoteRequestSchema.safeParse({ text });
    if (!parsed.success) return fail(toFormErrors(parsed.error.issues, ["note-text"], { text: "note-text" }));
    addNote.mutate(
      { ...target, text: parsed.data.text },
      {
        onSuccess: () => {
          clear();
          setText("");
          onChanged("Note added");
        },
        onError: handleError,
      },
    );
  }

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} focusKey={failures} />
      <Textarea
        id="note-text"
        label="Add a note"
        labelSize="s"
        hint="Only PSU staff can see notes. Do not copy in more of the trainee’s details than the case needs."
        value={text}
        onChange={setText}
        maxLength={NOTE_MAX_LENGTH}
        rows={4}
        error={findFieldError(errors, "note-text")}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={addNote.isPending}>
        Add note
      </button>
    </form>
  );
}
