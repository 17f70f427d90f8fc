import { type CalendarDate, dayOfWeek, fromDayNumber, toDayNumber } from "../calendar/calendar-date";
import { type Instant, toLondonDate } from "../calendar/london-time";
import { ENGLAND_AND_WALES_BANK_HOLIDAY_DATES } from "../sla/bank-holidays";
import { DEFAULT_SLA_CONFIG, type SlaKind, type SlaPause } from "../sla/sla";
import type { HolidayCalendar } from "../sla/working-days";
import { percentileContOfCounts } from "./percentile";

/*
 * How long a completed SLA step took, for the reports, by the SLA clock's own rules (sla.ts):
 * the working days after the start date up to and including the completion date, in London,
 * leaving out working days the case was still paused at the end of. "Within SLA" is the clock's
 * "met". computeSlaClock answers one case in tens of microseconds (it formats dates as it walks);
 * a report measures tens of thousands, so this counts from a running total of working days over
 * the report's range, by the same rules. A test checks the two agree, pauses included.
 */

export interface CompletedStep {
  readonly kind: SlaKind;
  /** The London dates of the start and of the completion (the database works them out). */
  readonly startDate: CalendarDate;
  readonly completedDate: CalendarDate;
  /** For a step that was ever paused: its instants and pauses, which the clock itself measures. */
  readonly paused?: PausedStep;
}

export interface PausedStep {
  readonly startedAt: Instant;
  readonly completedAt: Instant;
  readonly pauses: readonly SlaPause[];
}

export interface StepMeasure {
  readonly workingDays: number;
  readonly withinSla: boolean;
}

/** A running count of working days over a range of dates, for counting in constant time. */
export class WorkingDayIndex {
  private readonly first: number;
  /** counts[i]: working days from the first day up to and including day first + i. */
  private readonly counts: Int32Array;
  /** byCount[n]: the day number of the n-th working day (1-based) of the range. */
  private readonly byCount: number[] = [];

  constructor(from: CalendarDate, to: CalendarDate, holidays: HolidayCalendar = ENGLAND_AND_WALES_BANK_HOLIDAY_DATES) {
    const holidaySet = new Set(holidays);
    this.first = toDayNumber(from);
    const last = toDayNumber(to);
    if (last < this.first) throw new RangeError(`The range ends before it starts: ${from} to ${to}`);
    this.counts = new Int32Array(last - this.first + 1);
    this.byCount.push(this.first - 1);
    let count = 0;
    for (let day = this.first; day <= last; day += 1) {
      const weekday = dayOfWeek(day);
      if (weekday !== 0 && weekday !== 6 && !holidaySet.has(fromDayNumber(day))) {
        count += 1;
        this.byCount.push(day);
      }
      this.counts[day - this.first] = count;
    }
  }

  private countAt(dayNumber: number): number {
    const offset = dayNumber - this.first;
    if (offset < 0 || offset >= this.counts.length) {
      throw new RangeError(`Outside the working-day index: ${fromDayNumber(dayNumber)}`);
    }
    return this.counts[offset] as number;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  between(from: CalendarDate, to: CalendarDate): number {
    return Math.max(0, this.countAt(toDayNumber(to)) - this.countAt(toDayNumber(from)));
  }

  /** Whether a day (by day number) is a working day. */
  isWorkingDayNumber(dayNumber: number): boolean {
    return this.countAt(dayNumber) - this.countAt(dayNumber - 1) === 1;
  }

  /** The day number of the n-th working day after `date`, or null past the end of the range. */
  dayAfter(date: CalendarDate, n: number): number | null {
    return this.byCount[this.countAt(toDayNumber(date)) + n] ?? null;
  }
}

/**
 * The working days after the start, up to the completion, that the step was still paused at
 * the end of: [pause start date, pause end date), as computeSlaClock counts them.
 */
function findPausedWorkingDays(step: CompletedStep, paused: PausedStep, index: WorkingDayIndex): Set<number> {
  const start = toDayNumber(step.startDate);
  const completion = toDayNumber(step.completedDate);
  const days = new Set<number>();
  for (const pause of paused.pauses) {
    const from = Math.max(toDayNumber(toLondonDate(pause.from)), start + 1);
    const end = Math.min(pause.to === null ? completion : toDayNumber(toLondonDate(pause.to)), completion);
    for (let day = from; day < end; day += 1) {
      if (index.isWorkingDayNumber(day)) days.add(day);
    }
  }
  return days;
}

/**
 * Measures completed steps by the SLA clock's rules; see the top of this file. The due date is
 * the clock's: the target-th working day after the start that was not paused (pauses after the
 * completion do not count, and a pause after the due date never reaches it).
 */
export function createStepMeasurer(index: WorkingDayIndex) {
  const target = (kind: SlaKind) =>
    kind === "triage" ? DEFAULT_SLA_CONFIG.triageWorkingDays : DEFAULT_SLA_CONFIG.firstContactWorkingDays;
  return (step: CompletedStep): StepMeasure => {
    const elapsed = index.between(step.startDate, step.completedDate);
    const completion = toDayNumber(step.completedDate);
    if (step.paused === undefined || step.paused.pauses.length === 0) {
      const dueDay = index.dayAfter(step.startDate, target(step.kind));
      return { workingDays: elapsed, withinSla: dueDay !== null && completion <= dueDay };
    }
    const pausedDays = findPausedWorkingDays(step, step.paused, index);
    let dueDay = toDayNumber(step.startDate);
    for (let counted = 0; counted < target(step.kind); ) {
      dueDay += 1;
      if (index.isWorkingDayNumber(dueDay) && !pausedDays.has(dueDay)) counted += 1;
    }
    return { workingDays: elapsed - pausedDays.size, withinSla: completion <= dueDay };
  };
}

/** A measure and how many steps had it (steps with the same dates measure the same). */
export interface CountedMeasure extends StepMeasure {
  readonly count: number;
}

/** Median, 90th percentile and share within SLA of measured steps (working days are whole). */
export function summariseSteps(measures: readonly CountedMeasure[]) {
  const byDays = new Map<number, number>();
  let completed = 0;
  let withinSla = 0;
  for (const measure of measures) {
    byDays.set(measure.workingDays, (byDays.get(measure.workingDays) ?? 0) + measure.count);
    completed += measure.count;
    if (measure.withinSla) withinSla += measure.count;
  }
  const counts = [...byDays.entries()];
  return {
    completed,
    medianWorkingDays: percentileContOfCounts(counts, 0.5),
    p90WorkingDays: percentileContOfCounts(counts, 0.9),
    withinSla,
    withinSlaShare: completed === 0 ? null : withinSla / completed,
  };
}
