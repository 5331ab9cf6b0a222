import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Pacer } from '../../../electron/core/export/pacer';
import { pacedSort } from '../../../electron/core/export/paced-sort';

describe('pacedSort', () => {
  it('gives exactly what a stable Array.prototype.sort gives, equal keys in their first order', async () => {
    const collator = new Intl.Collator('pl', { numeric: true });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ key: fc.constantFrom('a2', 'A10', 'ą1', 'b', 'a10', 'Ł', 'z', ''), n: fc.nat() }), { maxLength: 7000, size: 'max' }), async (items) => {
        const compare = (x: { key: string }, y: { key: string }) => collator.compare(x.key, y.key);
        expect(await pacedSort([...items], compare, new Pacer(0, 1))).toEqual([...items].sort(compare));
      }),
      { numRuns: 30 },
    );
  });

  it('pauses as it goes when the pacer says so', async () => {
    const items = Array.from({ length: 10_000 }, (_v, i) => (i * 7919) % 10_007);
    const pacer = new Pacer(0, 1);
    const sorted = await pacedSort(items, (a, b) => a - b, pacer);
    expect(sorted).toEqual([...items].sort((a, b) => a - b));
    expect(pacer.pauses).toBeGreaterThan(10_000);
  });
});
