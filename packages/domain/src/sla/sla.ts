import { z } from "zod";
import { CalendarDateSchema, dayOfWeek, fromDayNumber, isCalendarDate, toDayNumber } from "../calendar/calendar-date";
import { type Instant, InstantSchema, toEpochMilliseconds, toLondonDate } from "../calendar/london-time";
import { ENGLAND_AND_WALES_BANK_HOLIDAY_DATES } from "./bank-holidays";
import { type HolidayCalendar, workingDaysBetween } from "./working-days";

/*
 * SLA clocks, exactly:
 * - Instants (start, pauses, completion, now) become calendar dates in Europe/London; all
 *   counting is in whole London working days (Monday to Friday, not a bank holiday).
 * - The due date is the target-th counted working day after the start date; the start date
 *   never counts. Triage: 2 working days after submission; first contact: 5 after allocation.
 *   A referral on Friday evening or Saturday is due for triage on Tuesday.
 * - "Due by" means by the end of the due date in London: completing at 23:59 on the due date
 *   is met; the clock is breached from 00:00 London time the day after.
 * - Pauses (information requested) take working days off the clock: a working day is not
 *   counted when the case was still paused at the end of it (midnight London). So a pause
 *   opened and closed on the same day takes nothing off, and one from Tuesday 16:00 to
 *   Wednesday 10:00 takes off Tuesday. Overlapping pauses count a day once. A pause still open
 *   is treated as ending now, so the due date shown while paused is the one the case would
 *   have if it resumed today; it moves on by a day for each working day the pause lasts.
 * - Pauses only push the due date if they start on or before it: asking for information after
 *   a breach does not undo the breach.
 * - Once completed the clock is frozen: pauses after completion are ignored.
 */

export const SLA_KINDS = ["triage", "first_contact"] as const;
export const SlaKindSchema = z.enum(SLA_KINDS);
export type SlaKind = z.infer<typeof SlaKindSchema>;

/**
 * on_track: open with time to spare; due_soon: due today or within `dueSoonWithinWorkingDays`;
 * breached: the due date has ended (open, or completed late); met: completed by the end of the
 * due date; paused: open, waiting for information, and not already breached.
 */
export const SLA_STATES = ["on_track", "due_soon", "breached", "met", "paused"] as const;
export const SlaStateSchema = z.enum(SLA_STATES);
export type SlaState = z.infer<typeof SlaStateSchema>;

/** The states the "Breaching soon" view lists (and the SLA digest and metrics count): open and late, or nearly. */
export const BREACHING_SOON_STATES = ["breached", "due_soon"] as const satisfies readonly SlaState[];
export type BreachingSoonState = (typeof BREACHING_SOON_STATES)[number];

/** True for the states the "Breaching soon" view lists. */
export function isBreachingSoon(state: SlaState): state is BreachingSoonState {
  return state === "breached" || state === "due_soon";
}

export interface SlaConfig {
  /** Working days after submission by which triage is due. */
  readonly triageWorkingDays: number;
  /** Working days after allocation by which the lead's first contact is due. */
  readonly firstContactWorkingDays: number;
  /** "Due soon" from this many working days before the due date (0 = only on the day). */
  readonly dueSoonWithinWorkingDays: number;
  readonly holidays: HolidayCalendar;
}

export const DEFAULT_SLA_CONFIG: SlaConfig = {
  triageWorkingDays: 2,
  firstContactWorkingDays: 5,
  dueSoonWithinWorkingDays: 1,
  holidays: ENGLAND_AND_WALES_BANK_HOLIDAY_DATES,
};

/** A time the clock stood still; `to` is null while the pause is still open. */
export const SlaPauseSchema = z.object({ from: InstantSchema, to: InstantSchema.nullable() });
export interface SlaPause {
  readonly from: Instant;
  readonly to: Instant | null;
}

export interface SlaClockInput {
  readonly kind: SlaKind;
  /** Submission (triage) or allocation (first contact). */
  readonly startedAt: Instant;
  readonly pauses?: readonly SlaPause[];
  /** When triage started or first contact was made; absent or null while still waiting. */
  readonly completedAt?: Instant | null;
  readonly now: Instant;
  readonly config?: Partial<SlaConfig>;
}

export const SlaClockSchema = z.object({
  kind: SlaKindSchema,
  dueOn: CalendarDateSchema,
  state: SlaStateSchema,
  /**
   * Working days from today (or the completion date, once completed) to the due date: 0 on the
   * due date, negative once overdue (-1 from the day after a due date until the next working
   * day ends).
   */
  workingDaysRemaining: z.int(),
});
export type SlaClock = z.infer<typeof SlaClockSchema>;

