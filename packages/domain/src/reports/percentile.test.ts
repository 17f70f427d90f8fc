import { describe, expect, it } from "vitest";
import { percentileCont, percentileContOfCounts } from "./percentile";

describe("percentileCont", () => {
  it("is null for no values", () => {
    expect(percentileCont([], 0.5)).toBeNull();
  });
  it("interpolates like PERCENTILE.INC", () => {
    // ranks: p*(n-1); [1,2,3,4] median rank 1.5 -> 2.5; p90 rank 2.7 -> 3 + 0.7 = 3.7
    expect(percentileCont([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentileCont([4, 1, 3, 2], 0.9)).toBe(3.7);
    expect(percentileCont([7], 0.9)).toBe(7);
    // [0,10,20]: p90 rank 1.8 -> 10 + 8 = 18
    expect(percentileCont([20, 0, 10], 0.9)).toBe(18);
  });
  it("rounds to one decimal place", () => {
    // [1,2]: p90 rank 0.9 -> 1.9; [1,1,2]: p90 rank 1.8 -> 1.8; [0,1] p=1/3 -> 0.333.. -> 0.3
    expect(percentileCont([1, 2], 0.9)).toBe(1.9);
    expect(percentileCont([0, 1], 1 / 3)).toBe(0.3);
  });
});

describe("percentileContOfCounts", () => {
  it("gives what percentileCont gives on the list written out", () => {
    const counts: [number, number][] = [
      [3, 4],
      [0, 2],
      [7, 1],
      [1, 0],
      [2, 5],
    ];
    const list = counts.flatMap(([value, count]) => Array<number>(count).fill(value));
    for (const p of [0, 0.1, 0.25, 0.5, 0.9, 0.99, 1]) {
      expect(percentileContOfCounts(counts, p)).toBe(percentileCont(list, p));
    }
    expect(percentileContOfCounts([], 0.5)).toBeNull();
    expect(percentileContOfCounts([[4, 0]], 0.5)).toBeNull();
  });
});
