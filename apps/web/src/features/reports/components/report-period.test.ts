import { describe, expect, test } from "vitest";
import { ApiError } from "../../../lib/api-client";
import {
  findDefaultPeriod,
  isNotAllowed,
  readReportPeriod,
  toPeriodErrors,
  validateReportPeriod,
  writeReportPeriod,
} from "./report-period";

describe("findDefaultPeriod", () => {
  test.each([
    ["mid-month", "2026-11-25T03:45:00Z", { from: "2025-12", to: "2026-11" }],
    ["in January, across the year", "2026-01-15T12:00:00Z", { from: "2025-02", to: "2026-01" }],
    // 23:30 UTC on 31 May is 00:30 on 1 June in London (BST): June is this month.
    ["late on the last evening of a BST month", "2026-05-31T23:30:00Z", { from: "2025-07", to: "2026-06" }],
    ["on the last day of a long month", "2026-03-31T12:00:00Z", { from: "2025-04", to: "2026-03" }],
  ])("is the 12 months ending this London month (%s)", (_case, now, expected) => {
    expect(findDefaultPeriod(new Date(now))).toEqual(expected);
  });
});

describe("readReportPeriod", () => {
  const now = new Date("2026-11-25T03:45:00Z");

  test("uses the default for months left out", () => {
    expect(readReportPeriod(new URLSearchParams(""), now)).toEqual({ from: "2025-12", to: "2026-11" });
    expect(readReportPeriod(new URLSearchParams("from=2026-01"), now)).toEqual({ from: "2026-01", to: "2026-11" });
  });

  test("keeps what the URL says, even when wrong, for the API to explain", () => {
    expect(readReportPeriod(new URLSearchParams("from=soon&to=2026-13"), now)).toEqual({
      from: "soon",
      to: "2026-13",
    });
  });

  test("writes the period back to a query string", () => {
    expect(writeReportPeriod({ from: "2026-01", to: "2026-03" }).toString()).toBe("from=2026-01&to=2026-03");
  });
});

describe("validateReportPeriod", () => {
  test("accepts a period in order", () => {
    expect(validateReportPeriod({ from: "2026-01", to: "2026-03" })).toEqual([]);
  });

  test("names each field that is not a month", () => {
    expect(validateReportPeriod({ from: "Jan 2026", to: "2026-3" })).toEqual([
      { field: "report-from", message: "Enter a month in the format YYYY-MM, for example 2026-11" },
      { field: "report-to", message: "Enter a month in the format YYYY-MM, for example 2026-11" },
    ]);
  });

  test("puts an end before the start on the end month", () => {
    expect(validateReportPeriod({ from: "2026-05", to: "2026-03" })).toEqual([
      { field: "report-to", message: "The end month must be the same as or after the start month" },
    ]);
  });

  test("refuses more than 36 months", () => {
    expect(validateReportPeriod({ from: "2023-01", to: "2025-12" })).toEqual([]);
    expect(validateReportPeriod({ from: "2023-01", to: "2026-01" })).toEqual([
      { field: "report-to", message: "A report can cover at most 36 months" },
    ]);
  });
});

describe("toPeriodErrors", () => {
  test("links the API's field messages to the form's fields", () => {
    const error = new ApiError({
      status: 400,
      code: "VALIDATION_FAILED",
      message: "Check the period",
      fields: [
        { field: "from", message: "Enter a month" },
        { field: "to", message: "The end month must be the same as or after the start month" },
      ],
    });
    expect(toPeriodErrors(error)).toEqual([
      { field: "report-from", message: "Enter a month" },
      { field: "report-to", message: "The end month must be the same as or after the start month" },
    ]);
  });

  test("says a 400 without fields without a link, and nothing for other failures", () => {
    expect(toPeriodErrors(new ApiError({ status: 400, code: "BAD_REQUEST", message: "Check the period" }))).toEqual([
      { field: "", message: "Check the period" },
    ]);
    expect(toPeriodErrors(new ApiError({ status: 500, code: "INTERNAL_ERROR", message: "Sorry" }))).toEqual([]);
    expect(toPeriodErrors(null)).toEqual([]);
  });

  test("tells a refusal for the role apart", () => {
    expect(isNotAllowed(new ApiError({ status: 403, code: "FORBIDDEN", message: "No" }))).toBe(true);
    expect(isNotAllowed(new ApiError({ status: 401, code: "UNAUTHENTICATED", message: "No" }))).toBe(false);
  });
});
