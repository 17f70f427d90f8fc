import type { StaffProfile } from "@psu/domain";
import { describe, expect, it } from "vitest";
import { changingStaffAccess, forgetCachedSessions, SESSION_CACHE_MS, SessionCache } from "./session-cache";

const CASEY: StaffProfile = {
  id: "0b5d3c8e-4f7a-4e34-9f6c-2b1a9d8e7f60",
  name: "Casey",
  email: "c@x.example",
  role: "coordinator",
};
const AT = new Date("2026-11-24T09:00:00Z");
const later = (ms: number) => new Date(AT.getTime() + ms);

/** A look-up that counts its calls and answers `answer`. */
function counting(answer: StaffProfile | null = CASEY) {
  const lookUp = async () => {
    lookUp.calls++;
    return answer;
  };
  lookUp.calls = 0;
  return lookUp;
}

describe("SessionCache", () => {
  it("looks a session up once in two seconds of the app's clock, then again", async () => {
    const cache = new SessionCache();
    const lookUp = counting();
    expect(await cache.resolve("a", AT, lookUp)).toEqual(CASEY);
    expect(await cache.resolve("a", later(SESSION_CACHE_MS - 1), lookUp)).toEqual(CASEY);
    expect(lookUp.calls).toBe(1);
    await cache.resolve("a", later(SESSION_CACHE_MS), lookUp);
    expect(lookUp.calls).toBe(2);
  });

  it("looks up again when the app's clock goes back, and keeps each token apart", async () => {
    const cache = new SessionCache();
    const lookUp = counting();
    await cache.resolve("a", AT, lookUp);
    await cache.resolve("a", later(-1), lookUp);
    await cache.resolve("b", later(-1), lookUp);
    expect(lookUp.calls).toBe(3);
  });

  it("shares one look-up among requests that arrive together", async () => {
    const cache = new SessionCache();
    const lookUp = counting();
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => cache.resolve("a", AT, lookUp)));
    expect(answers).toEqual(Array(5).fill(CASEY));
    expect(lookUp.calls).toBe(1);
  });

  it("never keeps a refusal: an unknown or ended session is looked up every time", async () => {
    const cache = new SessionCache();
    const lookUp = counting(null);
    expect(await cache.resolve("a", AT, lookUp)).toBeNull();
    expect(await cache.resolve("a", AT, lookUp)).toBeNull();
    expect(lookUp.calls).toBe(2);
  });

  it("forgets everything after a write that changes staff access, whether it committed or failed", async () => {
    const cache = new SessionCache();
    const lookUp = counting();
    await cache.resolve("a", AT, lookUp);
    await changingStaffAccess(Promise.resolve(1));
    await cache.resolve("a", AT, lookUp);
    expect(lookUp.calls).toBe(2);
    await expect(changingStaffAccess(Promise.reject(new Error("rolled back")))).rejects.toThrow("rolled back");
    await cache.resolve("a", AT, lookUp);
    expect(lookUp.calls).toBe(3);
  });

  it("does not keep, or share, a look-up that was under way when access changed", async () => {
    const cache = new SessionCache();
    let release: (value: StaffProfile) => void = () => {};
    const slow = () => new Promise<StaffProfile>((resolve) => (release = resolve));
    const first = cache.resolve("a", AT, slow);
    forgetCachedSessions();
    // Arrives after the change: must not be given the answer from before it.
    const lookUp = counting();
    const second = cache.resolve("a", AT, lookUp);
    release(CASEY);
    await Promise.all([first, second]);
    expect(lookUp.calls).toBe(1);
    await cache.resolve("a", AT, lookUp);
    expect(lookUp.calls).toBe(1);
  });

  it("holds at most 1,000 sessions, dropping the oldest", async () => {
    const cache = new SessionCache();
    const lookUp = counting();
    for (let index = 0; index <= 1_000; index++) await cache.resolve(`t${index}`, AT, lookUp);
    expect(lookUp.calls).toBe(1_001);
    await cache.resolve("t1000", AT, lookUp);
    expect(lookUp.calls).toBe(1_001);
    await cache.resolve("t0", AT, lookUp);
    expect(lookUp.calls).toBe(1_002);
  });
});
