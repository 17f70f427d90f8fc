import { createHash } from "node:crypto";
import { createPrismaClient, createTestDatabase, type PrismaClient, type TestDatabase } from "@psu/prisma";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createKeyedHash } from "../../security/server-secret";
import {
  consumeRateLimit,
  deleteStaleRateLimitCounters,
  enforceRateLimits,
  RATE_LIMIT_MAX_WINDOW_MS,
  RateLimitedError,
  toRateLimitKey,
} from "./rate-limit.service";

const keyedHash = createKeyedHash("a test secret of at least thirty-two characters");

// The limiter needs only the database, not the app.
let database: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  database = await createTestDatabase(inject("postgres"));
  prisma = createPrismaClient(database.url, { max: 12 });
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

const T0 = new Date("2026-06-01T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

describe("consumeRateLimit", () => {
  it("allows up to the limit in a window, then refuses with the seconds left", async () => {
    const limit = { key: toRateLimitKey(keyedHash, "test", "window"), limit: 3, windowMs: 15 * MINUTE };
    const decisions = [];
    for (let hit = 0; hit < 4; hit++) decisions.push(await consumeRateLimit(prisma, { ...limit, now: at(hit * 1000) }));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    expect(decisions[0]?.retryAfterSeconds).toBe(0);
    // The window began at T0 and lasts 15 minutes; the 4th hit came 3 s in.
    expect(decisions[3]?.retryAfterSeconds).toBe(15 * 60 - 3);
  });

  it("starts a new window once the old one is over", async () => {
    const limit = { key: toRateLimitKey(keyedHash, "test", "renew"), limit: 1, windowMs: MINUTE };
    expect((await consumeRateLimit(prisma, { ...limit, now: T0 })).allowed).toBe(true);
    expect((await consumeRateLimit(prisma, { ...limit, now: at(MINUTE - 1) })).allowed).toBe(false);
    expect((await consumeRateLimit(prisma, { ...limit, now: at(MINUTE) })).allowed).toBe(true);
    expect((await consumeRateLimit(prisma, { ...limit, now: at(MINUTE + 1) })).allowed).toBe(false);
  });

  it("counts parallel hits exactly: 20 at once against a limit of 5 allow exactly 5", async () => {
    const limit = { key: toRateLimitKey(keyedHash, "test", "parallel"), limit: 5, windowMs: MINUTE };
    const decisions = await Promise.all(
      Array.from({ length: 20 }, () => consumeRateLimit(prisma, { ...limit, now: T0 })),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
    const row = await prisma.rateLimitCounter.findUniqueOrThrow({ where: { key: limit.key }, select: { count: true } });
    expect(row.count).toBe(20);
  });

  it("keeps each key's count apart", async () => {
    const first = { key: toRateLimitKey(keyedHash, "test", "198.51.100.1"), limit: 1, windowMs: MINUTE };
    const second = { key: toRateLimitKey(keyedHash, "test", "198.51.100.2"), limit: 1, windowMs: MINUTE };
    expect((await consumeRateLimit(prisma, { ...first, now: T0 })).allowed).toBe(true);
    expect((await consumeRateLimit(prisma, { ...second, now: T0 })).allowed).toBe(true);
    expect((await consumeRateLimit(prisma, { ...first, now: T0 })).allowed).toBe(false);
  });

  it("refuses a window longer than the clean-up keeps counters", async () => {
    const limit = { key: toRateLimitKey(keyedHash, "test", "long"), limit: 1, windowMs: RATE_LIMIT_MAX_WINDOW_MS + 1 };
    await expect(consumeRateLimit(prisma, { ...limit, now: T0 })).rejects.toThrow(RangeError);
  });
});

describe("enforceRateLimits: several limits in one statement", () => {
  const countOf = async (key: string) =>
    (await prisma.rateLimitCounter.findUniqueOrThrow({ where: { key }, select: { count: true } })).count;

  it("counts a hit against every limit, each in its own window, and refuses with the longest wait", async () => {
    const perAddress = { key: toRateLimitKey(keyedHash, "multi", "address"), limit: 2, windowMs: MINUTE };
    const overall = { key: toRateLimitKey(keyedHash, "multi", "everyone"), limit: 3, windowMs: 60 * MINUTE };
    // Given in either order, each key gets its own limit and window.
    await enforceRateLimits(prisma, [perAddress, overall], T0, "refused");
    await enforceRateLimits(prisma, [overall, perAddress], at(1000), "refused");
    const refused = await enforceRateLimits(prisma, [perAddress, overall], at(2000), (wait) => `wait ${wait}`).catch(
      (error: unknown) => error,
    );
    // The per-address limit is over (3 > 2) with 58 s left; the overall one is at its limit (3).
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).message).toBe("wait 58");
    expect([await countOf(perAddress.key), await countOf(overall.key)]).toEqual([3, 3]);

    // A minute on, the per-address window starts again; the hour-long one carries on (4 > 3).
    const later = await enforceRateLimits(prisma, [perAddress, overall], at(MINUTE), (wait) => `wait ${wait}`).catch(
      (error: unknown) => error,
    );
    expect((later as RateLimitedError).message).toBe(`wait ${60 * 60 - 60}`);
    expect([await countOf(perAddress.key), await countOf(overall.key)]).toEqual([1, 4]);
  });

  it("counts parallel requests exactly on every key, with no deadlock whatever order they name the keys in", async () => {
    const first = { key: toRateLimitKey(keyedHash, "multi", "first"), limit: 5, windowMs: MINUTE };
    const second = { key: toRateLimitKey(keyedHash, "multi", "second"), limit: 100, windowMs: MINUTE };
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        prisma.$transaction((tx) =>
          enforceRateLimits(tx, index % 2 ? [first, second] : [second, first], T0, "refused").then(
            () => "allowed",
            (error: unknown) => (error instanceof RateLimitedError ? "refused" : error),
          ),
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === "allowed")).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome === "refused")).toHaveLength(15);
    expect([await countOf(first.key), await countOf(second.key)]).toEqual([20, 20]);
  });

  it("counts nothing when the transaction it ran in is rolled back", async () => {
    const limit = { key: toRateLimitKey(keyedHash, "multi", "rolled-back"), limit: 5, windowMs: MINUTE };
    await enforceRateLimits(prisma, [limit], T0, "refused");
    await expect(
      prisma.$transaction(async (tx) => {
        await enforceRateLimits(tx, [limit], T0, "refused");
        throw new Error("the referral failed");
      }),
    ).rejects.toThrow("the referral failed");
    expect(await countOf(limit.key)).toBe(1);
  });
});

