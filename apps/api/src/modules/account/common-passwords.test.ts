import { describe, expect, it } from "vitest";
import { isCommonPassword } from "./common-passwords";

describe("the list of common and breached passwords", () => {
  it.each([
    ["qwerty123456", true],
    ["QWERTY123456", true],
    ["1qaz2wsx3edc", true],
    ["liverpool2024!", true],
    ["P@ssw0rd123456", true],
    ["Sunshine!!!!!!!", true],
    ["harbour lantern 42", false],
    ["plum kettle orbit", false],
    ["correct-horse-battery-x9", false],
    ["a!938475610284", false],
  ])("%s: %s", (password, expected) => {
    expect(isCommonPassword(password)).toBe(expected);
  });

  it("answers quickly however often it is asked (one Set, built once)", () => {
    isCommonPassword("warm up the list");
    const started = performance.now();
    for (let index = 0; index < 10_000; index++) isCommonPassword(`plum kettle orbit ${index}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
