/**
 * Promotions seen in Allegro imports (issue 17 point 4). A shop on Wednesday 9 December 2026 whose three
 * products each sold 1 unit a day over the last 13 weeks, with stock all along. From Monday 16 to Friday
 * 20 November A and B ran in an Allegro CAMPAIGN and sold 3 a day each, every unit on a CAMPAIGN line:
 * 30 units over 10 product-days against 1 a product-day in the 4 weeks before = an uplift of ×3.00 by
 * construction. C's one sale on 25 November used a COUPON (its normal day: ×1.00). A's normal sale on
 * 3 December was again on a CAMPAIGN line: twelve quiet days after the first, a promotion of its own,
 * measured against 28 days that include the first campaign (38 units) = 1 ÷ (38/28) = ×0.74. A cancelled
 * CAMPAIGN order is not a sale.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { insertOrder, insertProduct } from '../orders/order-fixtures';
import { tempCoreDisposedAfterEach } from '../../support/temp-core';

const NOW = new Date('2026-12-09T09:00:00.000Z');
const DAY = 86_400_000;

const newShopCore = tempCoreDisposedAfterEach();

async function shop() {
  const t = await newShopCore({ now: () => NOW });
  const core = t.core;
  const a = insertProduct(core, { sku: 'A-1', name: 'Karma A', salePriceGrosze: 1_000 });
  const b = insertProduct(core, { sku: 'B-1', name: 'Karma B', salePriceGrosze: 1_000 });
  const c = insertProduct(core, { sku: 'C-1', name: 'Kubek C', salePriceGrosze: 1_000 });
  const ledger = core.sqlite.prepare("INSERT INTO stock_ledger (product_id, kind, quantity, reason, actor, created_at) VALUES (?, ?, ?, 'test', 'system', ?)");
  for (const id of [a, b, c]) ledger.run(id, 'receipt', 1_000, '2026-08-01T08:00:00.000Z');
  const discounted = (productId: number, at: string, quantity: number, type: string, status: 'new' | 'cancelled' = 'new') => {
    const orderId = insertOrder(core, { boughtAt: at, status, lines: [{ productId, quantity }] });
    core.sqlite.prepare('UPDATE order_lines SET discount_types = ?, original_unit_price_grosze = 1200 WHERE order_id = ?').run(type, orderId);
  };
  for (let i = 91; i >= 1; i--) {
    const at = new Date(Date.parse('2026-12-09T11:00:00.000Z') - i * DAY).toISOString();
    const day = at.slice(0, 10);
    const campaign = day >= '2026-11-16' && day <= '2026-11-20';
    for (const id of [a, b, c]) {
      const units = campaign && id !== c ? 3 : 1;
      ledger.run(id, 'sale', -units, at);
      if (campaign && id !== c) discounted(id, at, units, 'CAMPAIGN');
    }
    if (day === '2026-11-25') discounted(c, at, 1, 'COUPON');
    if (day === '2026-12-03') discounted(a, at, 1, 'CAMPAIGN');
    if (day === '2026-11-30') discounted(c, at, 5, 'CAMPAIGN', 'cancelled');
  }
  return { core, a, b, c };
}

describe('promotions seen in Allegro imports', () => {
  it('groups discounted sales by type and run of days, with the uplift known by construction', async () => {
    const { core, a, b, c } = await shop();
    const seen = await call(core, 'planning.seenPromotions', {});
    expect(seen.map((s) => [s.discountType, s.startsOn, s.endsOn, s.discountedUnits, s.soldUnits, s.measuredUpliftX100])).toEqual([
      ['CAMPAIGN', '2026-12-03', '2026-12-03', 1, 1, 74],
      ['COUPON', '2026-11-25', '2026-11-25', 1, 1, 100],
      ['CAMPAIGN', '2026-11-16', '2026-11-20', 30, 30, 300],
    ]);
    const first = seen[2]!;
    expect(first.products.map((p) => [p.productId, p.discountedUnits]).sort()).toEqual([[a, 15], [b, 15]].sort());
    expect(seen[1]!.products.map((p) => p.productId)).toEqual([c]);
    expect(seen.every((s) => s.campaignId === null)).toBe(true);

    // Kept as a campaign: its dates, products and measured multiple, marked as from Allegro.
    const kept = await call(core, 'planning.saveCampaign', {
      name: 'Kampania Allegro 16–20.11', startsOn: first.startsOn, endsOn: first.endsOn,
      productIds: first.products.map((p) => p.productId), upliftX100: first.measuredUpliftX100!, allegroDiscountType: 'CAMPAIGN',
    });
    expect(kept.phase).toBe('past');
    expect(kept.allegroDiscountType).toBe('CAMPAIGN');
    // The campaign's outcome measures the same ×3.00: the next campaign's default learns from it.
    expect(kept.outcome).toMatchObject({ soldUnits: 30, measuredUpliftX100: 300 });
    const campaigns = await call(core, 'planning.campaigns', {});
    const lastPast = campaigns.find((x) => x.phase === 'past' && x.outcome?.measuredUpliftX100 != null)!;
    expect(lastPast.id).toBe(kept.id);
    const again = await call(core, 'planning.seenPromotions', {});
    expect(again.map((s) => s.campaignId)).toEqual([null, null, kept.id]);
  });

  it('does not offer again a promotion the owner typed in by hand for the same days', async () => {
    const { core, a } = await shop();
    const typed = await call(core, 'planning.saveCampaign', { name: 'Moja promocja', startsOn: '2026-11-25', endsOn: '2026-11-25', productIds: [a], upliftX100: 150 });
    // Another Allegro type on the same days is a different promotion: a campaign kept from a CAMPAIGN is not a COUPON.
    await call(core, 'planning.saveCampaign', { name: 'Kampania', startsOn: '2026-12-03', endsOn: '2026-12-03', productIds: [a], upliftX100: 150, allegroDiscountType: 'COUPON' });
    const seen = await call(core, 'planning.seenPromotions', {});
    expect(seen.map((s) => [s.discountType, s.startsOn, s.campaignId])).toEqual([
      ['CAMPAIGN', '2026-12-03', null],
      ['COUPON', '2026-11-25', typed.id],
      ['CAMPAIGN', '2026-11-16', null],
    ]);
  });

  it('refuses a discount type that is not an Allegro enum word', async () => {
    const { core, a } = await shop();
    await expect(call(core, 'planning.saveCampaign', { name: 'X', startsOn: '2026-11-16', endsOn: '2026-11-20', productIds: [a], upliftX100: 200, allegroDiscountType: 'campaign; drop' })).rejects.toThrow();
  });
});