describe("toRateLimitKey", () => {
  it("keeps the subject out of the key and tells scopes apart", () => {
    const key = toRateLimitKey(keyedHash, "status-lookup:ip", "203.0.113.7");
    expect(key).toMatch(/^status-lookup:ip:[0-9a-f]{32}$/);
    expect(key).not.toContain("203.0.113.7");
    expect(toRateLimitKey(keyedHash, "other", "203.0.113.7").split(":").at(-1)).not.toBe(key.split(":").at(-1));
  });

  it("is keyed: without the server secret, hashing every candidate address does not find the key", () => {
    const key = toRateLimitKey(keyedHash, "status-lookup:ip", "203.0.113.7");
    const digest = key.split(":").at(-1);
    // What the key used to be (unkeyed SHA-256 of scope and subject), and the plain hash of the subject.
    expect(digest).not.toBe(
      createHash("sha256").update("status-lookup:ip\u0000203.0.113.7").digest("hex").slice(0, 32),
    );
    expect(digest).not.toBe(createHash("sha256").update("203.0.113.7").digest("hex").slice(0, 32));
    // Another secret gives another key.
    const otherSecret = createKeyedHash("another secret, also thirty-two characters long");
    expect(toRateLimitKey(otherSecret, "status-lookup:ip", "203.0.113.7")).not.toBe(key);
  });
});

describe("deleteStaleRateLimitCounters", () => {
  it("deletes counters older than the longest window and keeps the rest", async () => {
    const cleanupNow = new Date("2030-01-01T00:00:00Z");
    const stale = toRateLimitKey(keyedHash, "cleanup", "stale");
    const fresh = toRateLimitKey(keyedHash, "cleanup", "fresh");
    await consumeRateLimit(prisma, {
      key: stale,
      limit: 1,
      windowMs: MINUTE,
      now: new Date(cleanupNow.getTime() - RATE_LIMIT_MAX_WINDOW_MS - 1),
    });
    await consumeRateLimit(prisma, { key: fresh, limit: 1, windowMs: MINUTE, now: new Date(cleanupNow.getTime() - 1) });
    expect(await deleteStaleRateLimitCounters(prisma, cleanupNow)).toBeGreaterThanOrEqual(1);
    const keys = (await prisma.rateLimitCounter.findMany({ select: { key: true } })).map((row) => row.key);
    expect(keys).not.toContain(stale);
    expect(keys).toContain(fresh);
  });
});
