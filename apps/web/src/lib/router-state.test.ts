import { describe, expect, it } from "vitest";
import { readBackTo, readSignInState } from "./router-state";

describe("readSignInState", () => {
  it.each([
    "/staff",
    "/staff/cases/8d4f7a52-3b0e-4c59-9a55-0a2f7f1f3c11",
    "/staff?view=all&status=new",
    "/staff/audit?caseId=8d4f7a52-3b0e-4c59-9a55-0a2f7f1f3c11",
  ])("keeps a staff page to return to: %s", (returnTo) => {
    expect(readSignInState({ returnTo })).toEqual({ returnTo });
  });

  it.each([
    "https://example.com/staff",
    "//example.com/staff",
    "/staff/../refer",
    "/refer",
    "/staffing",
    "/staff?search=alex@example.com#x",
  ])("never returns somewhere else: %s", (returnTo) => {
    expect(readSignInState({ returnTo })).toEqual({});
  });

  it("reads why the person is signing in", () => {
    expect(readSignInState({ reason: "session-ended" })).toEqual({ reason: "session-ended" });
  });

  it("ignores state that is not ours", () => {
    expect(readSignInState(null)).toEqual({});
    expect(readSignInState({ reason: "because" })).toEqual({});
  });
});

describe("readBackTo", () => {
  it("returns to the queue as it was left, or to the queue when there is nothing to go on", () => {
    expect(readBackTo({ backTo: "/staff?view=all&sort=newest" })).toBe("/staff?view=all&sort=newest");
    expect(readBackTo({ backTo: "https://example.com" })).toBe("/staff");
    expect(readBackTo(undefined)).toBe("/staff");
  });
});
