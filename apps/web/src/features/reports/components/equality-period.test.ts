import { describe, expect, test } from "vitest";
import { ApiError } from "../../../lib/api-client";
import { EQUALITY_QUARTERS_OFFERED, listOfferedQuarters, readEqualityPeriod, toQuarterErrors } from "./equality-period";

describe("listOfferedQuarters", () => {
  test("offers the ended quarters, newest first, never the one under way", () => {
    const quarters = listOfferedQuarters(new Date("2026-11-25T03:45:00Z"));
    expect(quarters).toHaveLength(EQUALITY_QUARTERS_OFFERED);
    expect(quarters.slice(0, 2)).toEqual([
      { from: "2026-07", to: "2026-09" },
      { from: "2026-04", to: "2026-06" },
    ]);
  });

  test("counts the month in London: 00:30 on 1 October (BST) is the new quarter", () => {
    expect(listOfferedQuarters(new Date("2026-09-30T23:30:00Z"))[0]).toEqual({ from: "2026-07", to: "2026-09" });
    expect(listOfferedQuarters(new Date("2026-09-30T22:30:00Z"))[0]).toEqual({ from: "2026-04", to: "2026-06" });
  });
});

describe("readEqualityPeriod", () => {
  const now = new Date("2026-11-25T03:45:00Z");

  test("is the latest ended quarter when the URL names none", () => {
    expect(readEqualityPeriod(new URLSearchParams(""), now)).toEqual({ from: "2026-07", to: "2026-09" });
    expect(readEqualityPeriod(new URLSearchParams("from=2026-01"), now)).toEqual({ from: "2026-07", to: "2026-09" });
  });

  test("keeps the URL's period as it is, for the API to check", () => {
    expect(readEqualityPeriod(new URLSearchParams("from=2026-09&to=2026-11"), now)).toEqual({
      from: "2026-09",
      to: "2026-11",
    });
  });
});

describe("toQuarterErrors", () => {
  test("puts the API's period messages on the quarter choice", () => {
    const error = new ApiError({
      status: 400,
      code: "VALIDATION_FAILED",
      message: "Choose a calendar quarter that has ended",
      fields: [{ field: "to", message: "Equality figures for a quarter are shown once it has ended" }],
    });
    expect(toQuarterErrors(error)).toEqual([
      { field: "equality-quarter", message: "Equality figures for a quarter are shown once it has ended" },
    ]);
  });

  test("is empty for any other failure", () => {
    expect(toQuarterErrors(new ApiError({ status: 403, code: "FORBIDDEN", message: "No", fields: [] }))).toEqual([]);
    expect(toQuarterErrors(undefined)).toEqual([]);
  });
});
