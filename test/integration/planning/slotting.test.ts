/**
 * Slotting hint (issue 17 point 5): "A-products on shelves nearest the packing table". A shop whose answer
 * is known by construction, on Wednesday 9 December 2026; every product sells at 10,00 zł, so the ABC
 * split (80 % / 95 % of sales value) follows units sold over the 13-week window (241 units in all):
 * - P1 100 units, shelf B-01 (far)   → A (0 before it)
 * - P2  80 units, shelf A-01 (near)  → A (100 before it) — already near: not listed
 * - P3  60 units, no shelf           → A (180 < 192,8 before it) — no shelf counts as far
 * - P4   1 unit,  shelf A-02 (near)  → C (240 ≥ 228,95 before it)
 * - P5   0 units, shelf A-01 (near)  → C
 * - P6   0 units, shelf B-02 (far)   → C — far already: not listed
 * - P7   0 units, shelf A-02, archived — not on sale: not listed
 * Near shelves "a-01, A-02" (any case): far A = P1, P3 (most sold first); near C = P5, P4 (least sold
 * first); P1 swaps with P5, P3 with P4.
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
  const shelf = async (code: string) => (await call(core, 'stock.saveLocation', { code })).id;
  const [a1, a2, b1, b2] = [await shelf('A-01'), await shelf('A-02'), await shelf('B-01'), await shelf('B-02')];
  const ledger = core.sqlite.prepare("INSERT INTO stock_ledger (product_id, kind, quantity, reason, actor, created_at) VALUES (?, ?, ?, 'test', 'system', ?)");
  const product = (sku: string, locationId: number | null, sold: number, archived = false) => {
    const id = insertProduct(core, { sku, name: `Produkt ${sku}`, locationId, salePriceGrosze: 1_000, archived });
    ledger.run(id, 'receipt', 500, '2026-08-01T08:00:00.000Z');
    // One unit a day, on the days before today (inside the 91-day window).
    for (let i = 1; i <= sold; i++) ledger.run(id, 'sale', -1, new Date(NOW.getTime() - (i % 88 + 1) * DAY).toISOString());
    return id;
  };
  return {
    core,
    p1: product('P1', b1, 100),
    p2: product('P2', a1, 80),
    p3: product('P3', null, 60),
    p4: product('P4', a2, 1),
    p5: product('P5', a1, 0),
    p6: product('P6', b2, 0),
    p7: product('P7', a2, 0, true),
  };
}

describe('planning.slotting', () => {
  it('lists far A-products most sold first, near C-products least sold first, and pairs them', async () => {
    const { core, p1, p3, p4, p5 } = await shop();
    const settings = await call(core, 'settings.update', { nearPackingShelves: ['a-01', 'A-02'] });
    expect(settings.nearPackingShelves).toEqual(['a-01', 'A-02']);
    const hint = await call(core, 'planning.slotting', {});
    expect(hint.nearShelves).toEqual(['a-01', 'A-02']);
    expect(hint.farA.map((p) => [p.sku, p.shelf, p.unitsSold, p.abc])).toEqual([
      ['P1', 'B-01', 100, 'A'],
      ['P3', null, 60, 'A'],
    ]);
    expect(hint.nearC.map((p) => [p.sku, p.shelf, p.unitsSold, p.abc])).toEqual([
      ['P5', 'A-01', 0, 'C'],
      ['P4', 'A-02', 1, 'C'],
    ]);
    expect(hint.farA.map((p) => [p.productId, p.swapWith?.productId])).toEqual([
      [p1, p5],
      [p3, p4],
    ]);
    expect(hint).toMatchObject({ farATotal: 2, nearCTotal: 2 });
    // The same classes as planning.classes gives Magazyn.
    const classes = await call(core, 'planning.classes', { productIds: [p1, p3, p4, p5] });
    expect(classes.map((c) => c.abc)).toEqual(['A', 'A', 'C', 'C']);
  });

  it('takes a prefix for a whole row of shelves', async () => {
    const { core } = await shop();
    await call(core, 'settings.update', { nearPackingShelves: ['B-'] });
    const hint = await call(core, 'planning.slotting', {});
    // Near = B-01, B-02: P2 and P3 (no shelf) are far A; P6 (B-02) is the near C; P1 is near already.
    expect(hint.farA.map((p) => p.sku)).toEqual(['P2', 'P3']);
    expect(hint.nearC.map((p) => p.sku)).toEqual(['P6']);
    expect(hint.farA.map((p) => p.swapWith?.sku ?? null)).toEqual(['P6', null]);
  });

  it('lists nothing while no near shelves are set, and refuses an empty shelf code', async () => {
    const { core } = await shop();
    expect((await call(core, 'settings.get', {})).nearPackingShelves).toEqual([]);
    expect(await call(core, 'planning.slotting', {})).toEqual({ nearShelves: [], farA: [], farATotal: 0, nearC: [], nearCTotal: 0 });
    await expect(call(core, 'settings.update', { nearPackingShelves: ['  '] })).rejects.toThrow();
  });
});
