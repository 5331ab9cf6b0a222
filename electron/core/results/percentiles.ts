/** Nearest-rank percentile (p in 0..1) of unsorted values; null for none. Median = percentile(v, 0.5). */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

/** part / whole, or null when there is nothing to divide (the screen shows "—", not 0 %). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
