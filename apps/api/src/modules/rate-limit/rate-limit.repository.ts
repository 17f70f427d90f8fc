import type { Prisma, PrismaClient } from "@psu/prisma";

/** A Prisma client or an open transaction: a hit counted in a transaction is undone with it. */
export type Database = PrismaClient | Prisma.TransactionClient;

export interface RateLimitCount {
  count: number;
  windowStart: Date;
}

export interface RateLimitHit {
  key: string;
  /** A window that started at or before this instant is over: the count starts again at 1. */
  expiredBefore: Date;
}

/**
 * Counts one more hit against each key in a fixed window, in one atomic statement, so parallel
 * requests on any number of API instances never both read the same count, and several limits
 * cost one round trip. A window that is over starts again at 1 from `now`. Keys are taken in
 * sorted order, so two requests counting the same keys lock their rows in the same order.
 */
export async function incrementRateLimitCounters(
  prisma: Database,
  input: { hits: readonly RateLimitHit[]; now: Date },
): Promise<Map<string, RateLimitCount>> {
  const hits = [...input.hits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (new Set(hits.map((hit) => hit.key)).size !== hits.length) throw new Error("a rate limit key was given twice");
  if (hits.length === 0) return new Map();
  const keys = hits.map((hit) => hit.key);
  const expiredBefore = hits.map((hit) => hit.expiredBefore.toISOString());
  // In an UPDATE every expression sees the old row, so both CASEs test the same window; each
  // key's own end of window comes from the input by its key.
  const rows = await prisma.$queryRaw<{ key: string; count: number; window_start: Date }[]>`
    with hit as (
      select * from unnest(${keys}::text[], ${expiredBefore}::timestamptz[]) as hit (key, expired_before)
    )
    insert into rate_limit_counters as counter (key, window_start, count)
    select key, ${input.now}::timestamptz, 1 from hit order by key
    on conflict (key) do update set
      count = case when counter.window_start <= (select expired_before from hit where hit.key = excluded.key)
        then 1 else counter.count + 1 end,
      window_start = case when counter.window_start <= (select expired_before from hit where hit.key = excluded.key)
        then excluded.window_start else counter.window_start end
    returning key, count, window_start`;
  const counts = new Map(
    rows.map((row) => [row.key, { count: Number(row.count), windowStart: new Date(row.window_start) }] as const),
  );
  if (counts.size !== hits.length) throw new Error("rate limit upsert returned too few rows");
  return counts;
}

/** Deletes counters whose window started before `startedBefore`; returns how many went. */
export async function deleteRateLimitCountersStartedBefore(prisma: PrismaClient, startedBefore: Date): Promise<number> {
  const result = await prisma.rateLimitCounter.deleteMany({ where: { windowStart: { lt: startedBefore } } });
  return result.count;
}

/** The current count for a key without counting a hit (null when none or its window is over). */
export async function findRateLimitCount(
  prisma: PrismaClient,
  input: { key: string; expiredBefore: Date },
): Promise<number | null> {
  const counter = await prisma.rateLimitCounter.findUnique({
    where: { key: input.key },
    select: { count: true, windowStart: true },
  });
  return counter && counter.windowStart > input.expiredBefore ? counter.count : null;
}