function checkWholeDays(name: string, value: number, minimum: number): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be a whole number of at least ${minimum}: ${value}`);
  }
}

// Each calendar's holidays as day numbers, worked out once per calendar: counting every open
// case's clock (the queue's "Breaching soon" count) spent most of its time turning dates into
// text and back.
const holidayDayNumberCache = new WeakMap<object, ReadonlySet<number>>();

function toHolidayDayNumbers(holidays: HolidayCalendar): ReadonlySet<number> {
  let dayNumbers = holidayDayNumberCache.get(holidays);
  if (!dayNumbers) {
    // A date that is not a real one was never matched by a day: left out rather than thrown on.
    dayNumbers = new Set([...holidays].filter(isCalendarDate).map(toDayNumber));
    holidayDayNumberCache.set(holidays, dayNumbers);
  }
  return dayNumbers;
}

/** Computes an SLA clock's due date and state; see the rules at the top of this file. */
export function computeSlaClock(input: SlaClockInput): SlaClock {
  // Field by field, so an explicit `undefined` (e.g. from optional env settings) keeps the default.
  const config: SlaConfig = {
    triageWorkingDays: input.config?.triageWorkingDays ?? DEFAULT_SLA_CONFIG.triageWorkingDays,
    firstContactWorkingDays: input.config?.firstContactWorkingDays ?? DEFAULT_SLA_CONFIG.firstContactWorkingDays,
    dueSoonWithinWorkingDays: input.config?.dueSoonWithinWorkingDays ?? DEFAULT_SLA_CONFIG.dueSoonWithinWorkingDays,
    holidays: input.config?.holidays ?? DEFAULT_SLA_CONFIG.holidays,
  };
  const target = input.kind === "triage" ? config.triageWorkingDays : config.firstContactWorkingDays;
  checkWholeDays("The SLA target", target, 1);
  checkWholeDays("The due-soon window", config.dueSoonWithinWorkingDays, 0);

  const completedAt = input.completedAt ?? null;
  const nowMs = toEpochMilliseconds(input.now);
  // Everything is judged as of completion once there is one.
  const referenceMs = completedAt === null ? nowMs : toEpochMilliseconds(completedAt);
  const referenceDate = toLondonDate(new Date(referenceMs));
  const holidayDayNumbers = toHolidayDayNumbers(config.holidays);

  const pausedDayRanges: [number, number][] = [];
  let pausedNow = false;
  for (const pause of input.pauses ?? []) {
    const fromMs = toEpochMilliseconds(pause.from);
    const toMs = pause.to === null ? null : toEpochMilliseconds(pause.to);
    if (toMs !== null && toMs < fromMs) {
      throw new RangeError(`A pause ends before it starts: ${String(pause.from)} to ${String(pause.to)}`);
    }
    const endMs = Math.min(toMs ?? referenceMs, referenceMs);
    if (completedAt === null && fromMs <= nowMs && (toMs === null || toMs > nowMs)) pausedNow = true;
    if (endMs <= fromMs) continue;
    // Paused days are [pause start date, pause end date): those still paused at midnight.
    pausedDayRanges.push([toDayNumber(toLondonDate(new Date(fromMs))), toDayNumber(toLondonDate(new Date(endMs)))]);
  }
  const isPaused = (dayNumber: number) => pausedDayRanges.some(([from, to]) => dayNumber >= from && dayNumber < to);

  let dueDay = toDayNumber(toLondonDate(input.startedAt));
  for (let counted = 0; counted < target; ) {
    dueDay += 1;
    const weekday = dayOfWeek(dueDay);
    const isWorkingDay = weekday !== 0 && weekday !== 6 && !holidayDayNumbers.has(dueDay);
    if (isWorkingDay && !isPaused(dueDay)) counted += 1;
  }
  const dueOn = fromDayNumber(dueDay);
  const workingDaysRemaining = workingDaysBetween(referenceDate, dueOn, config.holidays);

  let state: SlaState;
  if (referenceDate > dueOn) state = "breached";
  else if (completedAt !== null) state = "met";
  else if (pausedNow) state = "paused";
  else if (workingDaysRemaining <= config.dueSoonWithinWorkingDays) state = "due_soon";
  else state = "on_track";

  return { kind: input.kind, dueOn, state, workingDaysRemaining };
}
