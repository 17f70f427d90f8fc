import { describe, expect, it } from "vitest";
import {
  AuthenticatorCodeSchema,
  formatAuthenticatorKey,
  formatRecoveryCode,
  RecoveryCodeSchema,
  SecondFactorRequestSchema,
} from "./sign-in-api";

describe("second-factor codes as typed", () => {
  it.each([
    ["123456", "123456"],
    [" 123 456 ", "123456"],
    ["123-456", "123456"],
  ])("reads the authenticator code %j as %s", (typed, code) => {
    expect(AuthenticatorCodeSchema.parse(typed)).toBe(code);
  });

  it.each(["12345", "1234567", "12345a", "", "１２３４５６"])("refuses %j as an authenticator code", (typed) => {
    expect(AuthenticatorCodeSchema.safeParse(typed).success).toBe(false);
  });

  it("reads a recovery code in any case and spacing, and refuses look-alike letters", () => {
    expect(RecoveryCodeSchema.parse("abcde-23456")).toBe("ABCDE23456");
    expect(RecoveryCodeSchema.parse(" ABCDE 23456 ")).toBe("ABCDE23456");
    expect(RecoveryCodeSchema.safeParse("ABCDE-2345O").success).toBe(false);
    expect(RecoveryCodeSchema.safeParse("ABCDE-1234").success).toBe(false);
  });

  it("takes either kind in the second step's one field, naming it when neither", () => {
    expect(SecondFactorRequestSchema.parse({ code: "123 456" })).toEqual({ code: "123456" });
    expect(SecondFactorRequestSchema.parse({ code: "abcde-23456" })).toEqual({ code: "ABCDE23456" });
    const refused = SecondFactorRequestSchema.safeParse({ code: "hello" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(["code"]);
  });

  it("formats keys in groups of four and recovery codes as XXXXX-XXXXX", () => {
    expect(formatAuthenticatorKey("ABCDEFGHIJKLMNOP")).toBe("ABCD EFGH IJKL MNOP");
    expect(formatRecoveryCode("ABCDE23456")).toBe("ABCDE-23456");
  });
});
