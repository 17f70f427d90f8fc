import { describe, expect, it } from "vitest";
import { suppressQuestion } from "./suppression";

const shown = (cells: { count: number | null }[]) => cells.map((c) => c.count);

describe("suppressQuestion", () => {
  it("suppresses 0 and 4, keeps 5", () => {
    const r = suppressQuestion([0, 4, 5, 9], false);
    expect(shown(r.cells)).toEqual([null, null, 5, 9]);
  });
  it("adds secondary suppression when exactly one cell is suppressed and a total is shown", () => {
    const r = suppressQuestion([3, 6, 5, 9], true);
    expect(shown(r.cells)).toEqual([null, 6, null, 9]);
    expect(r.total.count).toBe(23);
  });
  it("needs no secondary suppression when two cells are already suppressed", () => {
    expect(shown(suppressQuestion([3, 2, 5, 9], true).cells)).toEqual([null, null, 5, 9]);
  });
  it("hides one more when the hidden cells add up to 0, so they cannot all be known to be 0", () => {
    // Everyone gave the same answer: showing 12 of 12 would tell every other answer was 0.
    const r = suppressQuestion([0, 12, 0, 0], true);
    expect(shown(r.cells)).toEqual([null, null, null, null]);
    expect(r.total.count).toBe(12);
    expect(shown(suppressQuestion([0, 0, 7, 9], true).cells)).toEqual([null, null, null, 9]);
  });
  it("needs nothing more when the hidden cells add up to more than 0", () => {
    expect(shown(suppressQuestion([0, 1, 7, 9], true).cells)).toEqual([null, null, 7, 9]);
  });
  it("suppresses everything when the total is under 5", () => {
    const r = suppressQuestion([1, 3], true);
    expect(shown(r.cells)).toEqual([null, null]);
    expect(r.total.suppressed).toBe(true);
  });
});
