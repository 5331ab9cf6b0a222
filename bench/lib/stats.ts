/** Small statistics for latency samples (milliseconds). */

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarize(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN, mean: sum / Math.max(1, sorted.length) };
}

/**
 * Times `fn` over the given inputs, after `warmup` untimed calls (statement caches, page cache),
 * and returns the latency of each timed call in milliseconds.
 */
export async function timeEach<T>(inputs: T[], fn: (input: T, i: number) => unknown, warmup = 5): Promise<number[]> {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) await fn(inputs[i]!, i);
  const samples: number[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const t0 = performance.now();
    await fn(inputs[i]!, i);
    samples.push(performance.now() - t0);
  }
  return samples;
}

export const round = (x: number, digits = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);

/**
 * p95 that a busy machine cannot fake: the samples are taken in `rounds` separate rounds and the
 * median of the rounds' p95 is reported (one round hit by another process's burst does not decide it).
 * p50 and max are over all samples.
 */
export function roundsLatency(rounds: number[][]): Latency & { roundP95s: number[] } {
  const all = summarize(rounds.flat());
  const p95s = rounds.map((r) => summarize(r).p95).sort((a, b) => a - b);
  return { ...all, p95: p95s[Math.floor(p95s.length / 2)]!, roundP95s: p95s };
}

export const ROUNDS = 3;

/** The middle item of `list` ordered by `by` (the lower middle for an even count): the median round. */
export function medianBy<T>(list: T[], by: (x: T) => number): T {
  return [...list].sort((a, b) => by(a) - by(b))[Math.floor((list.length - 1) / 2)] as T;
}
