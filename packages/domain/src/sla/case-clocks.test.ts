import { describe, expect, it } from "vitest";
import { type CaseClockFacts, collectPauses, computeRunningClock, findRunningClockKind } from "./case-clocks";

const NOW = new Date("2026-11-24T09:00:00Z"); // a Tuesday
const BASE: CaseClockFacts = {
  status: "new",
  openedAt: new Date("2026-11-23T10:00:00Z"),
  allocatedAt: null,
  triagedAt: null,
  firstContactAt: null,
  closedAt: null,
  resumeTo: null,
  pausedSince: null,
  pauses: [],
};

describe("findRunningClockKind", () => {
  it.each([
    ["new", null, "triage"],
    ["triage", null, "triage"],
    ["information_requested", "triage", "triage"],
    ["information_requested", "allocated", "first_contact"],
    ["information_requested", "first_contact", "first_contact"],
    ["allocated", null, "first_contact"],
    ["first_contact", null, "first_contact"],
    ["in_support", null, null],
    ["closed", null, null],
    ["withdrawn", null, null],
  ] as const)("a case in %s (paused from %s) is on the %s clock", (status, resumeTo, expected) => {
    expect(findRunningClockKind({ status, resumeTo })).toBe(expected);
  });
});

describe("computeRunningClock", () => {
  it("runs the triage clock from the referral until triage starts", () => {
    expect(computeRunningClock(BASE, NOW)).toMatchObject({ kind: "triage", dueOn: "2026-11-25", state: "due_soon" });
    const triaged = { ...BASE, status: "triage" as const, triagedAt: new Date("2026-11-23T11:00:00Z") };
    expect(computeRunningClock(triaged, NOW)).toMatchObject({ kind: "triage", state: "met" });
  });

  it("runs the first-contact clock from allocation, paused while information is requested", () => {
    const allocated = {
      ...BASE,
      status: "information_requested" as const,
      resumeTo: "allocated",
      allocatedAt: new Date("2026-11-20T10:00:00Z"),
      pausedSince: new Date("2026-11-23T10:00:00Z"),
    };
    expect(computeRunningClock(allocated, NOW)).toMatchObject({ kind: "first_contact", state: "paused" });
  });

  it("shows no clock once the case is in support", () => {
    expect(computeRunningClock({ ...BASE, status: "in_support" }, NOW)).toBeNull();
  });
});

describe("collectPauses", () => {
  it("adds the open pause to the closed ones", () => {
    const closed = { from: "2026-11-02T10:00:00.000Z", to: "2026-11-03T10:00:00.000Z" };
    const since = new Date("2026-11-20T10:00:00Z");
    expect(collectPauses({ pauses: [closed], pausedSince: since })).toEqual([closed, { from: since, to: null }]);
  });

  it("refuses stored pauses that are not pauses", () => {
    expect(() => collectPauses({ pauses: [{ from: "yesterday" }], pausedSince: null })).toThrow();
  });
});
