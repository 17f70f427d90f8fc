import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toLondonDate } from "./london-time";

// What toLondonDate must agree with: the date as Intl formats it for the instant itself.
const FORMAT = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", dateStyle: "short" });

describe("toLondonDate", () => {
  it.each([
    ["2026-03-29T00:59:59.999Z", "2026-03-29"], // the last GMT instant before BST starts
    ["2026-03-29T01:00:00.000Z", "2026-03-29"],
    ["2026-06-30T22:59:59.999Z", "2026-06-30"], // 23:59:59 BST
    ["2026-06-30T23:00:00.000Z", "2026-07-01"], // midnight BST
    ["2026-10-24T22:59:59.999Z", "2026-10-24"],
    ["2026-10-24T23:00:00.000Z", "2026-10-25"], // midnight BST, the night BST ends
    ["2026-10-25T23:59:59.999Z", "2026-10-25"], // 23:59 GMT
    ["2026-10-26T00:00:00.000Z", "2026-10-26"],
    ["1971-06-30T23:30:00.000Z", "1971-07-01"], // British Standard Time: +1 all year
  ])("%s is %s in London", (instant, date) => {
    expect(toLondonDate(instant)).toBe(date);
  });

  it("agrees with formatting each instant, to the millisecond, asked in any order", () => {
    const instant = fc.integer({ min: Date.UTC(1960, 0, 1), max: Date.UTC(2040, 0, 1) });
    fc.assert(
      fc.property(instant, (ms) => {
        expect(toLondonDate(new Date(ms))).toBe(FORMAT.format(ms));
        // Either side of the hour it falls in, which the remembered dates are kept by.
        const hourStart = Math.floor(ms / 3_600_000) * 3_600_000;
        expect(toLondonDate(new Date(hourStart))).toBe(FORMAT.format(hourStart));
        expect(toLondonDate(new Date(hourStart - 1))).toBe(FORMAT.format(hourStart - 1));
      }),
      { numRuns: 3_000 },
    );
  });
});
