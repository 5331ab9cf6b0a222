import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateProRata } from '../../../electron/core/export/allocation';

/** The rule in BigInt only, as allocateProRata computed it before its floating-point fast path. */
function reference(amount: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  const sign = amount < 0 ? -1 : 1;
  const abs = BigInt(Math.abs(amount));
  const shares = weights.map((w) => ({ floor: Number((abs * BigInt(w)) / BigInt(total)), remainder: Number((abs * BigInt(w)) % BigInt(total)) }));
  let left = Math.abs(amount) - shares.reduce((a, s) => a + s.floor, 0);
  const parts = shares.map((s) => s.floor);
  for (const { i } of shares.map((s, i) => ({ i, r: s.remainder })).sort((a, b) => b.r - a.r || a.i - b.i)) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts.map((p) => sign * p);
}

describe('allocateProRata fast paths', () => {
  it('gives the same parts as the all-BigInt rule, for small and for huge amounts and weights', () => {
    const amount = fc.oneof(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }));
    const weight = fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 2 ** 40 }));
    fc.assert(
      fc.property(amount, fc.array(weight, { minLength: 1, maxLength: 6 }), (a, w) => {
        expect(allocateProRata(a, w)).toEqual(reference(a, w));
      }),
      { numRuns: 2000 },
    );
  });
});
