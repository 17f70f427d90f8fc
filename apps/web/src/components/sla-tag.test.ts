import type { SlaClock } from "@psu/domain";
import { describe, expect, it } from "vitest";
import { describeSlaClock } from "./sla-tag";

const THIS_YEAR = new Date().getFullYear();

function clock(state: SlaClock["state"], workingDaysRemaining: number): SlaClock {
  return { kind: "triage", dueOn: `${THIS_YEAR}-12-03`, state, workingDaysRemaining };
}

describe("describeSlaClock", () => {
  it.each([
    [clock("breached", -2), "Breached: due 3 Dec"],
    [clock("due_soon", 0), "Due today"],
    [clock("due_soon", 1), "Due soon: 3 Dec"],
    [clock("on_track", 4), "On track: due 3 Dec"],
    [clock("paused", 3), "Paused"],
    [clock("met", 1), "Met: due 3 Dec"],
  ])("words the state so it reads without its colour (%#)", (input, words) => {
    expect(describeSlaClock(input)).toBe(words);
  });
});
