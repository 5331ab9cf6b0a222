import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedWalk } from '../../../electron/core/accounting/shared-walk';
import { fifoWalk, paidNotShipped } from '../../../electron/core/accounting/stock-fifo';
import { stockValuation } from '../../../electron/core/export/stock-valuation';
import { call } from '../../../electron/core/dispatch';
import { tempCore, type TempCore } from '../../support/temp-core';

/**
 * Issue 16: opening Raporty waited 3–5 s for "Magazyn w miesiącu" on a 100k-order shop — the FIFO walk
 * read the ledger with one query per product, the goods paid-not-shipped tested every paid order of the
 * shop's history, and nothing was kept. Now the ledger is one paged stream, the paid-not-shipped orders
 * are found from the open ones and the later shipments, and the month is kept until the shop changes.
 * On a real SQLite file; the figures are known by construction.
 */
let t: TempCore;
let big: number;
let small: number;
const SAME_TIME = '2026-11-10T08:00:00.000Z';

function product(sku: string, card: number | null): number {
  const at = '2026-09-01T08:00:00.000Z';
  return Number(
    t.core.sqlite.prepare('INSERT INTO products (sku, name, purchase_price_grosze, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(sku, `Towar ${sku}`, card, at, at).lastInsertRowid,
  );
}

function order(status: string, paidAt: string | null): number {
  return Number(
    t.core.sqlite
      .prepare(`INSERT INTO orders (source, status, bought_at, paid_at, total_to_pay_grosze, created_at, updated_at) VALUES ('manual', ?, ?, ?, 0, ?, ?)`)
      .run(status, paidAt ?? '2026-10-01T08:00:00.000Z', paidAt, '2026-10-01T08:00:00.000Z', '2026-10-01T08:00:00.000Z').lastInsertRowid,
  );
}

function line(orderId: number, productId: number, quantity: number): void {
  t.core.sqlite.prepare('INSERT INTO order_lines (order_id, product_id, name, quantity, unit_price_grosze) VALUES (?, ?, ?, ?, 1000)').run(orderId, productId, 'Towar', quantity);
}

const ledger = (productId: number, kind: string, quantity: number, unitCost: number | null, at: string, orderId: number | null = null) =>
  t.core.sqlite
    .prepare('INSERT INTO stock_ledger (product_id, kind, quantity, reason, actor, unit_cost_grosze, order_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(productId, kind, quantity, 'test', 'owner', unitCost, orderId, at);

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-12-08T10:00:00Z') });
  small = product('A-MALY', 300);
  big = product('B-DUZY', 100);
  const last = product('C-OSTATNI', 50);
  // 5,003 one-unit receipts of B at one and the same instant, at 1,00 zł … 5,003 zł: more than a page of the
  // ledger's stream, cut in the middle of equal times (the id decides the order there). FIFO: the sale of
  // 5,000 in December takes the first 5,000, so 3 units are left, the last three prices.
  const many = t.core.sqlite.transaction(() => {
    for (let i = 1; i <= 5003; i++) ledger(big, 'receipt', 1, 100 * i, SAME_TIME);
  });
  many();
  ledger(small, 'receipt', 4, 300, '2026-11-01T08:00:00.000Z');
  ledger(last, 'receipt', 2, 50, '2026-11-02T08:00:00.000Z');
  const shipped = order('shipped', '2026-11-20T08:00:00.000Z');
  ledger(big, 'sale', -5000, null, '2026-12-02T08:00:00.000Z', shipped);
  line(shipped, big, 5000);
  // Paid in November, shipped in December: sold, not shipped at the end of November only.
  const open = order('to_pick', '2026-11-28T08:00:00.000Z');
  line(open, small, 1);
});
afterAll(() => t.dispose());

describe('stock by FIFO over a big ledger', () => {
  it('walks every entry of a product whose movements fill more than a page, in time then id order', async () => {
    const november = await fifoWalk(t.core.db, '2026-11-30');
    const b = november.rows.find((r) => r.productId === big);
    expect(b?.quantity).toBe(5003);
    expect(b?.value).toBe((100 * 5003 * 5004) / 2);
    expect(november.rows.map((r) => r.sku)).toEqual(['A-MALY', 'B-DUZY', 'C-OSTATNI']);
    const december = await fifoWalk(t.core.db, '2026-12-31', { periodFrom: '2026-12-01' });
    const left = december.rows.find((r) => r.productId === big);
    expect(left?.layers.map((l) => l.unitCost)).toEqual([500_100, 500_200, 500_300]);
    expect(december.flows?.sales).toBe((100 * 5000 * 5001) / 2);
    expect(december.opening).toBe((100 * 5003 * 5004) / 2 + 4 * 300 + 2 * 50);
  });

  it('finds the goods paid but not shipped from the open orders and the later shipments', async () => {
    expect(await paidNotShipped(t.core.db, '2026-11-30')).toEqual([
      { productId: small, quantity: 1, orders: 1 },
      { productId: big, quantity: 5000, orders: 1 },
    ]);
    expect(await paidNotShipped(t.core.db, '2026-12-31')).toEqual([{ productId: small, quantity: 1, orders: 1 }]);
    expect(await paidNotShipped(t.core.db, '2026-10-31')).toEqual([]);
  });

  it('keeps the month until the shop changes', async () => {
    const first = await call(t.core, 'accounting.stockMonth', { month: '2026-12' });
    expect(await call(t.core, 'accounting.stockMonth', { month: '2026-12' })).toBe(first);
    ledger(small, 'adjustment', -1, null, '2026-12-05T08:00:00.000Z');
    const after = await call(t.core, 'accounting.stockMonth', { month: '2026-12' });
    expect(after).not.toBe(first);
    expect(after.writeOffs).toBe(first.writeOffs + 300);
    expect(after.closing).toBe(first.closing - 300);
  });

  it('walks the ledger once for the valuation at a month end and that month, with the same figures as walking alone', async () => {
    const walk = sharedWalk(t.core, '2026-11-30');
    expect(sharedWalk(t.core, '2026-11-30')).toBe(walk);
    const [preview, month] = await Promise.all([
      call(t.core, 'export.stockValuationPreview', { date: '2026-11-30' }),
      call(t.core, 'accounting.stockMonth', { month: '2026-11' }),
    ]);
    expect(sharedWalk(t.core, '2026-11-30')).toBe(walk);
    const alone = await stockValuation(t.core.db, '2026-11-30');
    expect(preview).toEqual({ date: alone.date, products: alone.products, units: alone.units, value: alone.value, withoutPrice: alone.withoutPrice, negative: alone.negative });
    expect(month.closing).toBe(alone.value);
    const own = await fifoWalk(t.core.db, '2026-11-30', { periodFrom: '2026-11-01' });
    expect(month.opening).toBe(own.opening);
    expect(month.receipts).toBe(own.flows?.receipts);
    // A write: the next ask walks again.
    ledger(small, 'adjustment', -1, null, '2026-11-29T08:00:00.000Z');
    expect(sharedWalk(t.core, '2026-11-30')).not.toBe(walk);
  });
});
