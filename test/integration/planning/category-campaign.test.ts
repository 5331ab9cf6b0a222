/**
 * A campaign for a whole category (issue 17 point 4): the check covers the category's products at the
 * time of the check. A shop of five products on Wednesday 9 December 2026, each sold 1 unit a day over
 * the last 13 weeks: three in "Karmy" (K-1 with 109 left, K-2 with 4 left, K-3 with 109 left), one in
 * "Zabawki", one with no category. A "Karmy" campaign must check exactly K-1, K-2 and K-3.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { resultsSummary } from '../../../electron/core/results/results.service';
import { insertProduct } from '../orders/order-fixtures';
import { ResultsShop } from '../results/shop-builder';
import { tempCoreDisposedAfterEach } from '../../support/temp-core';

const NOW = new Date('2026-12-09T09:00:00.000Z');
const DAY = 86_400_000;

const newShopCore = tempCoreDisposedAfterEach();

async function shop() {
  const t = await newShopCore({ now: () => NOW });
  const core = t.core;
  const product = (sku: string, category: string | null) => {
    const id = insertProduct(core, { sku, name: `Produkt ${sku}`, salePriceGrosze: 1_000, purchasePriceGrosze: 500 });
    core.sqlite.prepare('UPDATE products SET category = ? WHERE id = ?').run(category, id);
    return id;
  };
  const k1 = product('K-1', 'Karmy');
  const k2 = product('K-2', 'Karmy');
  const k3 = product('K-3', 'Karmy');
  const z1 = product('Z-1', 'Zabawki');
  const n1 = product('N-1', null);
  const ledger = core.sqlite.prepare("INSERT INTO stock_ledger (product_id, kind, quantity, reason, actor, created_at) VALUES (?, ?, ?, 'test', 'system', ?)");
  for (const id of [k1, k3, z1, n1]) ledger.run(id, 'receipt', 200, '2026-08-01T08:00:00.000Z');
  ledger.run(k2, 'receipt', 95, '2026-08-01T08:00:00.000Z');
  for (let i = 91; i >= 1; i--) {
    const at = new Date(Date.parse('2026-12-09T11:00:00.000Z') - i * DAY).toISOString();
    for (const id of [k1, k2, k3, z1, n1]) ledger.run(id, 'sale', -1, at);
  }
  return { core, k1, k2, k3, z1, n1 };
}

const plan = { name: 'Tydzień karm', startsOn: '2026-12-14', endsOn: '2026-12-18', category: 'Karmy', unitsPerProduct: 10 };

describe('campaign for a whole category', () => {
  it('checks exactly the category’s products, with the units per product', async () => {
    const { core, k1, k2, k3 } = await shop();
    const c = await call(core, 'planning.saveCampaign', plan);
    expect(c.category).toBe('Karmy');
    expect(c.products.map((p) => p.productId).sort()).toEqual([k1, k2, k3].sort());
    expect(c.products.every((p) => p.expectedUnits === 10)).toBe(true);
    // K-2: 4 left, 5 more expected at 1 a day before Monday 14th: nothing on the shelf (a day sells at most
    // what is there: 0, not −1), 10 short, no supplier.
    expect(c.products.find((p) => p.productId === k2)).toMatchObject({ stockAtStart: 0, shortfall: 10, verdict: 'not_covered' });
    // K-1: 109 − 5 = 104 at the start, 10 needed.
    expect(c.products.find((p) => p.productId === k1)).toMatchObject({ stockAtStart: 104, shortfall: 0, verdict: 'covered' });
    expect(c.verdict).toBe('not_covered');
    expect(core.sqlite.prepare('SELECT count(*) FROM promotion_items WHERE promotion_id = ?').pluck().get(c.id)).toBe(0);
  });

  it('follows the category at the time of the check: a product moved in is checked, an archived one is not', async () => {
    const { core, k1, k2, k3, z1 } = await shop();
    const c = await call(core, 'planning.saveCampaign', { ...plan, unitsPerProduct: undefined, upliftX100: 200 });
    // A multiple of normal sales: 1 a day × 5 days × 2.
    expect(c.products.map((p) => p.expectedUnits)).toEqual([10, 10, 10]);
    await call(core, 'stock.updateProduct', { id: z1, category: 'Karmy' });
    await call(core, 'stock.updateProduct', { id: k3, archived: true });
    const again = (await call(core, 'planning.campaigns', {})).find((x) => x.id === c.id)!;
    expect(again.products.map((p) => p.productId).sort()).toEqual([k1, k2, z1].sort());
  });

  it('a listed campaign says no category; a past category campaign is measured against its plan', async () => {
    const { core, k1 } = await shop();
    const listed = await call(core, 'planning.saveCampaign', { name: 'Jeden', startsOn: '2026-12-14', endsOn: '2026-12-18', productIds: [k1], upliftX100: 150 });
    expect(listed.category).toBeNull();
    // 1–7 November: each of the three sold 1 a day (21) against 3 × 14 planned.
    const past = await call(core, 'planning.saveCampaign', { ...plan, startsOn: '2026-11-01', endsOn: '2026-11-07', unitsPerProduct: 14 });
    expect(past.outcome).toMatchObject({ plannedUnits: 42, soldUnits: 21, forecastAccuracyPct: 50, stockOutRatePct: 0, measuredUpliftX100: 100 });
  });

  it('refuses products and a category together, neither, or a category no product on sale has; stores nothing', async () => {
    const { core, k1 } = await shop();
    await expect(call(core, 'planning.saveCampaign', { ...plan, productIds: [k1] })).rejects.toMatchObject({ code: 'invalid_input' });
    const { category: _c, ...neither } = plan;
    await expect(call(core, 'planning.saveCampaign', neither)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call(core, 'planning.saveCampaign', { ...plan, category: 'Smycze' })).rejects.toMatchObject({ code: 'not_found', details: { field: 'category' } });
    expect(core.sqlite.prepare('SELECT count(*) FROM promotions').pluck().get()).toBe(0);
  });

  it('Wyniki counts the stock-outs during a category campaign apart, as for a listed one', async () => {
    const t = await newShopCore({ now: () => new Date('2026-10-30T12:00:00.000Z') });
    const b = new ResultsShop(t.core);
    // B (in "Karmy"): one on the shelf, sold 21 Oct, three more on 24 Oct → out 21–24 Oct; A (no category) never out.
    const a = b.product('A');
    const out = b.product('B');
    t.core.sqlite.prepare("UPDATE products SET category = 'Karmy' WHERE id = ?").run(out);
    b.ledger(a, '2026-10-01T08:00:00.000Z', 1000);
    b.ledger(out, '2026-10-10T08:00:00.000Z', 1);
    b.ledger(out, '2026-10-21T10:00:00.000Z', -1, 'sale');
    b.ledger(out, '2026-10-24T10:00:00.000Z', 3);
    await call(t.core, 'planning.saveCampaign', { name: 'Karmy jesienią', startsOn: '2026-10-23', endsOn: '2026-10-25', category: 'Karmy', upliftX100: 200 });
    const s = resultsSummary(t.core, { from: '2026-10-19', to: '2026-11-01' });
    // 23, 24, 25 Oct of B: 3 product-days, 23 and 24 began empty.
    expect(s.current).toMatchObject({ campaignProductDays: 3, campaignStockoutDays: 2 });
  });
});

describe('demo shop: categories', () => {
  it('gives every product one of its four categories, so the campaign form offers them', async () => {
    const t = await newShopCore({ now: () => new Date('2026-12-07T05:40:00.000Z') });
    await call(t.core, 'shop.loadDemo', {});
    const categories = await call(t.core, 'stock.categories', {});
    expect(categories.map((c) => c.category)).toEqual(['Dom i tekstylia', 'Kuchnia', 'Miód i herbata', 'Ogród']);
    expect(t.core.sqlite.prepare('SELECT count(*) FROM products WHERE category IS NULL').pluck().get()).toBe(0);
    // A check of a whole category covers its products on sale.
    const onSale = t.core.sqlite.prepare("SELECT count(*) FROM products WHERE category = 'Miód i herbata' AND archived = 0").pluck().get();
    const c = await call(t.core, 'planning.saveCampaign', { name: 'Miodowy tydzień', startsOn: '2026-12-14', endsOn: '2026-12-20', category: 'Miód i herbata', upliftX100: 200 });
    expect(c.products).toHaveLength(onSale as number);
  });
});
