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
