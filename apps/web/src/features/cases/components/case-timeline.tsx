import type { TimelineEvent } from "@psu/domain";
import { describeCode } from "../../../lib/case-labels";
import { formatDateTime } from "../../../lib/format-dates";

/** Every event on the case, in the order the API gives them, as an ordered list. */
export function CaseTimeline({ events }: { events: readonly TimelineEvent[] }) {
  if (events.length === 0) return <p>Nothing has happened on this case yet.</p>;
  return (
    <ol className="nhsuk-list nhsuk-list--border">
      {events.map((event, index) => (
        // Events have no id of their own; the list is append-only, so position is stable.
        <li key={`${event.at}-${index}`}>
          <p className="nhsuk-u-margin-bottom-1">{event.summary}</p>
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-0">
            <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            {", "}
            {event.actor.name ?? describeCode(event.actor.type)}
          </p>
        </li>
      ))}
    </ol>
  );
}
