import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateProRata } from '../../../electron/core/export/allocation';

describe('allocateProRata', () => {
  it('splits delivery the way the sample register does (14,99 over 59,99 at 23% and 107,40 at 5%)', () => {
    expect(allocateProRata(1499, [5999, 10740])).toEqual([537, 962]);
    expect(allocateProRata(2499, [29980, 23400])).toEqual([1404, 1095]);
  });

  it('parts always add up to the amount and each is within one grosz of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 6 }), (amount, weights) => {
        const parts = allocateProRata(amount, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
        const total = weights.reduce((a, b) => a + b, 0);
        if (total === 0) return;
        parts.forEach((p, i) => {
          const exact = (amount * (weights[i] ?? 0)) / total;
          expect(Math.abs(p - exact)).toBeLessThan(1);
          expect(Number.isInteger(p)).toBe(true);
        });
      }),
    );
  });

  it('puts everything on the first part when there is nothing to be proportional to, refuses bad input', () => {
    expect(allocateProRata(500, [0, 0])).toEqual([500, 0]);
    expect(() => allocateProRata(1.5, [1])).toThrow(RangeError);
    expect(() => allocateProRata(1, [])).toThrow(RangeError);
    expect(() => allocateProRata(1, [-1])).toThrow(RangeError);
  });
});
