import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { handlingTimeAdvice } from '../../../electron/core/results/handling-time.service';
import { resultsSummary } from '../../../electron/core/results/results.service';
import { type TempCore, tempCore } from '../../support/temp-core';
import { buildKnownShop, ResultsShop } from './shop-builder';

let shop: TempCore | undefined;
afterEach(async () => {
  await shop?.dispose();
  shop = undefined;
});

async function builtShop() {
  shop = await tempCore({ now: () => new Date('2026-10-30T12:00:00.000Z') });
  const b = new ResultsShop(shop.core);
  return { core: shop.core, b, ...buildKnownShop(b) };
}

describe('Wyniki on a shop built so the answers are known', () => {
  it('counts on-time dispatch, perfect orders and each failure across the DST switch', async () => {
    const { core } = await builtShop();
    const s = resultsSummary(core, { from: '2026-10-19', to: '2026-11-01' });
    expect(s.current.dueOrders).toBe(100);
    expect(s.current.late).toBe(7);
    expect(s.current.onTime).toBe(93);
    expect(s.current.onTimeRate).toBeCloseTo(0.93, 10);
    expect(s.current.notYetDue).toBe(2);
    expect(s.lateOrders).toHaveLength(7);
    expect(s.lateOrders.filter((o) => o.shippedAt === null)).toHaveLength(1);
    // 99 shipped: 6 late, damaged 3 (one of them also late), 2 wrong items, 1 complaint upheld → 11 not perfect.
    expect(s.current.shippedOrders).toBe(99);
    expect(s.current.failures).toEqual({ late: 6, damaged: 3, wrongItem: 2, incomplete: 0, complaintUpheld: 1 });
    expect(s.current.perfect).toBe(88);
    expect(s.current.returnedOrders).toBe(5);
    expect(s.current.complaints).toBe(2);
    expect(s.current.complaintsUpheld).toBe(1);
    // The day of the DST switch: 10 orders due on 25 Oct, the on-time ones shipped 22:59 UTC − 3 h = 20:59 Warsaw of the 25th.
    const day25 = s.daily.find((d) => d.day === '2026-10-25')!;
    expect(day25.due).toBe(10);
    expect(day25.late).toBe(1); // order index 5
    expect(s.daily.find((d) => d.day === '2026-10-26')!.due).toBe(10);
  });

  it('measures the cycle stages as median and 90th percentile in hours', async () => {
    const { core } = await builtShop();
    const c = resultsSummary(core, { from: '2026-10-19', to: '2026-11-01' }).current.cycle;
    expect(c.boughtToPaid).toEqual({ count: 99, medianHours: 1, p90Hours: 1 });
    // On time: paid 47 h before the deadline, packed 5 h before → 42 h; late ones 47 h (6 of 99, above the 90th).
    expect(c.paidToPacked).toEqual({ count: 99, medianHours: 42, p90Hours: 42 });
    expect(c.packedToShipped).toEqual({ count: 99, medianHours: 2, p90Hours: 2 });
    expect(c.boughtToShipped.medianHours).toBe(45);
    expect(c.shippedToDelivered.count).toBe(0);
  });

  it('rates returns by product, reason and packer, and packing per packer', async () => {
    const { core, a } = await builtShop();
    const s = resultsSummary(core, { from: '2026-10-19', to: '2026-11-01' });
    const productA = s.returnsByProduct.find((p) => p.productId === a)!;
    expect(productA.returnedUnits).toBe(5);
    expect(productA.shippedUnits).toBe(98);
    expect(s.returnsByReason.map((r) => r.reason).sort()).toEqual(['DAMAGED', 'DIFFERENT', 'NOT_AS_EXPECTED', 'SHOP_WRONG_ITEM_SENT', 'TRANSPORT']);
    // Returned orders 0, 20, 30, 40, 50: all even → all packed by the owner.
    expect(s.returnsByPacker).toEqual([
      { packer: 'helper', shippedOrders: 50, returnedOrders: 0, rate: 0 },
      { packer: 'owner', shippedOrders: 49, returnedOrders: 5, rate: 5 / 49 },
    ]);
    expect(s.current.packedOrders).toBe(99);
    expect(s.current.wrongScans).toBe(2);
    expect(s.current.wrongScansPer100Units).toBe(2);
    expect(s.packing.reduce((n, r) => n + r.orders, 0)).toBe(99);
  });

  it('counts stock-out days, apart during the campaign, and the orders that waited for stock', async () => {
    const { core } = await builtShop();
    const s = resultsSummary(core, { from: '2026-10-19', to: '2026-11-01' });
    expect(s.current.stockoutDays).toBe(4);
    expect(s.current.stockoutProducts).toBe(1);
    expect(s.current.campaignProductDays).toBe(3);
    expect(s.current.campaignStockoutDays).toBe(2);
    expect(s.current.campaignStockoutRate).toBeCloseTo(2 / 3, 10);
    expect(s.current.ordersWaitedForStock).toBe(1);
    expect(s.stockoutsByProduct[0]).toMatchObject({ sku: 'B', days: 4, campaignDays: 2 });
  });

  it('compares with the previous period and keeps up with new writes without a rebuild', async () => {
    const { core, b, ids } = await builtShop();
    const s = resultsSummary(core, { from: '2026-10-26', to: '2026-11-01' });
    expect(s.previousPeriod).toEqual({ from: '2026-10-19', to: '2026-10-25' });
    expect(s.current.dueOrders + s.previous.dueOrders).toBe(100);
    // The order never shipped leaves now, late: still late (shipped after its deadline), the list keeps it.
    b.shipped(ids[6]!, '2026-10-30T11:00:00.000Z');
    const after = resultsSummary(core, { from: '2026-10-19', to: '2026-11-01' });
    expect(after.current.late).toBe(7);
    expect(after.lateOrders.find((o) => o.orderId === ids[6])!.shippedAt).toBe('2026-10-30T11:00:00.000Z');
    expect(after.current.shippedOrders).toBe(100);
    expect(core.sqlite.prepare('SELECT count(*) AS n FROM results_dirty').get()).toEqual({ n: 0 });
    // The day sums kept through those changes equal a recount from nothing.
    b.returned(ids[7]!, 1, 'DAMAGED');
    core.sqlite.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(ids[8]!);
    const kept = resultsSummary(core, { from: '2026-10-19', to: '2026-11-01' });
    for (const table of ['results_orders', 'results_days', 'results_cycle', 'results_packer_days', 'results_product_days']) core.sqlite.prepare(`DELETE FROM ${table}`).run();
    core.sqlite.prepare('INSERT OR IGNORE INTO results_dirty (order_id) SELECT id FROM orders').run();
    const recounted = resultsSummary(core, { from: '2026-10-19', to: '2026-11-01' });
    expect(kept.current).toEqual(recounted.current);
    expect(kept.returnsByProduct).toEqual(recounted.returnsByProduct);
    expect(kept.current.failures.damaged).toBe(4);
    expect(kept.current.shippedOrders).toBe(99);
  });

  it('refuses a period that ends before it starts, through the contract', async () => {
    const { core } = await builtShop();
    const answer = await dispatch(core, 'results.summary', { from: '2026-11-01', to: '2026-10-01' }, { role: 'owner' } as never);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('the handling time the shop can keep', () => {
  it('recommends the time kept for 95 % of orders, skips the 11 November holiday and finds the cut-off hour', async () => {
    shop = await tempCore({ now: () => new Date('2026-11-20T12:00:00.000Z') });
    const b = new ResultsShop(shop.core);
    const a = b.product('A');
    // 19 orders paid Monday 2 Nov 10:00 Warsaw (09:00 UTC), shipped the same day at 15:00 Warsaw.
    for (let i = 0; i < 19; i++) {
      const id = b.order({ boughtAt: '2026-11-02T08:30:00.000Z', paidAt: '2026-11-02T09:00:00.000Z', productId: a });
      b.shipped(id, '2026-11-02T14:00:00.000Z');
    }
    // Paid Monday 16:00, shipped Wednesday: 2 working days.
    const late = b.order({ boughtAt: '2026-11-02T14:30:00.000Z', paidAt: '2026-11-02T15:00:00.000Z', productId: a });
    b.shipped(late, '2026-11-04T10:00:00.000Z');
    // Paid Tuesday 10 Nov 16:00, shipped Thursday 12 Nov: Wednesday is Independence Day → 1 working day.
    const holiday = b.order({ boughtAt: '2026-11-10T14:30:00.000Z', paidAt: '2026-11-10T15:00:00.000Z', productId: a });
    b.shipped(holiday, '2026-11-12T10:00:00.000Z');
    const advice = handlingTimeAdvice(shop.core);
    expect(advice.orders).toBe(21);
    expect(advice.distribution).toEqual([
      { days: 0, orders: 19 },
      { days: 1, orders: 1 },
      { days: 2, orders: 1 },
    ]);
    expect(advice.recommendedDays).toBe(1);
    expect(advice.currentDays).toBe(1);
    expect(advice.options.slice(0, 3).map((o) => o.onTimeRate)).toEqual([19 / 21, 20 / 21, 1]);
    expect(advice.cutoffHour).toBe(16);
    expect(advice.byWeekday.find((w) => w.weekday === 1)).toEqual({ weekday: 1, orders: 20, days95: 0 });
  });
});
