/**
 * The sales rate of reorder proposals and the campaign check (issue 17 point 5): weekday- and
 * trend-aware, read from a generated ledger whose pattern is known by construction. On Wednesday
 * 9 December 2026 the window is the 91 days 9 September … 8 December (13 whole weeks). Product W sold,
 * on each Monday–Friday m units, on Saturday 2m, on Sunday none (weekday factors 1,1,1,1,1,2,0: they
 * average 1), with m = 4 for the first nine weeks and m = 6 for the last four (level 6, trend 6/4 = 1.5).
 * Product S sold the same but its shelf was empty for a week (the 8th–2nd last weeks' days 70–76 of the
 * window): those days are left out, so its pattern, level and trend are W's. Product F sold 3 every day.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { daysOfCover, expectedUnits, readDemand, weekdayOf } from '../../../electron/core/planning/demand';
import { insertProduct } from '../../integration/orders/order-fixtures';
import { tempCore, type TempCore } from '../../support/temp-core';

const NOW = new Date('2026-12-09T09:00:00.000Z');
const DAY = 86_400_000;
const PATTERN = [1, 1, 1, 1, 1, 2, 0]; // Monday … Sunday
const FIRST_DAY = '2026-09-09';

const cleanups: TempCore[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!.dispose();
});

/** Units W sells on window day i (0 = 9 September). */
function sold(i: number): number {
  const m = i < 63 ? 4 : 6;
  return m * PATTERN[(weekdayOf(FIRST_DAY) + i) % 7]!;
}

async function shop() {
  const t = await tempCore({ now: () => NOW });
  cleanups.push(t);
  const core = t.core;
  const w = insertProduct(core, { sku: 'W-1', name: 'Wzorzec', salePriceGrosze: 1_000, purchasePriceGrosze: 500 });
  const s = insertProduct(core, { sku: 'S-1', name: 'Pusta półka', salePriceGrosze: 1_000, purchasePriceGrosze: 500 });
  const f = insertProduct(core, { sku: 'F-1', name: 'Płasko', salePriceGrosze: 1_000, purchasePriceGrosze: 500 });
  const ledger = core.sqlite.prepare("INSERT INTO stock_ledger (product_id, kind, quantity, reason, actor, created_at) VALUES (?, ?, ?, 'test', 'system', ?)");
  const at = (i: number, hourUtc: number) => new Date(Date.parse(`${FIRST_DAY}T00:00:00.000Z`) + i * DAY + hourUtc * 3_600_000).toISOString();
  ledger.run(w, 'receipt', 10_000, '2026-08-01T08:00:00.000Z');
  ledger.run(f, 'receipt', 10_000, '2026-08-01T08:00:00.000Z');
  // S: exactly what it sells until the end of day 69, then nothing on the shelf until a delivery on day 77.
  let sUntil69 = 0;
  for (let i = 0; i < 70; i++) sUntil69 += sold(i);
  ledger.run(s, 'receipt', sUntil69, '2026-08-01T08:00:00.000Z');
  for (let i = 0; i < 91; i++) {
    if (sold(i) > 0) ledger.run(w, 'sale', -sold(i), at(i, 10));
    if (i === 77) ledger.run(s, 'receipt', 10_000, at(i, 6));
    if (sold(i) > 0 && (i < 70 || i > 76)) ledger.run(s, 'sale', -sold(i), at(i, 10));
    ledger.run(f, 'sale', -3, at(i, 10));
  }
  return { core, w, s, f };
}

/** Expected units on the day k days after 9 December, by the definition (level × trend^((14 + k)/28) × weekday factor). */
function byConstruction(k: number): number {
  const growth = Math.min(2, 1.5 ** ((14 + k) / 28));
  return 6 * growth * PATTERN[(weekdayOf('2026-12-09') + k) % 7]!;
}

