import { describe, expect, it } from "vitest";
import { formatShortDate } from "./format-dates";

// What formatShortDate wrote when it used Intl: it must still write exactly that.
function formatWithIntl(date: string, now: Date): string {
  const day = new Date(`${date}T00:00:00Z`);
  const londonYear = new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "Europe/London" }).format(now);
  const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", timeZone: "UTC" };
  return new Intl.DateTimeFormat(
    "en-GB",
    date.slice(0, 4) === londonYear ? options : { ...options, year: "numeric" },
  ).format(day);
}

describe("formatShortDate", () => {
  it.each([
    ["2026-12-03", "2026-12-06T12:00:00Z", "3 Dec"],
    ["2026-09-30", "2026-12-06T12:00:00Z", "30 Sept"],
    ["2025-12-03", "2026-12-06T12:00:00Z", "3 Dec 2025"],
    ["2027-01-01", "2026-12-31T23:30:00Z", "1 Jan 2027"],
  ])("writes %s as Intl does on %s: %s", (date, now, expected) => {
    expect(formatShortDate(date, new Date(now))).toBe(expected);
    expect(formatWithIntl(date, new Date(now))).toBe(expected);
  });

  it("agrees with Intl for every day of two years, seen from either side of New Year and midsummer", () => {
    const nows = ["2026-01-01T00:00:00Z", "2026-06-30T23:30:00Z", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z"];
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      for (const now of nows)
        expect(formatShortDate(date, new Date(now)), `${date} on ${now}`).toBe(formatWithIntl(date, new Date(now)));
    }
  });
});
