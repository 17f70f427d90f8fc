import { describe, expect, it } from "vitest";
import { ApiError } from "../../../lib/api-client";
import { describeVerdictFailure } from "./use-verdict";

describe("describeVerdictFailure", () => {
  it("puts the API's problem with this question next to it", () => {
    const error = new ApiError({
      status: 400,
      code: "VALIDATION_FAILED",
      message: "Check",
      fields: [{ field: "band", message: "Choose a band" }],
    });
    expect(describeVerdictFailure(error, "band")).toEqual({ field: "band", message: "Choose a band" });
  });

  it("asks someone who tried too often to wait", () => {
    const error = new ApiError({ status: 429, code: "TOO_MANY_REQUESTS", message: "Slow down" });
    expect(describeVerdictFailure(error, "band")).toEqual({
      field: "",
      message: "Too many attempts. Wait 15 minutes then try again.",
    });
  });

  it.each([
    new ApiError({ status: 0, code: "NETWORK_ERROR", message: "x" }),
    new ApiError({ status: 400, code: "VALIDATION_FAILED", message: "x", fields: [{ field: "region", message: "y" }] }),
    new Error("boom"),
  ])("says anything else was a failure to check (%#)", (error) => {
    expect(describeVerdictFailure(error, "band")).toEqual({
      field: "",
      message: "Sorry, we could not check your answers. Try again.",
    });
  });
});
