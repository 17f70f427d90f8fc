import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toLondonDate } from "../calendar/london-time";
import { computeSlaClock, type SlaClockInput, type SlaPause } from "./sla";
import { addWorkingDays, isWorkingDay } from "./working-days";

// Monday 2 June 2025, 10:00 in London (BST): triage is due by the end of Wednesday 4 June.
const MONDAY_MORNING = "2025-06-02T09:00:00Z";

function triage(overrides: Partial<SlaClockInput> = {}) {
  return computeSlaClock({ kind: "triage", startedAt: MONDAY_MORNING, now: MONDAY_MORNING, ...overrides });
}

describe("London dates", () => {
  it.each([
    ["2025-06-05T22:59:00Z", "2025-06-05", "23:59 on a BST evening is still that day"],
    ["2025-06-05T23:30:00Z", "2025-06-06", "23:30 UTC on a BST evening is the next London day"],
    ["2025-01-09T23:30:00Z", "2025-01-09", "23:30 UTC in winter is the same London day"],
    ["2025-01-10T00:30:00+01:00", "2025-01-09", "offsets other than Z are honoured"],
    ["2025-03-30T00:59:59Z", "2025-03-30", "just before the clocks go forward"],
    ["2025-10-25T23:30:00Z", "2025-10-26", "BST on the night the clocks go back"],
  ])("%s is %s in London (%s)", (instant, expected) => {
    expect(toLondonDate(instant)).toBe(expected);
  });

  it("accepts Date objects", () => {
    expect(toLondonDate(new Date("2025-06-05T23:30:00Z"))).toBe("2025-06-06");
  });

  it.each(["2025-06-02T10:00:00", "2025-06-02", "yesterday", "2025-06-02T25:00:00Z"])("refuses %j", (instant) => {
    expect(() => toLondonDate(instant)).toThrow(RangeError);
  });
});

describe("computeSlaClock due dates", () => {
  it.each([
    ["triage", MONDAY_MORNING, "2025-06-04", "2 working days after a Monday"],
    ["triage", "2025-06-06T15:00:00Z", "2025-06-10", "over a weekend"],
    ["triage", "2025-06-07T11:00:00Z", "2025-06-10", "submitted on a Saturday"],
    ["triage", "2025-06-05T22:30:00Z", "2025-06-09", "Thursday 23:30 BST counts as Thursday"],
    ["triage", "2025-06-05T23:30:00Z", "2025-06-10", "Thursday 23:30 UTC is Friday 00:30 in London"],
    ["triage", "2025-01-09T23:30:00Z", "2025-01-13", "Thursday 23:30 UTC in winter is still Thursday"],
    ["triage", "2025-05-23T12:00:00Z", "2025-05-28", "over the spring bank holiday"],
    ["first_contact", "2025-06-04T12:00:00Z", "2025-06-11", "5 working days after a Wednesday"],
    ["first_contact", "2025-12-18T12:00:00Z", "2025-12-29", "over Christmas"],
    ["first_contact", "2027-12-23T12:00:00Z", "2028-01-04", "over Christmas and New Year substitutes"],
    ["first_contact", "2026-04-01T12:00:00Z", "2026-04-10", "over Easter"],
  ] as const)("%s started %s is due %s (%s)", (kind, startedAt, dueOn, _why) => {
    expect(computeSlaClock({ kind, startedAt, now: startedAt }).dueOn).toBe(dueOn);
  });
});

