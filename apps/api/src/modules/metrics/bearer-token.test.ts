import { describe, expect, it } from "vitest";
import { createBearerTokenCheck } from "./bearer-token";

const TOKEN = "0123456789abcdef0123456789abcdef";
const check = createBearerTokenCheck(TOKEN);

describe("createBearerTokenCheck", () => {
  it.each([
    [`Bearer ${TOKEN}`, true],
    [`bearer ${TOKEN}`, true],
    [`Bearer  ${TOKEN} `, true],
    [undefined, false],
    ["", false],
    ["Bearer", false],
    ["Bearer ", false],
    [TOKEN, false],
    [`Basic ${TOKEN}`, false],
    [`Bearer ${TOKEN.slice(0, -1)}`, false],
    [`Bearer ${TOKEN}0`, false],
    [`Bearer ${TOKEN.toUpperCase()}`, false],
    [`Bearer ${TOKEN} ${TOKEN}`, false],
  ])("%s -> %s", (header, expected) => {
    expect(check(header)).toBe(expected);
  });
});
