import { describe, expect, it } from "vitest";
import { NewPasswordSchema, PASSWORD_MESSAGES, passwordContainsEmail } from "./password-policy";

function problemWith(password: unknown): string | null {
  const parsed = NewPasswordSchema.safeParse(password);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? "unknown");
}

describe("the length rule of a new password", () => {
  it.each([
    ["", PASSWORD_MESSAGES.missing],
    ["eleven char", PASSWORD_MESSAGES.tooShort],
    ["twelve chars", null],
    ["x".repeat(256), null],
    ["x".repeat(257), PASSWORD_MESSAGES.tooLong],
    // No composition rules: lower case letters and spaces alone are fine.
    ["plum kettle orbit", null],
    [undefined, PASSWORD_MESSAGES.missing],
  ])("%j: %s", (password, expected) => {
    expect(problemWith(password)).toBe(expected);
  });
});

describe("a password holding the email address", () => {
  it.each([
    ["Sam.Spoc-rota-2026", "sam.spoc@nhs.net", true],
    ["my SPOC password", "sam.spoc@nhs.net", true],
    ["sam likes plums", "sam.spoc@nhs.net", false],
    ["alexandra-garden-path", "alexandra@nhs.net", true],
    ["quiet harbour lantern", "alexandra@nhs.net", false],
    ["al is fine here really", "al@nhs.net", false],
  ])("%s with %s: %s", (password, email, expected) => {
    expect(passwordContainsEmail(password, email)).toBe(expected);
  });
});