describe("computeSlaClock states", () => {
  it.each([
    ["2025-06-02T12:00:00Z", "on_track", 2, "on the day of submission"],
    ["2025-06-03T12:00:00Z", "due_soon", 1, "one working day before"],
    ["2025-06-04T08:00:00Z", "due_soon", 0, "on the due date"],
    ["2025-06-04T22:59:59Z", "due_soon", 0, "at 23:59:59 BST on the due date"],
    ["2025-06-04T23:00:00Z", "breached", -1, "at midnight in London after the due date"],
    ["2025-06-09T12:00:00Z", "breached", -3, "on the third working day after"],
  ] as const)("at %s it is %s with %i days left (%s)", (now, state, workingDaysRemaining, _why) => {
    expect(triage({ now })).toEqual({ kind: "triage", dueOn: "2025-06-04", state, workingDaysRemaining });
  });

  it("breaches at midnight GMT in winter", () => {
    const startedAt = "2025-01-09T23:30:00Z";
    expect(computeSlaClock({ kind: "triage", startedAt, now: "2025-01-13T23:59:59Z" }).state).toBe("due_soon");
    expect(computeSlaClock({ kind: "triage", startedAt, now: "2025-01-14T00:00:00Z" }).state).toBe("breached");
  });

  it("is due soon over the weekend before a Monday due date", () => {
    const clock = computeSlaClock({ kind: "triage", startedAt: "2025-06-05T12:00:00Z", now: "2025-06-07T12:00:00Z" });
    expect(clock).toMatchObject({ dueOn: "2025-06-09", state: "due_soon", workingDaysRemaining: 1 });
  });

  it("is met when completed by the end of the due date", () => {
    expect(triage({ completedAt: "2025-06-04T22:30:00Z", now: "2025-06-20T12:00:00Z" })).toMatchObject({
      state: "met",
      workingDaysRemaining: 0,
    });
    expect(triage({ completedAt: "2025-06-02T10:00:00Z", now: "2025-06-20T12:00:00Z" })).toMatchObject({
      state: "met",
      workingDaysRemaining: 2,
    });
  });

  it("stays breached when completed late", () => {
    expect(triage({ completedAt: "2025-06-05T08:00:00Z", now: "2025-06-05T09:00:00Z" })).toMatchObject({
      state: "breached",
      workingDaysRemaining: -1,
    });
  });
});

describe("computeSlaClock pauses", () => {
  const tuesdayAfternoon = "2025-06-03T13:00:00Z";
  const thursdayMorning = "2025-06-05T09:00:00Z";

  it("pushes the due date by the working days the case was paused at midnight", () => {
    // Paused at the end of Tuesday and Wednesday: due Friday instead of Wednesday.
    const clock = triage({ pauses: [{ from: tuesdayAfternoon, to: thursdayMorning }], now: thursdayMorning });
    expect(clock).toMatchObject({ dueOn: "2025-06-06", state: "due_soon", workingDaysRemaining: 1 });
  });

  it("takes nothing off for a pause opened and closed the same day", () => {
    const clock = triage({ pauses: [{ from: "2025-06-03T09:00:00Z", to: "2025-06-03T15:00:00Z" }] });
    expect(clock.dueOn).toBe("2025-06-04");
  });

  it("counts overlapping pauses once", () => {
    const clock = triage({
      pauses: [
        { from: tuesdayAfternoon, to: thursdayMorning },
        { from: "2025-06-04T09:00:00Z", to: "2025-06-05T08:00:00Z" },
      ],
      now: thursdayMorning,
    });
    expect(clock.dueOn).toBe("2025-06-06");
  });

  it("does not count a paused weekend or bank holiday twice", () => {
    const clock = computeSlaClock({
      kind: "first_contact",
      startedAt: "2025-05-21T12:00:00Z",
      // Paused at the end of Friday 23 May, the weekend and the bank holiday Monday.
      pauses: [{ from: "2025-05-23T10:00:00Z", to: "2025-05-27T10:00:00Z" }],
      now: "2025-05-27T10:00:00Z",
    });
    // Without the pause: 22, 23, 27, 28, 29 May. Friday 23 is lost, so Friday 30 May.
    expect(clock.dueOn).toBe("2025-05-30");
  });

  it("shows a paused clock with the due date it would have if resumed today", () => {
    const clock = triage({ pauses: [{ from: tuesdayAfternoon, to: null }], now: thursdayMorning });
    expect(clock).toEqual({ kind: "triage", dueOn: "2025-06-06", state: "paused", workingDaysRemaining: 1 });
    const later = triage({ pauses: [{ from: tuesdayAfternoon, to: null }], now: "2025-06-10T09:00:00Z" });
    expect(later).toMatchObject({ dueOn: "2025-06-11", state: "paused", workingDaysRemaining: 1 });
  });

  it("extends from the due date itself when the pause starts on it", () => {
    const clock = triage({
      pauses: [{ from: "2025-06-04T09:00:00Z", to: "2025-06-06T09:00:00Z" }],
      now: "2025-06-06T09:00:00Z",
    });
    expect(clock).toMatchObject({ dueOn: "2025-06-06", state: "due_soon" });
  });

  it("does not undo a breach by pausing afterwards", () => {
    const clock = triage({ pauses: [{ from: "2025-06-06T09:00:00Z", to: null }], now: "2025-06-09T09:00:00Z" });
    expect(clock).toMatchObject({ dueOn: "2025-06-04", state: "breached" });
  });

  it("ignores pauses before the clock started", () => {
    const clock = computeSlaClock({
      kind: "first_contact",
      startedAt: "2025-06-04T12:00:00Z",
      pauses: [{ from: "2025-05-28T09:00:00Z", to: "2025-06-03T09:00:00Z" }],
      now: "2025-06-04T12:00:00Z",
    });
    expect(clock.dueOn).toBe("2025-06-11");
  });

  it("ends an open pause at completion, and ignores pauses after it", () => {
    const clock = triage({
      pauses: [
        { from: tuesdayAfternoon, to: null },
        { from: "2025-06-06T09:00:00Z", to: "2025-06-12T09:00:00Z" },
      ],
      completedAt: thursdayMorning,
      now: "2025-06-20T09:00:00Z",
    });
    expect(clock).toMatchObject({ dueOn: "2025-06-06", state: "met", workingDaysRemaining: 1 });
  });

  it("accepts Date objects", () => {
    const clock = computeSlaClock({
      kind: "triage",
      startedAt: new Date(MONDAY_MORNING),
      pauses: [{ from: new Date(tuesdayAfternoon), to: new Date(thursdayMorning) }],
      now: new Date(thursdayMorning),
    });
    expect(clock.dueOn).toBe("2025-06-06");
  });

  it("refuses a pause that ends before it starts", () => {
    expect(() => triage({ pauses: [{ from: thursdayMorning, to: tuesdayAfternoon }] })).toThrow(RangeError);
  });
});

