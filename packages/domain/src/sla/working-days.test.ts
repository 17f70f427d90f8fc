import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { addCalendarDays, fromDayNumber, toDayNumber } from "../calendar/calendar-date";
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "./bank-holidays";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "./working-days";

/** Any date from mid 2024 to mid 2029, so runs start and end outside the holiday data too. */
const dateArbitrary = fc
  .integer({ min: toDayNumber("2024-06-01"), max: toDayNumber("2029-06-30") })
  .map((dayNumber) => fromDayNumber(dayNumber));

describe("calendar dates", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each(["2025-02-30", "2025-13-01", "2025-1-1", "01/02/2025", "", "2025-03-30T00:00:00Z"])("refuses %j", (date) => {
    expect(() => toDayNumber(date)).toThrow(RangeError);
  });

  it("round-trips dates including leap days and clock-change Sundays", () => {
    for (const date of ["1970-01-01", "2024-02-29", "2028-02-29", "2025-03-30", "2025-10-26"]) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
  });

  it.each([
    ["Pacific/Kiritimati", 14],
    ["America/Los_Angeles", 16],
    ["Europe/London", 0],
  ])("gives the same answers when the machine runs in %s", (zone, localHourAtMidnightUtc) => {
    vi.stubEnv("TZ", zone);
    // Proves the zone really changed for this process, so the checks below mean something.
    expect(new Date("2025-01-01T00:00:00Z").getHours()).toBe(localHourAtMidnightUtc);
    // The clocks change on these Sundays; a local-time implementation loses or gains a day.
    expect(addWorkingDays("2025-03-28", 1)).toBe("2025-03-31");
    expect(addWorkingDays("2025-10-24", 1)).toBe("2025-10-27");
    expect(addCalendarDays("2025-03-29", 1)).toBe("2025-03-30");
    expect(isWorkingDay("2025-03-30")).toBe(false);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2025-06-02", true, "a Monday"],
    ["2025-06-06", true, "a Friday"],
    ["2025-06-07", false, "a Saturday"],
    ["2025-06-08", false, "a Sunday"],
    ["2025-05-26", false, "the spring bank holiday"],
    ["2026-12-28", false, "a substitute Boxing Day"],
    ["2026-12-26", false, "Boxing Day on a Saturday"],
    ["2027-12-27", false, "a substitute Christmas Day"],
    ["2028-01-03", false, "a substitute New Year's Day"],
    ["2026-04-03", false, "Good Friday"],
    ["2026-04-06", false, "Easter Monday"],
  ])("%s is %s (%s)", (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it("takes a holiday calendar as a list or a set", () => {
    expect(isWorkingDay("2025-05-26", [])).toBe(true);
    expect(isWorkingDay("2025-06-02", ["2025-06-02"])).toBe(false);
    expect(isWorkingDay("2025-06-02", new Set(["2025-06-02"]))).toBe(false);
    expect(isWorkingDay("2025-06-07", [])).toBe(false);
  });
});

describe("addWorkingDays", () => {
  it.each([
    ["2025-06-02", 0, "2025-06-02", "zero days leaves the date alone"],
    ["2025-06-02", 2, "2025-06-04", "within a week"],
    ["2025-06-06", 1, "2025-06-09", "Friday to Monday"],
    ["2025-06-07", 1, "2025-06-09", "Saturday to Monday"],
    ["2025-06-07", 2, "2025-06-10", "Saturday plus two"],
    ["2025-05-23", 1, "2025-05-27", "over the spring bank holiday weekend"],
    ["2025-12-24", 1, "2025-12-29", "over Christmas 2025"],
    ["2025-12-31", 1, "2026-01-02", "over New Year's Day 2026"],
    ["2026-12-24", 1, "2026-12-29", "over Christmas 2026 and its substitute Boxing Day"],
    ["2027-12-24", 1, "2027-12-29", "over Christmas 2027 with two substitute days"],
    ["2027-12-31", 1, "2028-01-04", "over the substitute New Year's Day 2028"],
    ["2027-12-23", 5, "2028-01-04", "a full Christmas and New Year run"],
    ["2026-04-02", 1, "2026-04-07", "over Easter 2026"],
    ["2027-03-25", 2, "2027-03-31", "over Easter 2027"],
    ["2028-04-13", 1, "2028-04-18", "over Easter 2028"],
    ["2026-04-07", -1, "2026-04-02", "backwards over Easter"],
    ["2025-06-09", -1, "2025-06-06", "backwards from Monday to Friday"],
  ])("%s + %i = %s (%s)", (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it("uses the calendar it is given", () => {
    expect(addWorkingDays("2025-12-24", 1, [])).toBe("2025-12-25");
    expect(addWorkingDays("2025-06-02", 1, ["2025-06-03"])).toBe("2025-06-04");
  });

  it("refuses fractions of a day", () => {
    expect(() => addWorkingDays("2025-06-02", 1.5)).toThrow(RangeError);
  });

  it("always lands on a working day", () => {
    fc.assert(
      fc.property(
        dateArbitrary,
        fc.integer({ min: -30, max: 30 }).filter((n) => n !== 0),
        (date, n) => {
          expect(isWorkingDay(addWorkingDays(date, n))).toBe(true);
        },
      ),
    );
  });

  it("never lands on a bank holiday or a weekend (checked without isWorkingDay)", () => {
    const holidays = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => holiday.date));
    fc.assert(
      fc.property(dateArbitrary, fc.integer({ min: 1, max: 30 }), (date, n) => {
        const result = addWorkingDays(date, n);
        expect(holidays.has(result)).toBe(false);
        expect([0, 6]).not.toContain(new Date(`${result}T12:00:00Z`).getUTCDay());
      }),
    );
  });
});

describe("workingDaysBetween", () => {
  it.each([
    ["2025-06-02", "2025-06-02", 0],
    ["2025-06-06", "2025-06-09", 1],
    ["2025-06-02", "2025-06-06", 4],
    ["2025-06-07", "2025-06-08", 0],
    ["2025-06-08", "2025-06-07", 0],
    ["2025-06-09", "2025-06-06", -1],
    ["2025-06-07", "2025-06-06", -1],
    ["2025-12-24", "2026-01-02", 4],
    ["2026-04-02", "2026-04-07", 1],
  ])("from %s to %s is %i", (a, b, expected) => {
    expect(workingDaysBetween(a, b)).toBe(expected);
  });

  it("agrees with counting day by day, over years, either way round, with any holidays", () => {
    const countDayByDay = (a: string, b: string, holidays: readonly string[]) => {
      const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      let count = 0;
      for (let day = addCalendarDays(low, 1); day <= high; day = addCalendarDays(day, 1)) {
        const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
        if (weekday !== 0 && weekday !== 6 && !holidays.includes(day)) count += 1;
      }
      // From the later date the range is [early, late): shift both ends back a day.
      if (sign === -1) {
        const early = new Date(`${low}T12:00:00Z`).getUTCDay();
        const late = new Date(`${high}T12:00:00Z`).getUTCDay();
        const isWorking = (weekday: number, day: string) => weekday !== 0 && weekday !== 6 && !holidays.includes(day);
        count += (isWorking(early, low) ? 1 : 0) - (isWorking(late, high) ? 1 : 0);
      }
      return count === 0 ? 0 : sign * count;
    };
    fc.assert(
      fc.property(dateArbitrary, dateArbitrary, fc.array(dateArbitrary, { maxLength: 12 }), (a, b, holidays) => {
        expect(workingDaysBetween(a, b, holidays)).toBe(countDayByDay(a, b, holidays));
        expect(workingDaysBetween(a, b)).toBe(
          countDayByDay(
            a,
            b,
            ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => holiday.date),
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("undoes addWorkingDays", () => {
    fc.assert(
      fc.property(dateArbitrary, fc.integer({ min: -40, max: 40 }), (date, n) => {
        expect(workingDaysBetween(date, addWorkingDays(date, n))).toBe(n);
      }),
    );
  });

  it("counts the same days from either end, apart from the end days themselves", () => {
    fc.assert(
      fc.property(dateArbitrary, dateArbitrary, (a, b) => {
        // From the earlier date it counts (early, late]; from the later one -[early, late).
        const [early, late] = a <= b ? [a, b] : [b, a];
        const ends = a === b ? 0 : (isWorkingDay(late) ? 1 : 0) - (isWorkingDay(early) ? 1 : 0);
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, a)).toBe(ends);
      }),
    );
  });
});
