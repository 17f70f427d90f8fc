/** Counts under this are shown as "fewer than 5" in equality monitoring. */
export const SUPPRESSION_THRESHOLD = 5;

export type SuppressionCell = { count: number; suppressed: false } | { count: null; suppressed: true };

/**
 * Suppresses the cells of one equality question. A count under 5 (0 included)
 * is suppressed. When a total is shown and the hidden cells could be worked out
 * from it (exactly one is hidden, or those hidden add up to 0, so each must be
 * 0), the smallest unsuppressed cell is suppressed too: then at least two cells
 * are hidden and they add up to 5 or more, so none can be told by subtraction.
 * When the total is under 5, every cell and the total are suppressed.
 */
export function suppressQuestion(
  counts: readonly number[],
  showsTotal: boolean,
): { cells: SuppressionCell[]; total: SuppressionCell } {
  const total = counts.reduce((sum, n) => sum + n, 0);
  const hidden: SuppressionCell = { count: null, suppressed: true };
  if (total < SUPPRESSION_THRESHOLD) {
    return { cells: counts.map(() => hidden), total: hidden };
  }
  const suppress = counts.map((n) => n < SUPPRESSION_THRESHOLD);
  const hiddenCount = suppress.filter(Boolean).length;
  const hiddenSum = counts.reduce((sum, n, i) => (suppress[i] ? sum + n : sum), 0);
  if (showsTotal && (hiddenCount === 1 || (hiddenCount > 1 && hiddenSum === 0))) {
    let smallest = -1;
    counts.forEach((n, i) => {
      if (!suppress[i] && (smallest === -1 || n < (counts[smallest] as number))) smallest = i;
    });
    if (smallest !== -1) suppress[smallest] = true;
  }
  return {
    cells: counts.map((n, i) => (suppress[i] ? hidden : { count: n, suppressed: false })),
    total: { count: total, suppressed: false },
  };
}
