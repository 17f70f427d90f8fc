import { describe, expect, it } from "vitest";
import { ApiError, type ApiErrorCode } from "../../../lib/api-client";
import { classifyCaseChangeError } from "./case-change-errors";

function apiError(
  status: number,
  code: ApiErrorCode,
  message: string,
  fields: { field: string; message: string }[] = [],
) {
  return new ApiError({ status, code, message, fields });
}

describe("classifyCaseChangeError", () => {
  it("turns a stale version (412) into the page's conflict, with the API's account of what changed", () => {
    const error = apiError(412, "PRECONDITION_FAILED", "Casey Coordinator changed this case at 10:42: note added.");
    expect(classifyCaseChangeError(error)).toEqual({
      kind: "conflict",
      message: "Casey Coordinator changed this case at 10:42: note added.",
    });
  });

  it("puts a 400's fields next to their inputs, and fields the form does not show at its top", () => {
    const error = apiError(400, "VALIDATION_FAILED", "Check", [
      { field: "reason", message: "Give a reason" },
      { field: "body", message: "Something else" },
    ]);
    expect(classifyCaseChangeError(error, { reason: "status-reason" })).toEqual({
      kind: "form",
      errors: [
        { field: "status-reason", message: "Give a reason" },
        { field: "", message: "Something else" },
      ],
    });
  });

  it.each([
    [
      apiError(409, "CONFLICT", "This case is already allocated to Sam Spoc."),
      "This case is already allocated to Sam Spoc.",
    ],
    [apiError(403, "FORBIDDEN", "Your role does not allow this."), "Your role does not allow this change."],
    [apiError(0, "NETWORK_ERROR", "x"), "The service could not be reached. Check your connection."],
    [apiError(500, "INTERNAL_ERROR", "x"), "Sorry, there is a problem with the service. Try again later."],
    [new Error("boom"), "Sorry, something went wrong. Try again."],
  ])("says other failures at the top of the form (%#)", (error, message) => {
    expect(classifyCaseChangeError(error)).toEqual({ kind: "form", errors: [{ field: "", message }] });
  });
});
