import type { CaseDetail } from "@psu/domain";
import { formatDateTime } from "../../../lib/format-dates";

/** The case's internal notes, as written. */
export function CaseNotes({ notes }: { notes: CaseDetail["notes"] }) {
  if (notes.length === 0) return <p>There are no notes yet.</p>;
  return (
    <ul className="nhsuk-list nhsuk-list--border">
      {notes.map((note) => (
        <li key={`${note.at}-${note.author.id}`}>
          <p className="app-pre-line nhsuk-u-margin-bottom-1">{note.text}</p>
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-0">
            {note.author.name}, <time dateTime={note.at}>{formatDateTime(note.at)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}
