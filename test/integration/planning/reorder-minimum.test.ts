/**
 * A supplier's minimum order (belowMinimum of planning.reorder, issue 17 audit). On Wednesday 9 December
 * 2026 three products each sold exactly 2 units every day of the last 13 weeks and have 10 left, bought
 * at 40,00 zł: no spread, so no safety stock; both suppliers deliver in 5 working days (arrives Wednesday
 * 16 December, 7 calendar days), so each proposal is 2 × (7 + 7) − 10 = 18 units = 720,00 zł.
 * "Hurtownia Duża" wants at least 720,01 zł (one grosz more: below), "Hurtownia Mała" exactly 720,00 zł
 * (reached), and the third product has no supplier (no minimum to reach).
 */
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { insertProduct } from '../orders/order-fixtures';
import { tempCoreDisposedAfterEach } from '../../support/temp-core';

const NOW = new Date('2026-12-09T09:00:00.000Z');
const DAY = 86_400_000;
const PROPOSAL_GROSZE = 18 * 4_000;

const newShopCore = tempCoreDisposedAfterEach();

async function shop() {
  const t = await newShopCore({ now: () => NOW });
  const core = t.core;
  const product = (sku: string) => insertProduct(core, { sku, name: `Garnek ${sku}`, salePriceGrosze: 10_000, purchasePriceGrosze: 4_000 });
  const big = product('D-1');
  const small = product('M-1');
  const none = product('N-1');
  const ledger = core.sqlite.prepare("INSERT INTO stock_ledger (product_id, kind, quantity, reason, actor, created_at) VALUES (?, ?, ?, 'test', 'system', ?)");
  for (const id of [big, small, none]) {
    ledger.run(id, 'receipt', 192, '2026-08-01T08:00:00.000Z');
    // The 91 whole days before 9 December, a sale of 2 at noon Warsaw time each: 192 − 182 = 10 left.
    for (let i = 91; i >= 1; i--) ledger.run(id, 'sale', -2, new Date(Date.parse('2026-12-09T11:00:00.000Z') - i * DAY).toISOString());
  }
  const duza = await call(core, 'planning.saveSupplier', { name: 'Hurtownia Duża', nip: '526-000-12-46', leadTimeDays: 5, minimumOrderGrosze: PROPOSAL_GROSZE + 1 });
  const mala = await call(core, 'planning.saveSupplier', { name: 'Hurtownia Mała', nip: '123-456-32-18', leadTimeDays: 5, minimumOrderGrosze: PROPOSAL_GROSZE });
  await call(core, 'planning.assignSupplier', { productIds: [big], supplierId: duza.id });
  await call(core, 'planning.assignSupplier', { productIds: [small], supplierId: mala.id });
  return { core, big, small, none, duza, mala };
}

describe("reorder proposals and the supplier's minimum order", () => {
  it('flags the supplier whose minimum the proposal does not reach, and only that one', async () => {
    const { core, big, small, none, duza, mala } = await shop();
    const out = await call(core, 'planning.reorder', { serviceLevel: 95 });
    // Suppliers by name (Polish order), the products without a supplier last.
    expect(out.groups.map((g) => g.supplierId)).toEqual([duza.id, mala.id, null]);
    const [d, m, n] = out.groups as [(typeof out.groups)[number], (typeof out.groups)[number], (typeof out.groups)[number]];
    expect(d.lines.map((l) => [l.productId, l.safetyStock, l.quantity, l.valueGrosze])).toEqual([[big, 0, 18, 72_000]]);
    expect(m.lines.map((l) => [l.productId, l.safetyStock, l.quantity, l.valueGrosze])).toEqual([[small, 0, 18, 72_000]]);
    expect(n.lines.map((l) => [l.productId, l.quantity, l.valueGrosze])).toEqual([[none, 18, 72_000]]);
    expect(d).toMatchObject({ supplierName: 'Hurtownia Duża', arrivesOn: '2026-12-16', minimumOrderGrosze: 72_001, totalGrosze: 72_000, belowMinimum: true });
    expect(m).toMatchObject({ supplierName: 'Hurtownia Mała', arrivesOn: '2026-12-16', minimumOrderGrosze: 72_000, totalGrosze: 72_000, belowMinimum: false });
    expect(n).toMatchObject({ supplierName: null, minimumOrderGrosze: 0, totalGrosze: 72_000, belowMinimum: false });
  });

  it('a second product for the same supplier lifts the proposal over its minimum', async () => {
    const { core, small, duza } = await shop();
    // M-1 moves to Hurtownia Duża: 2 × 720,00 zł = 1 440,00 zł ≥ 720,01 zł.
    await call(core, 'planning.assignSupplier', { productIds: [small], supplierId: duza.id });
    const out = await call(core, 'planning.reorder', { serviceLevel: 95 });
    const d = out.groups.find((g) => g.supplierId === duza.id)!;
    expect(d.lines).toHaveLength(2);
    expect(d).toMatchObject({ totalGrosze: 144_000, minimumOrderGrosze: 72_001, belowMinimum: false });
  });
});
