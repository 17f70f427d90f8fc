import type { PrismaClient } from "@psu/prisma";
import { AppError } from "../../errors/app-error";
import type { KeyedHash } from "../../security/server-secret";
import type { AnonymousLimit } from "./anonymous-limits";
import {
  type Database,
  deleteRateLimitCountersStartedBefore,
  findRateLimitCount,
  incrementRateLimitCounters,
} from "./rate-limit.repository";

/** The longest window any limit may use; counters older than this are stale and can go. */
export const RATE_LIMIT_MAX_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface RateLimit {
  /** Stable and free of personal data in clear: build it with `toRateLimitKey`. */
  key: string;
  /** Most hits allowed in one window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the window ends (at least 1) when refused; 0 when allowed. */
  retryAfterSeconds: number;
}

/**
 * Builds a counter key such as `status-lookup:ip:3f9a...`. The subject (an IP address, an
 * email, a reference) goes through the server's keyed hash (`app.keyedHash`), so the table
 * never holds it in clear and a copy of it cannot be reversed by trying every IPv4 address.
 */
export function toRateLimitKey(keyedHash: KeyedHash, scope: string, subject: string): string {
  return `${scope}:${keyedHash(`rate-limit:${scope}`, subject).slice(0, 32)}`;
}

/** A rule (anonymous-limits.ts) applied to one subject: an IP address, a reference, or EVERYONE. */
export function toRateLimit(keyedHash: KeyedHash, rule: AnonymousLimit, subject: string): RateLimit {
  return { key: toRateLimitKey(keyedHash, rule.scope, subject), limit: rule.limit, windowMs: rule.windowMs };
}

/**
 * Counts one hit against a fixed-window limit held in PostgreSQL, shared by every API instance.
 * Inside a transaction the hit counts only if the transaction commits.
 */
export async function consumeRateLimit(prisma: Database, input: RateLimit & { now: Date }): Promise<RateLimitDecision> {
  const [decision] = await consumeRateLimits(prisma, [input], input.now);
  if (!decision) throw new Error("no decision for the limit");
  return decision;
}

/** Counts one hit against each limit in one statement; a decision per limit, in their order. */
async function consumeRateLimits(
  prisma: Database,
  limits: readonly RateLimit[],
  now: Date,
): Promise<RateLimitDecision[]> {
  for (const { windowMs } of limits) {
    if (!(windowMs > 0 && windowMs <= RATE_LIMIT_MAX_WINDOW_MS)) {
      throw new RangeError(`windowMs must be between 1 and ${RATE_LIMIT_MAX_WINDOW_MS}, not ${windowMs}`);
    }
  }
  const counters = await incrementRateLimitCounters(prisma, {
    hits: limits.map(({ key, windowMs }) => ({ key, expiredBefore: new Date(now.getTime() - windowMs) })),
    now,
  });
  return limits.map(({ key, limit, windowMs }) => {
    const counter = counters.get(key);
    if (!counter) throw new Error("no count for a rate limit key");
    if (counter.count <= limit) return { allowed: true, retryAfterSeconds: 0 };
    const msLeft = counter.windowStart.getTime() + windowMs - now.getTime();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
  });
}

/** A refused request: the error handler answers 429 with a Retry-After header. */
export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super("TOO_MANY_REQUESTS", message, undefined, retryAfterSeconds);
    this.name = "RateLimitedError";
  }
}

/**
 * Counts one hit against every limit (all of them, so each counter stays honest) and throws
 * RateLimitedError when any is exceeded, with the longest wait among those refused (the message
 * may be written from that wait). In a transaction, a refusal rolls the counting back too.
 */
export async function enforceRateLimits(
  prisma: Database,
  limits: readonly RateLimit[],
  now: Date,
  message: string | ((retryAfterSeconds: number) => string),
): Promise<void> {
  const decisions = await consumeRateLimits(prisma, limits, now);
  const retryAfterSeconds = Math.max(0, ...decisions.map((decision) => decision.retryAfterSeconds));
  if (retryAfterSeconds > 0) {
    throw new RateLimitedError(typeof message === "string" ? message : message(retryAfterSeconds), retryAfterSeconds);
  }
}

/**
 * enforceRateLimits for one rule of anonymous-limits.ts applied to `subject` (an address, or
 * EVERYONE), keyed with the server's keyed hash: what most anonymous writes check.
 */
export function enforceAnonymousLimit(
  prisma: Database,
  request: { keyedHash: KeyedHash; now: Date },
  rule: AnonymousLimit,
  subject: string,
  message: string,
): Promise<void> {
  return enforceRateLimits(prisma, [toRateLimit(request.keyedHash, rule, subject)], request.now, message);
}

/** Deletes counters no limit can still be counting in (for a scheduled clean-up); returns how many went. */
export async function deleteStaleRateLimitCounters(prisma: PrismaClient, now: Date): Promise<number> {
  return deleteRateLimitCountersStartedBefore(prisma, new Date(now.getTime() - RATE_LIMIT_MAX_WINDOW_MS));
}

/** Whether a limit is already used up, without counting a hit (for a lock that successes must not feed). */
export async function isRateLimited(prisma: PrismaClient, limit: RateLimit, now: Date): Promise<boolean> {
  const count = await findRateLimitCount(prisma, {
    key: limit.key,
    expiredBefore: new Date(now.getTime() - limit.windowMs),
  });
  return count !== null && count >= limit.limit;
}
