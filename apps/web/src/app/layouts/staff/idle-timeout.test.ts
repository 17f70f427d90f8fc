import { describe, expect, it } from "vitest";
import {
  describeTimeLeft,
  describeTimeLeftForAnnouncement,
  findIdleState,
  IDLE_SIGN_OUT_AFTER_MS,
  IDLE_WARNING_BEFORE_MS,
} from "./idle-timeout";

const MINUTE = 60_000;

describe("the idle clock", () => {
  it("signs out a minute before the server's 30 minutes, for its once-a-minute touch", () => {
    expect(IDLE_SIGN_OUT_AFTER_MS).toBe(29 * MINUTE);
    expect(IDLE_WARNING_BEFORE_MS).toBe(2 * MINUTE);
  });

  it.each([
    [0, { phase: "active" }],
    [27 * MINUTE - 1, { phase: "active" }],
    [27 * MINUTE, { phase: "warning", msLeft: 2 * MINUTE }],
    [28 * MINUTE + 30_000, { phase: "warning", msLeft: 30_000 }],
    [29 * MINUTE - 1, { phase: "warning", msLeft: 1 }],
    [29 * MINUTE, { phase: "timed-out" }],
    [3 * 60 * MINUTE, { phase: "timed-out" }],
  ])("%d ms after the last request: %o", (elapsed, expected) => {
    expect(findIdleState(1_000_000, 1_000_000 + elapsed)).toEqual(expected);
  });
});

describe("the time left in words", () => {
  it.each([
    [120_000, "2 minutes"],
    [119_001, "2 minutes"],
    [119_000, "1 minute 59 seconds"],
    [61_000, "1 minute 1 second"],
    [60_000, "1 minute"],
    [45_000, "45 seconds"],
    [1_000, "1 second"],
    [0, "0 seconds"],
  ])("%d ms: %s", (msLeft, words) => {
    expect(describeTimeLeft(msLeft)).toBe(words);
  });

  it("announces whole minutes, then every 15 seconds, so the words change a few times only", () => {
    const spoken = new Set<string>();
    for (let msLeft = 120_000; msLeft > 0; msLeft -= 1000) spoken.add(describeTimeLeftForAnnouncement(msLeft));
    expect([...spoken]).toEqual(["2 minutes", "1 minute", "45 seconds", "30 seconds", "15 seconds"]);
  });
});
