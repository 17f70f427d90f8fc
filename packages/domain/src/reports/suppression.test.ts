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
  it("suppresses everything when the total is under 5", () => {
    const r = suppressQuestion([1, 3], true);
    expect(shown(r.cells)).toEqual([null, null]);
    expect(r.total.suppressed).toBe(true);
  });
});