describe("computeSlaClock configuration", () => {
  it("takes other targets", () => {
    expect(triage({ config: { triageWorkingDays: 3 } }).dueOn).toBe("2025-06-05");
    const firstContact = computeSlaClock({
      kind: "first_contact",
      startedAt: MONDAY_MORNING,
      now: MONDAY_MORNING,
      config: { firstContactWorkingDays: 1 },
    });
    expect(firstContact.dueOn).toBe("2025-06-03");
  });

  it("takes another due-soon window", () => {
    expect(triage({ now: "2025-06-03T12:00:00Z", config: { dueSoonWithinWorkingDays: 0 } }).state).toBe("on_track");
    expect(triage({ now: "2025-06-02T12:00:00Z", config: { dueSoonWithinWorkingDays: 2 } }).state).toBe("due_soon");
  });

  it("keeps the defaults for settings given as undefined", () => {
    const christmasEve = "2025-12-24T12:00:00Z";
    const config = { triageWorkingDays: undefined, holidays: undefined };
    expect(computeSlaClock({ kind: "triage", startedAt: christmasEve, now: christmasEve, config }).dueOn).toBe(
      "2025-12-30",
    );
  });

  it("takes another holiday calendar", () => {
    const christmasEve = "2025-12-24T12:00:00Z";
    expect(computeSlaClock({ kind: "triage", startedAt: christmasEve, now: christmasEve }).dueOn).toBe("2025-12-30");
    expect(
      computeSlaClock({ kind: "triage", startedAt: christmasEve, now: christmasEve, config: { holidays: [] } }).dueOn,
    ).toBe("2025-12-26");
  });

  it.each([[{ triageWorkingDays: 0 }], [{ triageWorkingDays: 1.5 }], [{ dueSoonWithinWorkingDays: -1 }]])(
    "refuses %j",
    (config) => {
      expect(() => triage({ config })).toThrow(RangeError);
    },
  );
});

// Instants from 2025 to late 2028, to the minute.
const START_MS = Date.parse("2025-01-01T00:00:00Z");
const END_MS = Date.parse("2028-10-01T00:00:00Z");
const MINUTE = 60_000;
const DAY = 86_400_000;
const instantArbitrary = fc
  .integer({ min: START_MS / MINUTE, max: END_MS / MINUTE })
  .map((minutes) => minutes * MINUTE);
const pauseArbitrary = fc.record({
  offsetMinutes: fc.integer({ min: -10 * 24 * 60, max: 40 * 24 * 60 }),
  lengthMinutes: fc.option(fc.integer({ min: 0, max: 20 * 24 * 60 }), { nil: null }),
});
const kindArbitrary = fc.constantFrom("triage" as const, "first_contact" as const);

