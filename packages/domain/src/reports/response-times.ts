import { type CalendarDate, dayOfWeek, fromDayNumber, toDayNumber } from "../calendar/calendar-date";
import { type Instant, toLondonDate } from "../calendar/london-time";
import { ENGLAND_AND_WALES_BANK_HOLIDAY_DATES } from "../sla/bank-holidays";
import { computeSlaClock, DEFAULT_SLA_CONFIG, type SlaKind, type SlaPause } from "../sla/sla";
import type { HolidayCalendar } from "../sla/working-days";
import { percentileCont } from "./percentile";

/*
 * How long a completed SLA step took, for the reports, by the SLA clock's own rules (sla.ts):
 * the working days after the start date up to and including the completion date, in London,
 * leaving out working days the case was still paused at the end of. "Within SLA" is the clock's
 * "met". computeSlaClock answers one case in tens of microseconds; a report measures tens of
 * thousands, so steps without pauses (nearly all) are counted from a running total of working
 * days, and only steps with pauses go through the clock itself. A test checks the two agree.
 */

export interface CompletedStep {
  readonly kind: SlaKind;
  /** The London dates of the start and of the completion (the database works them out). */
  readonly startDate: CalendarDate;
  readonly completedDate: CalendarDate;
  /** Only read when there are pauses. */
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

  /** The day number of the n-th working day after `date`, or null past the end of the range. */
  dayAfter(date: CalendarDate, n: number): number | null {
    return this.byCount[this.countAt(toDayNumber(date)) + n] ?? null;
  }
}

/**
 * The working days after the start, up to the completion, that the step was still paused at
 * the end of: [pause start date, pause end date), as computeSlaClock counts them.
 */
function pausedWorkingDays(step: CompletedStep, holidays: ReadonlySet<string>): number {
  const start = toDayNumber(step.startDate);
  const completion = toDayNumber(step.completedDate);
  const paused = new Set<number>();
  for (const pause of step.pauses) {
    const from = Math.max(toDayNumber(toLondonDate(pause.from)), start + 1);
    const end = Math.min(pause.to === null ? completion : toDayNumber(toLondonDate(pause.to)), completion);
    for (let day = from; day < end; day += 1) {
      const weekday = dayOfWeek(day);
      if (weekday !== 0 && weekday !== 6 && !holidays.has(fromDayNumber(day))) paused.add(day);
    }
  }
  return paused.size;
}

/** Measures completed steps by the SLA clock's rules; see the top of this file. */
export function createStepMeasurer(
  index: WorkingDayIndex,
  holidays: HolidayCalendar = ENGLAND_AND_WALES_BANK_HOLIDAY_DATES,
) {
  const holidaySet = new Set(holidays);
  const target = (kind: SlaKind) =>
    kind === "triage" ? DEFAULT_SLA_CONFIG.triageWorkingDays : DEFAULT_SLA_CONFIG.firstContactWorkingDays;
  return (step: CompletedStep): StepMeasure => {
    const elapsed = index.between(step.startDate, step.completedDate);
    if (step.pauses.length === 0) {
      const dueDay = index.dayAfter(step.startDate, target(step.kind));
      const withinSla = dueDay !== null && toDayNumber(step.completedDate) <= dueDay;
      return { workingDays: elapsed, withinSla };
    }
    const clock = computeSlaClock({
      kind: step.kind,
      startedAt: step.startedAt,
      completedAt: step.completedAt,
      pauses: step.pauses,
      now: step.completedAt,
      config: { holidays: holidaySet },
    });
    return { workingDays: elapsed - pausedWorkingDays(step, holidaySet), withinSla: clock.state === "met" };
  };
}

/** Median, 90th percentile and share within SLA of a set of measured steps. */
export function summariseSteps(measures: readonly StepMeasure[]) {
  const days = measures.map((measure) => measure.workingDays);
  const withinSla = measures.filter((measure) => measure.withinSla).length;
  return {
    completed: measures.length,
    medianWorkingDays: percentileCont(days, 0.5),
    p90WorkingDays: percentileCont(days, 0.9),
    withinSla,
    withinSlaShare: measures.length === 0 ? null : withinSla / measures.length,
  };
}
