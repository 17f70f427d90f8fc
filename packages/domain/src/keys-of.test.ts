import { describe, expect, it } from "vitest";
import { keysOf } from "./keys-of";

describe("keysOf", () => {
  it("keeps the order the choices are written in", () => {
    expect(keysOf({ zeta: "Z", alpha: "A", mid_way: "M" })).toEqual(["zeta", "alpha", "mid_way"]);
  });

  it("refuses an empty record and whole-number keys, whose order JavaScript would change", () => {
    expect(() => keysOf({})).toThrow(RangeError);
    expect(() => keysOf({ "8a": "x", "4": "y" })).toThrow(RangeError);
  });
});