function toPauses(startMs: number, specs: { offsetMinutes: number; lengthMinutes: number | null }[]): SlaPause[] {
  return specs.map(({ offsetMinutes, lengthMinutes }) => {
    const from = startMs + offsetMinutes * MINUTE;
    return {
      from: new Date(from).toISOString(),
      to: lengthMinutes === null ? null : new Date(from + lengthMinutes * MINUTE).toISOString(),
    };
  });
}

describe("computeSlaClock properties", () => {
  it("always puts the due date on a working day", () => {
    fc.assert(
      fc.property(
        kindArbitrary,
        instantArbitrary,
        fc.array(pauseArbitrary, { maxLength: 4 }),
        fc.integer({ min: 0, max: 60 * 24 * 60 }),
        fc.boolean(),
        (kind, startMs, pauseSpecs, nowOffsetMinutes, completed) => {
          const nowMs = startMs + nowOffsetMinutes * MINUTE;
          const clock = computeSlaClock({
            kind,
            startedAt: new Date(startMs),
            pauses: toPauses(startMs, pauseSpecs),
            completedAt: completed ? new Date(nowMs).toISOString() : null,
            now: new Date(nowMs + DAY).toISOString(),
          });
          expect(isWorkingDay(clock.dueOn)).toBe(true);
        },
      ),
    );
  });

  it("with no pauses, is the target number of working days after the London start date", () => {
    fc.assert(
      fc.property(kindArbitrary, instantArbitrary, (kind, startMs) => {
        const clock = computeSlaClock({ kind, startedAt: new Date(startMs), now: new Date(startMs) });
        expect(clock.dueOn).toBe(addWorkingDays(toLondonDate(new Date(startMs)), kind === "triage" ? 2 : 5));
      }),
    );
  });

  it("never moves the due date earlier when the clock starts later", () => {
    fc.assert(
      fc.property(
        kindArbitrary,
        instantArbitrary,
        fc.integer({ min: 0, max: 10 * 24 * 60 }),
        fc.array(pauseArbitrary, { maxLength: 4 }),
        (kind, startMs, laterByMinutes, pauseSpecs) => {
          const pauses = toPauses(startMs, pauseSpecs);
          const now = new Date(startMs + 70 * DAY);
          const earlier = computeSlaClock({ kind, startedAt: new Date(startMs), pauses, now });
          const later = computeSlaClock({ kind, startedAt: new Date(startMs + laterByMinutes * MINUTE), pauses, now });
          expect(later.dueOn >= earlier.dueOn).toBe(true);
        },
      ),
    );
  });

  it("never moves the due date earlier when there is more pause time", () => {
    fc.assert(
      fc.property(
        kindArbitrary,
        instantArbitrary,
        fc.array(pauseArbitrary, { maxLength: 3 }),
        pauseArbitrary,
        fc.integer({ min: 0, max: 10 * 24 * 60 }),
        fc.integer({ min: 0, max: 60 * 24 * 60 }),
        (kind, startMs, pauseSpecs, extraSpec, extendByMinutes, nowOffsetMinutes) => {
          const base = { kind, startedAt: new Date(startMs), now: new Date(startMs + nowOffsetMinutes * MINUTE) };
          const pauses = toPauses(startMs, pauseSpecs);
          const withExtraPause = [...pauses, ...toPauses(startMs, [extraSpec])];
          // The same pauses with the first one lasting longer (an open one stays open).
          const [first, ...rest] = pauseSpecs;
          const extended = first
            ? toPauses(startMs, [
                {
                  ...first,
                  lengthMinutes: first.lengthMinutes === null ? null : first.lengthMinutes + extendByMinutes,
                },
                ...rest,
              ])
            : pauses;
          const dueOn = computeSlaClock({ ...base, pauses }).dueOn;
          expect(computeSlaClock({ ...base, pauses: withExtraPause }).dueOn >= dueOn).toBe(true);
          expect(computeSlaClock({ ...base, pauses: extended }).dueOn >= dueOn).toBe(true);
        },
      ),
    );
  });

  it("is breached exactly when the working days left go below zero", () => {
    fc.assert(
      fc.property(
        kindArbitrary,
        instantArbitrary,
        fc.integer({ min: 0, max: 30 * 24 * 60 }),
        (kind, startMs, nowOffset) => {
          const clock = computeSlaClock({
            kind,
            startedAt: new Date(startMs),
            now: new Date(startMs + nowOffset * MINUTE),
          });
          expect(clock.state === "breached").toBe(clock.workingDaysRemaining < 0);
        },
      ),
    );
  });
});
