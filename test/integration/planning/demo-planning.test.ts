/**
 * The demo shop gives each planning screen something real whatever hour it is loaded at (issue 17: the
 * demo includes suppliers, lead times, two past campaigns and one planned): orders at risk, reorder
 * proposals from suppliers with lead times, a planned campaign with its check and past ones measured.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { tempCore, type TempCore } from '../../support/temp-core';

const cleanups: TempCore[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!.dispose();
});

// A weekday morning, a Sunday night, a Saturday noon in summer time, a Monday just after midnight, and a
// Monday evening at which the demo's past campaigns had too few sales before them to be measured.
const CLOCKS = ['2026-12-07T05:40:00.000Z', '2026-12-13T22:30:00.000Z', '2026-07-18T10:00:00.000Z', '2026-11-30T23:05:00.000Z', '2026-12-07T20:30:00.000Z'];

describe('demo shop: planning screens', () => {
  it.each(CLOCKS)('at %s has orders at risk, proposals by supplier and campaigns', async (clock) => {
    const now = new Date(clock);
    const t = await tempCore({ now: () => now });
    cleanups.push(t);
    await call(t.core, 'shop.loadDemo', {});
    const risk = await call(t.core, 'planning.atRisk', {});
    expect(risk.total).toBeGreaterThan(0);
    expect(risk.capacityPerDay).not.toBeNull();

    const suppliers = await call(t.core, 'planning.suppliers', {});
    expect(suppliers.length).toBeGreaterThanOrEqual(4);
    expect(suppliers.every((s) => s.leadTimeDays >= 1 && s.products > 0)).toBe(true);

    const reorder = await call(t.core, 'planning.reorder', { serviceLevel: 95 });
    expect(reorder.groups.some((g) => g.supplierId !== null && g.lines.length > 0)).toBe(true);

    const campaigns = await call(t.core, 'planning.campaigns', {});
    expect(campaigns.filter((c) => c.phase === 'past')).toHaveLength(2);
    expect(campaigns.filter((c) => c.phase === 'planned')).toHaveLength(1);
    // Each past one sold and was measured against its normal sales: Kampanie offers the last one's multiple.
    for (const c of campaigns.filter((x) => x.phase === 'past')) {
      expect(c.outcome!.soldUnits).toBeGreaterThan(0);
      expect(c.outcome!.measuredUpliftX100, c.name).not.toBeNull();
    }
    const planned = campaigns.find((c) => c.phase === 'planned')!;
    expect(planned.products.length).toBeGreaterThan(0);
    // At least one product of the planned campaign is not covered by the shelf as it stands.
    expect(planned.products.some((p) => p.verdict !== 'covered')).toBe(true);

    // 'Dni Kuchni' ran as an Allegro campaign (issue 17.4): its promo-price lines carry CAMPAIGN, seen over
    // its own seven days and recognised as the campaign the owner typed in for them.
    const kitchen = campaigns.find((c) => c.name.startsWith('Dni Kuchni'))!;
    const seen = await call(t.core, 'planning.seenPromotions', {});
    expect(seen.map((s) => s.discountType)).toEqual(['CAMPAIGN']);
    // Same days as the typed-in campaign: it counts as kept (no twin offered).
    expect(seen[0]!.campaignId).toBe(kitchen.id);
    expect(seen[0]!.products.length).toBeGreaterThan(0);
    expect(seen[0]!.products.every((p) => kitchen.products.some((k) => k.productId === p.productId))).toBe(true);
  });
});
