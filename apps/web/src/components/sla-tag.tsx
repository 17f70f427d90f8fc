import type { SlaClock, SlaState } from "@psu/domain";
import { formatShortDate } from "../lib/format-dates";

const SLA_COLOURS: Readonly<Record<SlaState, string>> = {
  breached: "red",
  due_soon: "orange",
  on_track: "green",
  paused: "grey",
  met: "blue",
};

/**
 * What an SLA clock says, in words that stand without the colour: "Breached: due 3 Dec",
 * "Due today", "Due soon: 5 Dec", "On track: due 9 Dec", "Paused", "Met: due 3 Dec".
 */
export function describeSlaClock(clock: SlaClock): string {
  const due = formatShortDate(clock.dueOn);
  switch (clock.state) {
    case "breached":
      return `Breached: due ${due}`;
    case "due_soon":
      return clock.workingDaysRemaining <= 0 ? "Due today" : `Due soon: ${due}`;
    case "on_track":
      return `On track: due ${due}`;
    case "paused":
      return "Paused";
    case "met":
      return `Met: due ${due}`;
  }
}

/** An SLA clock as a coloured NHS.UK tag whose words say its state and due date. */
export function SlaTag({ clock }: { clock: SlaClock }) {
  return <strong className={`nhsuk-tag nhsuk-tag--${SLA_COLOURS[clock.state]}`}>{describeSlaClock(clock)}</strong>;
}
