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
    // 99 shipped: 6 late (0–5), damaged 3 (0, 20, 30; 0 also late), 2 wrong items (40, 50), 1 incomplete (80),
    // 1 complaint upheld (60) → {0–5, 20, 30, 40, 50, 60, 80} = 12 not perfect, 87 perfect. 70 and 90 came back
    // unwanted (DONT_LIKE_IT) and stay perfect.
    expect(s.current.shippedOrders).toBe(99);
    expect(s.current.failures).toEqual({ late: 6, damaged: 3, wrongItem: 2, incomplete: 1, complaintUpheld: 1 });
    expect(s.current.perfect).toBe(87);
    expect(s.current.perfectRate).toBeCloseTo(87 / 99, 12);
    expect(s.current.returnedOrders).toBe(8);
    expect(s.current.complaints).toBe(2);
    expect(s.current.complaintsUpheld).toBe(1);
    // The day of the DST switch: 10 orders due on 25 Oct, the on-time ones shipped 22:59 UTC − 3 h = 20:59 Warsaw of the 25th.
    const day25 = s.daily.find((d) => d.day === '2026-10-25')!;
    expect(day25.due).toBe(10);
    expect(day25.late).toBe(1); // order index 5
    expect(s.daily.find((d) => d.day === '2026-10-26')!.due).toBe(10);
  });

  it('measures the cycle stages as median and 90th percentile in hours (nearest rank)', async () => {
    const { core } = await builtShop();
    const c = resultsSummary(core, { from: '2026-10-19', to: '2026-11-01' }).current.cycle;
    // Percentiles are nearest-rank (percentiles.ts, stageFromBuckets): the value at rank ceil(p × n) of the sorted
    // durations, no interpolation. 99 shipped orders → median = rank 50, p90 = rank ceil(89.1) = 90.
    // Durations by construction (shop-builder: d = i % 10, e = i % 5; order 6, d = 6 and e = 1, never shipped):
    // bought → paid 1 + d h: 10 orders each of 1…10 h but 9 of 7 h → cumulative 10, 20, 30, 40, 50, 60, 69, 79, 89, 99:
    // rank 50 = 5 h, rank 90 = 10 h.
    expect(c.boughtToPaid).toEqual({ count: 99, medianHours: 5, p90Hours: 10 });
    // paid → packed 38 − e h: 34 h ×20 (e 4), 35 ×20, 36 ×20, 37 ×19 (e 1), 38 ×20 → cumulative 20, 40, 60, 79, 99:
    // rank 50 = 36 h, rank 90 = 38 h.
    expect(c.paidToPacked).toEqual({ count: 99, medianHours: 36, p90Hours: 38 });
    // packed → shipped 1 + e h: 1 h ×20, 2 ×19, 3 ×20, 4 ×20, 5 ×20 → cumulative 20, 39, 59, 79, 99: rank 50 = 3, rank 90 = 5.
    expect(c.packedToShipped).toEqual({ count: 99, medianHours: 3, p90Hours: 5 });
    // bought → shipped 40 + d h: the same counts as bought → paid shifted by 39 h → 44 h and 49 h.
    expect(c.boughtToShipped).toEqual({ count: 99, medianHours: 44, p90Hours: 49 });
  });

  it('measures shipped → delivered on the delivered orders only, by shipping day', async () => {
    const { core } = await builtShop();
    // Orders 10–19 delivered 12 + 6k h after shipping (k = 0…9): 12, 18, 24, 30, 36, 42, 48, 54, 60, 66 h.
    // n = 10 → median rank 5 = 36 h, p90 rank 9 = 60 h (interpolation would give 39 h and 60.6 h).
    const whole = resultsSummary(core, { from: '2026-10-19', to: '2026-11-01' }).current.cycle.shippedToDelivered;
    expect(whole).toEqual({ count: 10, medianHours: 36, p90Hours: 60 });
    // 26 Oct – 1 Nov holds those shipped 26–29 Oct (orders 16–19): 48, 54, 60, 66 h → rank 2 = 54 h, rank ceil(3.6) = 4 = 66 h.
    const lastWeek = resultsSummary(core, { from: '2026-10-26', to: '2026-11-01' });
    expect(lastWeek.current.cycle.shippedToDelivered).toEqual({ count: 4, medianHours: 54, p90Hours: 66 });
    // … and 19–25 Oct the other six: 12, 18, 24, 30, 36, 42 h → rank 3 = 24 h, rank ceil(5.4) = 6 = 42 h.
    expect(lastWeek.previous.cycle.shippedToDelivered).toEqual({ count: 6, medianHours: 24, p90Hours: 42 });
  });

  it('rates returns by product, reason and packer, and packing per packer', async () => {
    const { core, a } = await builtShop();
    const s = resultsSummary(core, { from: '2026-10-19', to: '2026-11-01' });
    const productA = s.returnsByProduct.find((p) => p.productId === a)!;
    // A shipped: 98 orders (13 is B, 6 never left) of 1 unit, 90 holds 2 → 99 units. Back: 0, 20, 30, 40, 50, 70, 80
    // one unit each + 2 of order 90 → 9 units.
    expect(productA.returnedUnits).toBe(9);
    expect(productA.shippedUnits).toBe(99);
    expect(productA.rate).toBeCloseTo(9 / 99, 12);
    // One return line each, 1 unit, except DONT_LIKE_IT: order 70 (1 unit) and order 90 (2 units in one line).
    // Sorted by units, then by reason.
    expect(s.returnsByReason).toEqual([
      { reason: 'DONT_LIKE_IT', units: 3, lines: 2 },
      { reason: 'DAMAGED', units: 1, lines: 1 },
      { reason: 'DIFFERENT', units: 1, lines: 1 },
      { reason: 'INCOMPLETE', units: 1, lines: 1 },
      { reason: 'NOT_AS_EXPECTED', units: 1, lines: 1 },
      { reason: 'SHOP_WRONG_ITEM_SENT', units: 1, lines: 1 },
      { reason: 'TRANSPORT', units: 1, lines: 1 },
    ]);
    // The shop's return rate is by orders: 8 of the 99 shipped came back, 9 units.
    expect(s.current.returnedOrders).toBe(8);
    expect(s.current.returnedUnits).toBe(9);
    expect(s.current.returnRate).toBeCloseTo(8 / 99, 12);
    // Returned orders 0, 20, 30, 40, 50, 70, 80, 90: all even → all packed by the owner (49 shipped: evens but 6).
    expect(s.returnsByPacker).toEqual([
      { packer: 'helper', shippedOrders: 50, returnedOrders: 0, rate: 0 },
      { packer: 'owner', shippedOrders: 49, returnedOrders: 8, rate: 8 / 49 },
    ]);
    expect(s.current.packedOrders).toBe(99);
    expect(s.current.packedUnits).toBe(100);
    expect(s.current.wrongScans).toBe(2);
    expect(s.current.wrongScansPer100Units).toBe(2); // 2 / 100 units
    // Each due day's 10 orders share a packer (i and i + 10 have the same parity) and are packed that day (Warsaw),
    // except the late 0 and 5, packed 1 h after their deadline → the next day. Day 20: owner 10–90 (9 orders,
    // 90 has 2 units); 21: helper 1–91 (10, with order 1's 2 refused scans → 2 / 10 units × 100 = 20) and owner 0;
    // 25: helper 15–95 (9); 26: owner 16–96 (9; 6 never packed) and helper 5.
    const row = (day: string, packer: string, orders: number, units: number, wrongScans = 0) => ({
      day, packer, orders, units, wrongScans, wrongScansPer100Units: (wrongScans / units) * 100,
    });
    expect(s.packing).toEqual([
      row('2026-10-20', 'owner', 9, 10),
      row('2026-10-21', 'helper', 10, 10, 2),
      row('2026-10-21', 'owner', 1, 1),
      row('2026-10-22', 'owner', 10, 10),
      row('2026-10-23', 'helper', 10, 10),
      row('2026-10-24', 'owner', 10, 10),
      row('2026-10-25', 'helper', 9, 9),
      row('2026-10-26', 'helper', 1, 1),
      row('2026-10-26', 'owner', 9, 9),
      row('2026-10-27', 'helper', 10, 10),
      row('2026-10-28', 'owner', 10, 10),
      row('2026-10-29', 'helper', 10, 10),
    ]);
  });

  it('breaks complaints down by product, demand and packer like returns', async () => {
    const { core, b, ids, a } = await builtShop();
    const productB = core.sqlite.prepare("SELECT id FROM products WHERE sku = 'B'").pluck().get() as number;
    // Known shop: 60 (A, owner) accepted, 70 (A, owner) rejected, no demand. Added: 13 (B, helper) open asking for a
    // replacement, 80 (A, owner) accepted asking for a replacement.
    b.complaint(ids[13]!, productB, 'open', 'replacement');
    b.complaint(ids[80]!, a, 'accepted', 'replacement');
    const s = resultsSummary(core, { from: '2026-10-19', to: '2026-11-01' });
    expect(s.current.complaints).toBe(4);
    // B: 1 complaint on its 1 shipped unit (order 13) → 1; A: 3 on 99 units → 3/99. Highest rate first.
    expect(s.complaintsByProduct).toEqual([
      { productId: productB, sku: 'B', name: 'Produkt B', shippedUnits: 1, complaints: 1, upheld: 0, rate: 1 },
      { productId: a, sku: 'A', name: 'Produkt A', shippedUnits: 99, complaints: 3, upheld: 2, rate: 3 / 99 },
    ]);
    // No demand: 60 (upheld), 70; replacement: 13, 80 (upheld). Ties by demand code, '' first.
    expect(s.complaintsByDemand).toEqual([
      { demand: '', complaints: 2, upheld: 1 },
      { demand: 'replacement', complaints: 2, upheld: 1 },
    ]);
    // Helper shipped 50 orders (odd i), 13 complained of; owner 49 (even i but 6), 60, 70, 80 complained of, 60 and 80 upheld.
    expect(s.complaintsByPacker).toEqual([
      { packer: 'helper', shippedOrders: 50, complaintOrders: 1, upheldOrders: 0, rate: 1 / 50 },
      { packer: 'owner', shippedOrders: 49, complaintOrders: 3, upheldOrders: 2, rate: 3 / 49 },
    ]);
    // The contract checks the answer against its schema, new keys included.
    const answer = await dispatch(core, 'results.summary', { from: '2026-10-19', to: '2026-11-01' }, { role: 'owner' } as never);
    expect(answer).toMatchObject({ ok: true, data: { complaintsByPacker: s.complaintsByPacker, complaintsByDemand: s.complaintsByDemand } });
    // The period after: nothing shipped, nothing to break down.
    const later = resultsSummary(core, { from: '2026-11-02', to: '2026-11-08' });
    expect([later.complaintsByProduct, later.complaintsByDemand, later.complaintsByPacker]).toEqual([[], [], []]);
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
    // Previous (19–25 Oct): due on 20–25 Oct = orders with d 0–5 → 60, of them 0–5 late → 54 on time.
    // Shipped on 19–25 Oct: the 54 on time + late 0–4 (5 left the day after its deadline, on the 26th) = 59;
    // not perfect: late 0–4, and 20, 30, 40, 50, 60, 80 (all due on the 20th) → 11 → 48 perfect.
    expect(s.previous).toMatchObject({ dueOrders: 60, onTime: 54, late: 6, notYetDue: 0, shippedOrders: 59, perfect: 48 });
    expect(s.previous.onTimeRate).toBeCloseTo(54 / 60, 12);
    expect(s.previous.perfectRate).toBeCloseTo(48 / 59, 12);
    expect(s.previous.failures).toEqual({ late: 5, damaged: 3, wrongItem: 2, incomplete: 1, complaintUpheld: 1 });
    // Current (26 Oct – 1 Nov): due 26–29 Oct → 40, only 6 late (never shipped); the two due 31 Oct not judged yet.
    // Shipped: 39 on time (d 6–9, without 6) + late 5 = 40, only 5 not perfect → 39.
    expect(s.current).toMatchObject({ dueOrders: 40, onTime: 39, late: 1, notYetDue: 2, shippedOrders: 40, perfect: 39 });
    expect(s.current.onTimeRate).toBeCloseTo(39 / 40, 12);
    expect(s.current.perfectRate).toBeCloseTo(39 / 40, 12);
    expect(s.current.failures).toEqual({ late: 1, damaged: 0, wrongItem: 0, incomplete: 0, complaintUpheld: 0 });
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
