import {
  addCalendarDays,
  addWorkingDays,
  type CalendarDate,
  DEFAULT_SLA_CONFIG,
  type SlaConfig,
  type SlaKind,
} from "@psu/domain";

/**
 * The latest London day a clock of this kind can have started on and be due soon or breached
 * on `today`. A clock is due soon or breached only if its due date is at most the last day
 * within the due-soon window; the due date is at least `target` working days (so at least
 * `target` calendar days) after the start, and pauses only move it later. So a clock that
 * started after the day returned cannot be due soon or breached: the queue leaves those cases
 * out in SQL before computing the exact state of the rest.
 */
export function findLatestStartForDueSoonOrBreached(
  kind: SlaKind,
  today: CalendarDate,
  config: SlaConfig = DEFAULT_SLA_CONFIG,
): CalendarDate {
  const target = kind === "triage" ? config.triageWorkingDays : config.firstContactWorkingDays;
  // workingDaysRemaining <= window holds up to the day before the (window + 1)th working day.
  const lastDueSoonDay = addCalendarDays(
    addWorkingDays(today, config.dueSoonWithinWorkingDays + 1, config.holidays),
    -1,
  );
  return addCalendarDays(lastDueSoonDay, -target);
}
