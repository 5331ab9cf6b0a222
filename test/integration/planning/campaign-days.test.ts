/**
 * The campaign days Wyniki counts (results.summary: campaignProductDays, campaignStockoutDays and the
 * stock-outs table's campaignDays), read once per summary for both compared periods (issue 17 audit).
 * On 30 October 2026, comparing 19 Oct – 1 Nov with 5–18 Oct: B (category "Karmy") has one unit from
 * 10 Oct, sells it on 21 Oct and gets three more on 24 Oct at 10:00, so 21, 22, 23 and 24 Oct began empty;
 * A (no category) is never out. Campaigns: "Karmy" 23–25 Oct and B listed 22–24 Oct (overlapping: B's
 * days 22–25 counted once), A listed 17–20 Oct (across the periods' boundary: 17–18 before, 19–20 now),
 * "Karmy" 12–14 Oct (the previous period only), "Karmy" 1–3 Nov and A 1–5 Oct (one day inside each end of
 * the compared span) and "Karmy" 1–5 March (neither period).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { resultsSummary } from '../../../electron/core/results/results.service';
import { ResultsShop } from '../results/shop-builder';
import { tempCore, type TempCore } from '../../support/temp-core';

const cleanups: TempCore[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!.dispose();
});

describe('campaign days in Wyniki', () => {
  it('counts each product-day once across overlapping campaigns, split at the periods’ boundary, with its stock-outs', async () => {
    const t = await tempCore({ now: () => new Date('2026-10-30T12:00:00.000Z') });
    cleanups.push(t);
    const core = t.core;
    const b = new ResultsShop(core);
    const a = b.product('A');
    const out = b.product('B');
    core.sqlite.prepare("UPDATE products SET category = 'Karmy' WHERE id = ?").run(out);
    b.ledger(a, '2026-10-01T08:00:00.000Z', 1000);
    b.ledger(out, '2026-10-10T08:00:00.000Z', 1);
    b.ledger(out, '2026-10-21T10:00:00.000Z', -1, 'sale');
    b.ledger(out, '2026-10-24T10:00:00.000Z', 3);
    const save = (name: string, startsOn: string, endsOn: string, who: { category: string } | { productIds: number[] }) =>
      call(core, 'planning.saveCampaign', { name, startsOn, endsOn, upliftX100: 200, ...who });
    await save('Karmy jesienią', '2026-10-23', '2026-10-25', { category: 'Karmy' });
    await save('B w promocji', '2026-10-22', '2026-10-24', { productIds: [out] });
    await save('A na przełomie', '2026-10-17', '2026-10-20', { productIds: [a] });
    await save('Karmy wcześniej', '2026-10-12', '2026-10-14', { category: 'Karmy' });
    await save('Karmy wiosną', '2026-03-01', '2026-03-05', { category: 'Karmy' });
    // Each touching one end of the compared span by one day: 1 Nov (B) and 5 Oct (A).
    await save('Karmy w listopadzie', '2026-11-01', '2026-11-03', { category: 'Karmy' });
    await save('A na początku', '2026-10-01', '2026-10-05', { productIds: [a] });

    const s = resultsSummary(core, { from: '2026-10-19', to: '2026-11-01' });
    expect(s.previousPeriod).toEqual({ from: '2026-10-05', to: '2026-10-18' });
    expect(s.current.stockoutDays).toBe(4);
    // B 22–25 Oct (4 days, 22, 23 and 24 began empty) and 1 Nov + A 19–20 Oct (2 days, never out).
    expect(s.current).toMatchObject({ campaignProductDays: 7, campaignStockoutDays: 3 });
    expect(s.current.campaignStockoutRate).toBeCloseTo(3 / 7, 10);
    // B 12–14 Oct (had its one unit) + A 5 Oct and 17–18 Oct; March counts nowhere.
    expect(s.previous).toMatchObject({ campaignProductDays: 6, campaignStockoutDays: 0, stockoutDays: 0 });
    expect(s.stockoutsByProduct).toEqual([{ productId: out, sku: 'B', name: expect.any(String), days: 4, campaignDays: 3 }]);

    // A period that only the spring campaign touches: 3–9 March (3, 4, 5 March of B), before it 24 Feb – 2 Mar (1, 2 March).
    const spring = resultsSummary(core, { from: '2026-03-03', to: '2026-03-09' });
    expect(spring.current).toMatchObject({ campaignProductDays: 3, campaignStockoutDays: 0 });
    expect(spring.previous).toMatchObject({ campaignProductDays: 2, campaignStockoutDays: 0 });
  });
});
