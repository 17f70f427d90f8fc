import { describe, expect, it } from "vitest";
import { findDatabaseInputErrorCode } from "./database-input-error";

function withCode(code: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error("quoted value"), { code, ...extra });
}

describe("findDatabaseInputErrorCode", () => {
  it.each([
    ["a pg error in class 22", withCode("22021"), "22021"],
    [
      "Prisma's error with the SQLSTATE under its driver adapter error",
      withCode("P2010", {
        meta: { driverAdapterError: { cause: { originalCode: "22P02", kind: "InvalidInputValue" } } },
      }),
      "22P02",
    ],
    ["Prisma's own code for a value too long for its column", withCode("P2000"), "P2000"],
    ["an error caused by a data exception", Object.assign(new Error("wrapped"), { cause: withCode("22008") }), "22008"],
  ])("finds %s", (_name, error, code) => {
    expect(findDatabaseInputErrorCode(error)).toBe(code);
  });

  it.each([
    ["a unique violation", withCode("23505")],
    [
      "a missing column (our own mistake)",
      withCode("P2010", { meta: { driverAdapterError: { cause: { originalCode: "42703" } } } }),
    ],
    ["a Fastify error", withCode("FST_ERR_CTP_INVALID_JSON_BODY")],
    ["a lost connection", withCode("ECONNRESET")],
    ["not an error at all", "22021"],
    ["nothing", undefined],
  ])("ignores %s", (_name, error) => {
    expect(findDatabaseInputErrorCode(error)).toBeNull();
  });
});
