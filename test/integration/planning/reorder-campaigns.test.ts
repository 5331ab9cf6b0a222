/**
 * Reorder proposals, purchase orders and the campaign check (issue 17 points 4 and 5) on a ledger built
 * so the answers are known: on Wednesday 9 December 2026, product A sold exactly 2 units every day of the
 * last 13 weeks and has 10 left; product B sold 1 a day until it ran out 30 days ago; C never sold;
 * D sold 4 on every other day. The supplier delivers in 5 working days (an order placed today
 * arrives on Wednesday 16 December: 7 calendar days).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { normalQuantile } from '../../../electron/core/planning/demand';
import { purchaseOrderCsv, purchaseOrderHtml } from '../../../electron/core/suppliers/purchase-orders.service';
import { insertProduct } from '../orders/order-fixtures';
import { tempCore, type TempCore } from '../../support/temp-core';

const NOW = new Date('2026-12-09T09:00:00.000Z');
const DAY = 86_400_000;

const cleanups: TempCore[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!.dispose();
});

async function shop() {
  const t = await tempCore({ now: () => NOW });
  cleanups.push(t);
  const core = t.core;
  const a = insertProduct(core, { sku: 'A-1', name: 'Garnek', salePriceGrosze: 10_000, purchasePriceGrosze: 4_000 });
  const b = insertProduct(core, { sku: 'B-1', name: 'Patelnia', salePriceGrosze: 5_000, purchasePriceGrosze: 2_000 });
  const c = insertProduct(core, { sku: 'C-1', name: 'Chochla', salePriceGrosze: 1_000, purchasePriceGrosze: 500 });
  const d = insertProduct(core, { sku: 'D-1', name: 'Durszlak', salePriceGrosze: 2_000, purchasePriceGrosze: 800 });
  const e = insertProduct(core, { sku: 'E-1', name: 'Miska', salePriceGrosze: 1_500, purchasePriceGrosze: 600 });
  const ledger = core.sqlite.prepare("INSERT INTO stock_ledger (product_id, kind, quantity, reason, actor, created_at) VALUES (?, ?, ?, 'test', 'system', ?)");
  const opening = '2026-08-01T08:00:00.000Z';
  ledger.run(a, 'receipt', 192, opening);
  ledger.run(b, 'receipt', 61, opening);
  ledger.run(c, 'receipt', 5, opening);
  ledger.run(d, 'receipt', 190, opening);
  ledger.run(e, 'receipt', 1091, opening);
  // The 91 whole days before 9 December: 9 September … 8 December, a sale at noon Warsaw time each.
  for (let i = 91; i >= 1; i--) {
    const at = new Date(Date.parse('2026-12-09T11:00:00.000Z') - i * DAY).toISOString();
    ledger.run(a, 'sale', -2, at);
    if (i > 30) ledger.run(b, 'sale', -1, at);
    if (i % 2 === 0) ledger.run(d, 'sale', -4, at);
    ledger.run(e, 'sale', -1, at);
  }
  const supplier = await call(core, 'planning.saveSupplier', { name: 'Hurtownia Garnuszek', nip: '526-000-12-46', leadTimeDays: 5, minimumOrderGrosze: 100_000 });
  await call(core, 'planning.assignSupplier', { productIds: [a, b, c, d, e], supplierId: supplier.id });
  return { t, core, a, b, c, d, e, supplier };
}

describe('reorder proposals', () => {
  it('rate without stock-out days, safety stock for the service level, reorder point and quantity, ABC/XYZ', async () => {
    const { core, a, b, c, d } = await shop();
    const out = await call(core, 'planning.reorder', { serviceLevel: 95 });
    expect(out.groups).toHaveLength(1);
    const g = out.groups[0]!;
    expect(g).toMatchObject({ supplierName: 'Hurtownia Garnuszek', leadTimeDays: 5, arrivesOn: '2026-12-16' });
    const line = (id: number) => g.lines.find((l) => l.productId === id);
    // A: 2 a day, no spread → safety 0, reorder point 2 × 7 = 14; 10 on hand ≤ 14 → 2 × (7 + 7) − 10 = 18.
    expect(line(a)).toMatchObject({ dailySalesX100: 200, safetyStock: 0, reorderPoint: 14, quantity: 18, valueGrosze: 18 * 4_000, daysOfCover: 5, abc: 'A', xyz: 'X' });
    // B: 1 a day on the 61 days it had stock (not 61/91); empty now → 1 × 14 = 14.
    expect(line(b)).toMatchObject({ dailySalesX100: 100, reorderPoint: 7, quantity: 14, onHand: 0, abc: 'B' });
    expect(line(c)).toBeUndefined();
    // D: 4 on the 45 even days, 0 on the other 46 → σ by the sample formula over 91 days; 190 − 180 = 10 on hand.
    // The rate: the last four weeks sold 14 × 4 = 56 (2 a day), as did the four before (trend 1); each weekday
    // averages within 20 % of the average day (6 or 7 sales days of 13), so no weekday pattern.
    const series: number[] = Array.from({ length: 91 }, (_, k) => ((91 - k) % 2 === 0 ? 4 : 0));
    const mean = series.reduce((x, y) => x + y, 0) / 91;
    const sd = Math.sqrt(series.reduce((x, y) => x + (y - mean) ** 2, 0) / 90);
    const rate = 2;
    const expectFor = (level: number) => {
      const safetyStock = Math.ceil(normalQuantile(level) * sd * Math.sqrt(7));
      return { safetyStock, reorderPoint: Math.ceil(rate * 7 + safetyStock), quantity: Math.ceil(rate * 14 + safetyStock - 10) };
    };
    expect(expectFor(0.95)).toEqual({ safetyStock: 9, reorderPoint: 23, quantity: 27 });
    expect(line(d)).toMatchObject({ dailySalesX100: 200, onHand: 10, ...expectFor(0.95) });
    const classes = await call(core, 'planning.classes', { productIds: [a, b, c, d] });
    expect(classes).toEqual([
      { productId: a, abc: 'A', xyz: 'X' },
      { productId: b, abc: expect.any(String), xyz: expect.stringMatching(/^[YZ]$/) },
      { productId: c, abc: 'C', xyz: null },
      { productId: d, abc: expect.any(String), xyz: 'X' },
    ]);
    // Value over the window: A 182 × 100 zł = 18 200 zł first (A); B 61 × 50 zł comes after 80 % (B).
    expect(classes[1]!.abc).toBe('B');
    // A higher service level asks for more safety stock where sales vary (D: ⌈2,326 · σ · √7⌉ = 13), none where they do not (A).
    const at99 = await call(core, 'planning.reorder', { serviceLevel: 99 });
    expect(at99.serviceLevel).toBe(99);
    expect(expectFor(0.99).safetyStock).toBe(13);
    expect(at99.groups[0]!.lines.find((l) => l.productId === d)).toMatchObject(expectFor(0.99));
    expect(at99.groups[0]!.lines.find((l) => l.productId === a)!.quantity).toBe(18);
  });

  it('a purchase order from the proposal, printable and exportable, received against (ordered vs received)', async () => {
    const { core, a, b, supplier } = await shop();
    const po = await call(core, 'planning.createPurchaseOrder', { supplierId: supplier.id, lines: [{ productId: a, quantity: 18 }, { productId: b, quantity: 14 }] });
    expect(po).toMatchObject({ number: 'ZD/1/2026', status: 'open', expectedAt: '2026-12-16', totalGrosze: 18 * 4_000 + 14 * 2_000 });
    // On order now: neither is proposed again.
    const after = await call(core, 'planning.reorder', { serviceLevel: 95 });
    expect(after.groups.flatMap((g) => g.lines).filter((l) => l.productId === a || l.productId === b)).toEqual([]);
    const html = await purchaseOrderHtml(core, po);
    expect(html).toContain('Zamówienie ZD/1/2026');
    expect(html).toContain('Hurtownia Garnuszek');
    expect(html).toContain('5260001246');
    expect(html).toContain('Garnek');
    const csv = new TextDecoder().decode(purchaseOrderCsv(po));
    expect(csv).toContain('A-1');
    expect(csv).toContain('40,00');

    const part = await call(core, 'planning.receivePurchaseOrder', { id: po.id, document: 'WZ 7/12', lines: [{ productId: a, quantity: 10 }, { productId: b, quantity: 0 }] });
    expect(part.status).toBe('partly_received');
    expect(part.lines.find((l) => l.productId === a)).toMatchObject({ quantity: 18, receivedQuantity: 10 });
    expect(core.sqlite.prepare('SELECT on_hand FROM products WHERE id = ?').pluck().get(a)).toBe(20);
    const receipt = core.sqlite.prepare("SELECT quantity, document, reason FROM stock_ledger WHERE product_id = ? AND kind = 'receipt' ORDER BY id DESC LIMIT 1").get(a);
    expect(receipt).toEqual({ quantity: 10, document: 'WZ 7/12', reason: 'receipt.purchase_order ["ZD/1/2026","Hurtownia Garnuszek"]' });
    const done = await call(core, 'planning.receivePurchaseOrder', { id: po.id, document: 'WZ 8/12', lines: [{ productId: a, quantity: 8 }, { productId: b, quantity: 14 }] });
    expect(done.status).toBe('received');
    await expect(call(core, 'planning.receivePurchaseOrder', { id: po.id, document: 'WZ 9/12', lines: [{ productId: a, quantity: 1 }] })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses a supplier with a wrong NIP and stores nothing', async () => {
    const { core } = await shop();
    await expect(call(core, 'planning.saveSupplier', { name: 'Zły NIP', nip: '5260001247', leadTimeDays: 3, minimumOrderGrosze: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await call(core, 'planning.suppliers', {})).map((s) => s.name)).toEqual(['Hurtownia Garnuszek']);
  });
});

describe('campaign check', () => {
  it('days of cover, shortfall and whether a reorder today arrives in time', async () => {
    const { core, a, e, supplier } = await shop();
    // Monday 14 – Friday 18 December at three times A's usual 2 a day: 30 units; 10 now − 2 × 5 days before = 0 at the start.
    const planned = await call(core, 'planning.saveCampaign', { name: 'Grudniowe garnki', startsOn: '2026-12-14', endsOn: '2026-12-18', productIds: [a, e], upliftX100: 300 });
    expect(planned.phase).toBe('planned');
    const pa = planned.products.find((p) => p.productId === a)!;
    expect(pa).toMatchObject({ expectedUnits: 30, expectedDailyX100: 600, stockAtStart: 0, daysOfCover: 0, shortfall: 30, reorderArrivesOn: '2026-12-16', reorderInTime: false, verdict: 'not_covered' });
    // E: 1000 on hand, 3 a day for 5 days → covered, the whole campaign.
    expect(planned.products.find((p) => p.productId === e)).toMatchObject({ expectedUnits: 15, shortfall: 0, verdict: 'covered' });
    expect(planned.verdict).toBe('not_covered');
    // A supplier that delivers in 2 working days arrives Friday 11th: in time → at risk, order now.
    await call(core, 'planning.saveSupplier', { id: supplier.id, name: 'Hurtownia Garnuszek', nip: '5260001246', leadTimeDays: 2, minimumOrderGrosze: 0 });
    const again = (await call(core, 'planning.campaigns', {})).find((c) => c.id === planned.id)!;
    expect(again.products.find((p) => p.productId === a)).toMatchObject({ reorderArrivesOn: '2026-12-11', reorderInTime: true, verdict: 'at_risk' });
    expect(again.verdict).toBe('at_risk');
  });

  it('a past campaign is measured against its plan: sold, forecast accuracy, stock-out rate, uplift', async () => {
    const { core, a, b } = await shop();
    // 1–7 November: A sold its usual 2 a day (14), B ran out on 9 November so had stock all week (7).
    const past = await call(core, 'planning.saveCampaign', { name: 'Listopad', startsOn: '2026-11-01', endsOn: '2026-11-07', productIds: [a, b], unitsPerProduct: 14 });
    expect(past.phase).toBe('past');
    expect(past.outcome).toEqual({ plannedUnits: 28, soldUnits: 21, forecastAccuracyPct: 75, stockOutRatePct: 0, measuredUpliftX100: 100 });
    // 10–16 November: B's shelf was empty from the 10th: 7 of 14 product-days out of stock.
    const empty = await call(core, 'planning.saveCampaign', { name: 'Pusto', startsOn: '2026-11-10', endsOn: '2026-11-16', productIds: [a, b], unitsPerProduct: 7 });
    expect(empty.outcome).toMatchObject({ soldUnits: 14, stockOutRatePct: 50 });
    expect(empty.products.find((p) => p.productId === b)).toMatchObject({ verdict: 'not_covered', daysOfCover: 0 });
  });

  it('a past campaign whose products sold too little before it gets no measured multiple (no ×15 from a handful of units)', async () => {
    const { core } = await shop();
    // G: one unit every fourth day — 7 in the 28 days before 1 November, then 5 during 1–7 November.
    const g = insertProduct(core, { sku: 'G-1', name: 'Gąbka', salePriceGrosze: 500, purchasePriceGrosze: 200 });
    const ledger = core.sqlite.prepare("INSERT INTO stock_ledger (product_id, kind, quantity, reason, actor, created_at) VALUES (?, ?, ?, 'test', 'system', ?)");
    ledger.run(g, 'receipt', 100, '2026-08-01T08:00:00.000Z');
    for (let day = Date.parse('2026-10-04T11:00:00.000Z'); day < Date.parse('2026-11-01T00:00:00.000Z'); day += 4 * DAY) ledger.run(g, 'sale', -1, new Date(day).toISOString());
    for (let i = 1; i <= 5; i++) ledger.run(g, 'sale', -1, `2026-11-0${i}T11:00:00.000Z`);
    const few = await call(core, 'planning.saveCampaign', { name: 'Gąbki', startsOn: '2026-11-01', endsOn: '2026-11-07', productIds: [g], upliftX100: 200 });
    expect(few.outcome).toMatchObject({ soldUnits: 5, measuredUpliftX100: null });
  });

  it('refuses a campaign that ends before it starts', async () => {
    const { core, a } = await shop();
    await expect(call(core, 'planning.saveCampaign', { name: 'Wstecz', startsOn: '2026-12-20', endsOn: '2026-12-14', productIds: [a], upliftX100: 200 })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(core.sqlite.prepare('SELECT count(*) FROM promotions').pluck().get()).toBe(0);
  });
});
