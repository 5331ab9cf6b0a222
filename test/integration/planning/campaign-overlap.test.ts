/**
 * Two campaigns on the same product (auditor's finding on the demo: "Sezon w ogrodzie" ran Cebulki out by
 * 19.12, yet a campaign from 20.12 still started with "Na start 6 szt." — its check took only normal sales
 * before it). Built so every number is known: on Wednesday 9 December 2026 Kubek has sold exactly 1 a day
 * for 13 weeks (no weekday pattern, no trend) and 10 are left.
 *   A: Mon 14 – Fri 18 Dec, ×3 → 15 units, 3 a day.   B: Thu 17 – Wed 23 Dec, ×2 → 14 units, 2 a day.
 * Rule: a day sells the normal sales, or on a campaign's days its plan; on a day both run, the larger plan
 * (3), not the sum (5); a day sells at most what is on the shelf.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { insertProduct } from '../orders/order-fixtures';
import { tempCoreDisposedAfterEach } from '../../support/temp-core';

const NOW = new Date('2026-12-09T09:00:00.000Z');
const DAY = 86_400_000;
const newShopCore = tempCoreDisposedAfterEach();

async function shop() {
  const t = await newShopCore({ now: () => NOW });
  const core = t.core;
  const mug = insertProduct(core, { sku: 'KUB-1', name: 'Kubek', salePriceGrosze: 1_000, purchasePriceGrosze: 500 });
  const ledger = core.sqlite.prepare("INSERT INTO stock_ledger (product_id, kind, quantity, reason, actor, created_at) VALUES (?, ?, ?, 'test', 'system', ?)");
  ledger.run(mug, 'receipt', 101, '2026-08-01T08:00:00.000Z');
  for (let i = 91; i >= 1; i--) ledger.run(mug, 'sale', -1, new Date(Date.parse('2026-12-09T11:00:00.000Z') - i * DAY).toISOString());
  const a = await call(core, 'planning.saveCampaign', { name: 'A', startsOn: '2026-12-14', endsOn: '2026-12-18', productIds: [mug], upliftX100: 300 });
  const b = await call(core, 'planning.saveCampaign', { name: 'B', startsOn: '2026-12-17', endsOn: '2026-12-23', productIds: [mug], upliftX100: 200 });
  return { core, mug, a, b };
}

describe('overlapping campaigns on one product', () => {
  it('the later one starts with what the earlier one leaves, and a shared day is counted once, at the larger plan', async () => {
    const { core, a, b } = await shop();
    const list = await call(core, 'planning.campaigns', {});
    const card = (id: number) => list.find((c) => c.id === id)!;
    // B: 5 after 13 Dec, A sells 3 on the 14th and the last 2 on the 15th: nothing on the shelf on the 17th
    // (was 10 − 8 normal days = 2). Its days: 17–18 shared with A (3 each, not 3 + 2), 19–23 2 each = 16.
    expect(card(b.id).products[0]).toMatchObject({ expectedUnits: 14, stockAtStart: 0, neededUnits: 16, daysOfCover: 0, shortfall: 16, verdict: 'not_covered' });
    expect(card(b.id).countedCampaigns).toEqual([{ id: a.id, name: 'A' }]);
    // A: 10 − 5 normal days (9–13 Dec) = 5 at the start; 3 a day covers 1 day; 15 needed (17–18 shared with
    // B: max(3, 2) = 3, so A's own days are unchanged), 10 short.
    expect(card(a.id).products[0]).toMatchObject({ expectedUnits: 15, stockAtStart: 5, neededUnits: 15, daysOfCover: 1, shortfall: 10, verdict: 'not_covered' });
    expect(card(a.id).countedCampaigns).toEqual([{ id: b.id, name: 'B' }]);
    expect(card(b.id).verdict).toBe('not_covered');
  });

  it('a delivery due before the later campaign starts is on its shelf', async () => {
    const { core, mug, b } = await shop();
    const supplier = await call(core, 'planning.saveSupplier', { name: 'Hurtownia', nip: '526-000-12-46', leadTimeDays: 5, minimumOrderGrosze: 0 });
    const po = core.sqlite
      .prepare("INSERT INTO purchase_orders (number, supplier_id, service_level, created_at, expected_at, actor) VALUES ('ZD/1', ?, 95, ?, '2026-12-16', 'owner')")
      .run(supplier.id, NOW.toISOString()).lastInsertRowid;
    core.sqlite.prepare('INSERT INTO purchase_order_lines (purchase_order_id, product_id, quantity) VALUES (?, ?, 20)').run(po, mug);
    const again = await call(core, 'planning.campaigns', {});
    // 0 on the 16th before the delivery, + 20, − 3 (A) = 17 on the 17th; 16 needed: covered, all 7 days.
    expect(again.find((c) => c.id === b.id)!.products[0]).toMatchObject({ stockAtStart: 17, neededUnits: 16, daysOfCover: 7, shortfall: 0, verdict: 'covered' });
  });
});
