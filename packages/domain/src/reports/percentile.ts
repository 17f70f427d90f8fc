/**
 * Percentile with linear interpolation between closest ranks (PostgreSQL
 * percentile_cont, Excel PERCENTILE.INC), rounded to one decimal place.
 * Returns null for an empty list. `p` is a fraction in [0, 1].
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError("p must be between 0 and 1");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  const value = low + (high - low) * (rank - lower);
  return Math.round(value * 10) / 10;
}

/**
 * percentileCont of values given as counts, `[value, how many times]`: the same answer as
 * percentileCont on the list written out, without writing it out or sorting every value.
 */
export function percentileContOfCounts(counts: readonly (readonly [number, number])[], p: number): number | null {
  const sorted = counts.filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = sorted.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError("p must be between 0 and 1");
  const rank = p * (total - 1);
  const valueAt = (position: number): number => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (position < seen) return value;
    }
    return (sorted.at(-1) as readonly [number, number])[0];
  };
  const low = valueAt(Math.floor(rank));
  const high = valueAt(Math.ceil(rank));
  return Math.round((low + (high - low) * (rank - Math.floor(rank))) * 10) / 10;
}
