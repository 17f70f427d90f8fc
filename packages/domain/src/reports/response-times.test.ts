import { describe, expect, it } from "vitest";
import { toLondonDate } from "../calendar/london-time";
import { computeSlaClock, type SlaKind, type SlaPause } from "../sla/sla";
import { workingDaysBetween } from "../sla/working-days";
import { type CompletedStep, createStepMeasurer, summariseSteps, WorkingDayIndex } from "./response-times";

const index = new WorkingDayIndex("2024-01-01", "2028-12-31");
const measure = createStepMeasurer(index);

function step(kind: SlaKind, startedAt: string, completedAt: string, pauses: SlaPause[] = []): CompletedStep {
  return {
    kind,
    startDate: toLondonDate(startedAt),
    completedDate: toLondonDate(completedAt),
    ...(pauses.length > 0 ? { paused: { startedAt, completedAt, pauses } } : {}),
  };
}

describe("measuring a completed step", () => {
  it("counts London working days after the start, the completion day included", () => {
    // Friday evening referral, triaged on Tuesday: Monday and Tuesday, due Tuesday.
    expect(measure(step("triage", "2026-11-20T18:00:00Z", "2026-11-24T10:00:00Z"))).toEqual({
      workingDays: 2,
      withinSla: true,
    });
    expect(measure(step("triage", "2026-11-20T18:00:00Z", "2026-11-25T10:00:00Z"))).toEqual({
      workingDays: 3,
      withinSla: false,
    });
    // Same day: nothing has elapsed.
    expect(measure(step("triage", "2026-11-23T09:00:00Z", "2026-11-23T15:00:00Z")).workingDays).toBe(0);
  });

  it("is late on the weekend after a Friday due date, though no working day has passed", () => {
    // Allocated Friday 13th, first contact due Friday 20th, made Saturday 21st.
    expect(measure(step("first_contact", "2026-11-13T10:00:00Z", "2026-11-21T10:00:00Z"))).toEqual({
      workingDays: 5,
      withinSla: false,
    });
  });

  it("takes off the working days a pause was open at midnight, as the clock does", () => {
    // Allocated Monday 16th; paused Tuesday 16:00 to Wednesday 10:00 (takes off Tuesday);
    // contact on Monday 23rd: Tue, Wed, Thu, Fri, Mon less Tuesday = 4; due Tuesday 24th.
    const paused = step("first_contact", "2026-11-16T09:00:00Z", "2026-11-23T12:00:00Z", [
      { from: "2026-11-17T16:00:00Z", to: "2026-11-18T10:00:00Z" },
    ]);
    expect(measure(paused)).toEqual({ workingDays: 4, withinSla: true });
    // Overlapping pauses count a day once; a pause after completion counts for nothing.
    const overlapping = step("first_contact", "2026-11-16T09:00:00Z", "2026-11-23T12:00:00Z", [
      { from: "2026-11-17T16:00:00Z", to: "2026-11-19T10:00:00Z" },
      { from: "2026-11-18T08:00:00Z", to: "2026-11-18T20:00:00Z" },
      { from: "2026-11-24T08:00:00Z", to: null },
    ]);
    expect(measure(overlapping).workingDays).toBe(3);
  });

  it("agrees with the SLA clock on a year of start and completion times", () => {
    // Every 7 hours through 2026 (bank holidays, both clock changes), completed 0 to 12 days later.
    const start = Date.parse("2026-01-01T00:30:00Z");
    for (let i = 0; i < 1252; i += 1) {
      const startedAt = new Date(start + i * 7 * 3_600_000).toISOString();
      const completedAt = new Date(Date.parse(startedAt) + ((i * 37) % 290) * 3_600_000).toISOString();
      const kind: SlaKind = i % 2 === 0 ? "triage" : "first_contact";
      const measured = measure(step(kind, startedAt, completedAt));
      const clock = computeSlaClock({ kind, startedAt, completedAt, now: completedAt });
      expect(measured.withinSla).toBe(clock.state === "met");
      expect(measured.workingDays).toBe(workingDaysBetween(toLondonDate(startedAt), toLondonDate(completedAt)));
    }
  });

  it("agrees with the SLA clock when steps were paused, once or twice, before or after the due date", () => {
    const start = Date.parse("2026-03-02T08:00:00Z");
    const hours = (n: number) => n * 3_600_000;
    for (let i = 0; i < 600; i += 1) {
      const startedMs = start + hours(i * 13);
      const completedMs = startedMs + hours(6 + ((i * 41) % 400));
      const firstFrom = startedMs + hours((i * 7) % 200);
      const pauses: SlaPause[] = [
        { from: new Date(firstFrom).toISOString(), to: new Date(firstFrom + hours(3 + ((i * 11) % 90))).toISOString() },
      ];
      if (i % 3 === 0) pauses.push({ from: new Date(firstFrom + hours(50)).toISOString(), to: null });
      const startedAt = new Date(startedMs).toISOString();
      const completedAt = new Date(completedMs).toISOString();
      const kind: SlaKind = i % 2 === 0 ? "triage" : "first_contact";
      const clock = computeSlaClock({ kind, startedAt, completedAt, pauses, now: completedAt });
      expect(measure(step(kind, startedAt, completedAt, pauses)).withinSla, `case ${i}`).toBe(clock.state === "met");
    }
  });

  it("refuses a date outside its index rather than guess", () => {
    expect(() => measure(step("triage", "2030-01-01T10:00:00Z", "2030-01-02T10:00:00Z"))).toThrow(RangeError);
  });
});

describe("summarising steps", () => {
  it("gives the median, 90th percentile and share within SLA, or nulls for none", () => {
    const measures = [1, 2, 3, 4, 10].map((workingDays) => ({ workingDays, withinSla: workingDays <= 2, count: 1 }));
    expect(summariseSteps(measures)).toEqual({
      completed: 5,
      medianWorkingDays: 3,
      p90WorkingDays: 7.6,
      withinSla: 2,
      withinSlaShare: 0.4,
    });
    // The same steps counted rather than listed, in another order.
    expect(
      summariseSteps([
        { workingDays: 10, withinSla: false, count: 1 },
        { workingDays: 2, withinSla: true, count: 1 },
        { workingDays: 1, withinSla: true, count: 1 },
        { workingDays: 3, withinSla: false, count: 0 },
        { workingDays: 3, withinSla: false, count: 1 },
        { workingDays: 4, withinSla: false, count: 1 },
      ]),
    ).toEqual(summariseSteps(measures));
    expect(summariseSteps([])).toEqual({
      completed: 0,
      medianWorkingDays: null,
      p90WorkingDays: null,
      withinSla: 0,
      withinSlaShare: null,
    });
  });
});