describe('sales rate: weekday pattern and trend', () => {
  it('reads the weekday factors, the last four weeks level and the trend, leaving out stock-out days', async () => {
    const { core, w, s, f } = await shop();
    const demand = readDemand(core.sqlite, NOW);
    expect(demand.firstDay).toBe(FIRST_DAY);
    for (const id of [w, s]) {
      const d = demand.byProduct.get(id)!;
      PATTERN.forEach((factor, wd) => expect(d.weekdayFactor[wd]).toBeCloseTo(factor, 10));
      expect(d.level).toBeCloseTo(6, 10);
      expect(d.trend).toBeCloseTo(1.5, 10);
    }
    // S's empty week: 7 stock-out days with no sale (day 77 began empty but sold: it counts).
    const sd = demand.byProduct.get(s)!;
    expect(Array.from(sd.stockOut.slice(70, 78))).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    // No pattern and no trend: the plain rate, as before.
    const fd = demand.byProduct.get(f)!;
    expect(Array.from(fd.weekdayFactor)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(fd.trend).toBe(1);
    expect(fd.level).toBe(3);
    expect(expectedUnits(fd, demand, 0, 10)).toBe(30);

    const wd = demand.byProduct.get(w)!;
    // Wednesday 9th … Tuesday 15th: five weekdays, a Saturday at twice, a Sunday with none.
    let week = 0;
    for (let k = 0; k < 7; k++) week += byConstruction(k);
    expect(expectedUnits(wd, demand, 0, 7)).toBeCloseTo(week, 9);
    expect(byConstruction(4)).toBe(0); // Sunday 13th
    // Cover: 30 units last Wed 9th (≈7.3) + Thu (≈7.4) + Fri (≈7.5) + Sat (≈15.1) → runs out on Saturday (k = 3).
    expect(daysOfCover(wd, demand, 30)).toBe(3);
  });

  it('reorder proposals and the campaign check use the expected sales of the coming days', async () => {
    const { core, w } = await shop();
    const supplier = await call(core, 'planning.saveSupplier', { name: 'Hurtownia', nip: '526-000-12-46', leadTimeDays: 5, minimumOrderGrosze: 0 });
    await call(core, 'planning.assignSupplier', { productIds: [w], supplierId: supplier.id });
    // On hand: 10 000 − everything sold; bring it to 20 so a proposal is due.
    const onHand = core.sqlite.prepare('SELECT on_hand FROM products WHERE id = ?').pluck().get(w) as number;
    core.sqlite.prepare("INSERT INTO stock_ledger (product_id, kind, quantity, reason, actor, created_at) VALUES (?, 'adjustment', ?, 'test', 'system', '2026-12-09T08:00:00.000Z')").run(w, 20 - onHand);
    const out = await call(core, 'planning.reorder', { serviceLevel: 50 }); // z = 0: no safety stock
    const line = out.groups.flatMap((g) => g.lines).find((l) => l.productId === w)!;
    // Arrives Wednesday 16th: 7 days of lead time; the proposal covers 7 + 7 days.
    let lead = 0;
    for (let k = 0; k < 7; k++) lead += byConstruction(k);
    let cover = 0;
    for (let k = 0; k < 14; k++) cover += byConstruction(k);
    expect(line).toMatchObject({ safetyStock: 0, reorderPoint: Math.ceil(lead), quantity: Math.ceil(cover - 20), dailySalesX100: Math.round((lead / 7) * 100) });
    // A weekend campaign (Saturday 12th – Sunday 13th) at twice the normal: a Saturday's and a Sunday's expected sales × 2.
    const campaign = await call(core, 'planning.saveCampaign', { name: 'Weekend', startsOn: '2026-12-12', endsOn: '2026-12-13', productIds: [w], upliftX100: 200 });
    expect(campaign.products[0]).toMatchObject({ expectedUnits: Math.ceil(2 * (byConstruction(3) + byConstruction(4))) });
    // The shelf at its start: 20 less Wednesday's to Friday's expected sales (≈ 22.2) — more than is there, and a
    // day sells at most what is on the shelf (29c0609), so it starts empty and is short of the whole campaign.
    const beforeStart = 20 - byConstruction(0) - byConstruction(1) - byConstruction(2);
    expect(beforeStart).toBeLessThan(0);
    expect(campaign.products[0]!.stockAtStart).toBe(Math.max(0, Math.floor(beforeStart)));
    expect(campaign.products[0]!.verdict).toBe('not_covered');
  });
});
