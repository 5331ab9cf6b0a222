import { afterEach, describe, expect, it } from 'vitest';
import { OUTLIER_FACTOR, OUTLIER_MIN_UNITS, resultsSummary } from '../../../electron/core/results/results.service';
import { type TempCore, tempCore } from '../../support/temp-core';
import { ResultsShop } from './shop-builder';

let shop: TempCore | undefined;
afterEach(async () => {
  await shop?.dispose();
  shop = undefined;
});

const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Products whose units shipped and returned are chosen so the shop's rate is exactly 1/16 (12 of 192
 * units back): the "far above" line is then 2 × 1/16 = 1/8, a value floats hold exactly, so a product
 * at exactly 1/8 tests the rule's edge and not a rounding error.
 */
const PLAN = [
  // sku, units shipped, units returned
  ['HIGH', 8, 3], // 37.5 %, 3 units back → far above
  ['EDGE', 24, 3], // 12.5 % = exactly twice the shop's, 3 units → far above (the rule says "or more")
  ['BELOW', 33, 4], // 12.12 %, just under twice the shop's → not flagged
  ['FEW', 4, 2], // 50 %, but only 2 units back → not flagged (too few to mean anything)
  ['FILLER', 123, 0], // never comes back; only carries the shop's rate down to 1/16
] as const;

async function outlierShop() {
  shop = await tempCore({ now: () => new Date('2026-10-30T12:00:00.000Z') });
  const b = new ResultsShop(shop.core);
  const ids = new Map<string, number>();
  let n = 0;
  for (const [sku, shipped, returned] of PLAN) {
    const productId = b.product(sku);
    ids.set(sku, productId);
    b.ledger(productId, '2026-10-01T08:00:00.000Z', 1000);
    // Each returned unit is its own order of one, returned; the rest ship in one order.
    const orders = [...Array<number>(returned).fill(1), shipped - returned];
    orders.forEach((quantity, i) => {
      const shippedAt = Date.parse('2026-10-20T10:00:00.000Z') + (n++ % 5) * 24 * H;
      const id = b.order({ boughtAt: iso(shippedAt - 24 * H), paidAt: iso(shippedAt - 23 * H), dispatchBy: iso(shippedAt + 12 * H), productId, quantity });
      b.packed(id, iso(shippedAt - H), 'owner');
      b.shipped(id, iso(shippedAt));
      if (i < returned) b.returned(id, productId, 'DIFFERENT');
    });
  }
  return { core: shop.core, ids };
}

describe('Wyniki: return rates "far above the shop\'s"', () => {
  it('flags a product at twice the shop\'s rate or more with enough units back, and no other', async () => {
    const { core, ids } = await outlierShop();
    const s = resultsSummary(core, { from: '2026-10-19', to: '2026-10-30' });
    expect(OUTLIER_FACTOR).toBe(2);
    expect(OUTLIER_MIN_UNITS).toBe(3);
    expect(s.current.shippedUnits).toBe(192);
    expect(s.current.returnedUnits).toBe(12);
    expect(s.current.returnedUnits / s.current.shippedUnits).toBe(1 / 16);

    const bySku = new Map(s.returnsByProduct.map((p) => [p.sku, p]));
    expect([...bySku.keys()].sort()).toEqual(['BELOW', 'EDGE', 'FEW', 'HIGH']); // FILLER never came back
    for (const [sku, shipped, returned] of PLAN.filter(([, , r]) => r > 0)) {
      expect(bySku.get(sku), sku).toMatchObject({ productId: ids.get(sku), shippedUnits: shipped, returnedUnits: returned, rate: returned / shipped });
    }
    expect(bySku.get('EDGE')!.rate).toBe(OUTLIER_FACTOR * (1 / 16));
    expect(bySku.get('BELOW')!.rate).toBeLessThan(OUTLIER_FACTOR * (1 / 16));
    expect(bySku.get('BELOW')!.rate).toBeGreaterThan(0.12);

    expect(s.returnsByProduct.filter((p) => p.outlier).map((p) => p.sku).sort()).toEqual(['EDGE', 'HIGH']);
  });
});
