import { describe, expect, it } from "vitest";
import { findDueSlaDigestDate, findNextSlaDigestAt, toLondonInstant } from "./sla-digest-schedule";

describe("toLondonInstant", () => {
  it.each([
    ["2026-12-07", "2026-12-07T08:00:00.000Z"], // GMT
    ["2026-07-06", "2026-07-06T07:00:00.000Z"], // BST
    ["2026-03-29", "2026-03-29T07:00:00.000Z"], // the Sunday BST starts, at 01:00 UTC
    ["2026-10-25", "2026-10-25T08:00:00.000Z"], // the Sunday BST ends, at 01:00 UTC
  ])("08:00 in London on %s is %s", (date, expected) => {
    expect(toLondonInstant(date, 8).toISOString()).toBe(expected);
  });

  it.each([0, 1, 24, 8.5])("refuses hour %s, which a clock change could make ambiguous or which is not one", (hour) => {
    expect(() => toLondonInstant("2026-12-07", hour)).toThrow(RangeError);
  });
});

describe("findDueSlaDigestDate", () => {
  it.each<[string, string, string | null]>([
    ["a Monday just before 08:00", "2026-12-07T07:59:59.999Z", null],
    ["a Monday at 08:00", "2026-12-07T08:00:00.000Z", "2026-12-07"],
    ["a Monday afternoon (an instance starting late catches up)", "2026-12-07T15:00:00.000Z", "2026-12-07"],
    ["a Monday at 23:59", "2026-12-07T23:59:00.000Z", "2026-12-07"],
    ["a summer Monday at 08:00 BST", "2026-07-06T07:00:00.000Z", "2026-07-06"],
    ["a summer Monday at 07:59 BST (08:59 in UTC terms is after)", "2026-07-06T06:59:00.000Z", null],
    ["a Saturday", "2026-12-05T09:00:00.000Z", null],
    ["a Sunday", "2026-12-06T09:00:00.000Z", null],
    ["Christmas Day", "2026-12-25T09:00:00.000Z", null],
    ["Boxing Day's substitute Monday", "2026-12-28T09:00:00.000Z", null],
    ["Good Friday", "2026-04-03T09:00:00.000Z", null],
  ])("on %s", (_name, now, expected) => {
    expect(findDueSlaDigestDate(new Date(now))).toBe(expected);
  });

  it("follows the calendar it is given", () => {
    expect(findDueSlaDigestDate(new Date("2026-12-07T09:00:00Z"), ["2026-12-07"])).toBeNull();
  });
});

describe("findNextSlaDigestAt", () => {
  it.each([
    ["before 08:00 on a working day: that morning", "2026-12-04T07:00:00.000Z", "2026-12-04T08:00:00.000Z"],
    ["at 08:00 on a Friday: Monday's", "2026-12-04T08:00:00.000Z", "2026-12-07T08:00:00.000Z"],
    [
      "on Christmas Eve: after Christmas, Boxing Day and its substitute",
      "2026-12-24T09:00:00.000Z",
      "2026-12-29T08:00:00.000Z",
    ],
    ["before Easter: the Tuesday after, in BST", "2026-04-02T10:00:00.000Z", "2026-04-07T07:00:00.000Z"],
    ["across the change to BST", "2026-03-27T09:00:00.000Z", "2026-03-30T07:00:00.000Z"],
    ["across the change to GMT", "2026-10-23T09:00:00.000Z", "2026-10-26T08:00:00.000Z"],
  ])("%s", (_name, now, expected) => {
    expect(findNextSlaDigestAt(new Date(now)).toISOString()).toBe(expected);
  });

  it("is always later than now, and due at that instant", () => {
    for (let ms = Date.parse("2026-12-20T00:00:00Z"); ms < Date.parse("2027-01-10T00:00:00Z"); ms += 3_600_000 * 5) {
      const next = findNextSlaDigestAt(new Date(ms));
      expect(next.getTime()).toBeGreaterThan(ms);
      expect(findDueSlaDigestDate(next)).not.toBeNull();
      expect(findDueSlaDigestDate(new Date(next.getTime() - 1))).toBeNull();
    }
  });
});
