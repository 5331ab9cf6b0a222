/**
 * The foundation's stock invariant on a realistic database (the default demo shop, generated once for
 * this file): products.on_hand always equals the sum of the product's ledger entries and
 * products.reserved the sum of its reservations — straight after generation, after more entries are
 * appended the way the app appends them, and after a refused write. The ledger is append-only and
 * on-hand never goes below zero unless the product allows backorders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { appendLedger, onHandAt } from '../../electron/core/stock/ledger.repository';
import { releaseOrder, reserveOrder } from '../../electron/core/stock/reservations.repository';
import { tempCore, type TempCore } from '../support/temp-core';
import { DEMO_NOW } from './demo-support';

let t: TempCore;
const one = <T>(sql: string, ...params: unknown[]) => t.core.sqlite.prepare(sql).pluck().get(...params) as T;
const at = new Date(DEMO_NOW.getTime() + 60_000);

/** Products whose cached totals disagree with the ledger or the reservations (should be none). */
function mismatches(): Array<{ id: number; on_hand: number; ledger: number; reserved: number; reservations: number }> {
  return t.core.sqlite
    .prepare(
      `SELECT p.id, p.on_hand, coalesce(g.total, 0) AS ledger, p.reserved, coalesce(r.total, 0) AS reservations
       FROM products p
       LEFT JOIN (SELECT product_id, sum(quantity) AS total FROM stock_ledger GROUP BY product_id) g ON g.product_id = p.id
       LEFT JOIN (SELECT product_id, sum(quantity) AS total FROM reservations GROUP BY product_id) r ON r.product_id = p.id
       WHERE p.on_hand != coalesce(g.total, 0) OR p.reserved != coalesce(r.total, 0)`,
    )
    .all() as Array<{ id: number; on_hand: number; ledger: number; reserved: number; reservations: number }>;
}

const productWithStock = () =>
  t.core.sqlite.prepare('SELECT id, on_hand AS onHand, default_location_id AS locationId FROM products WHERE on_hand >= 3 ORDER BY id LIMIT 1').get() as {
    id: number;
    onHand: number;
    locationId: number | null;
  };

beforeAll(async () => {
  t = await tempCore({ now: () => DEMO_NOW });
  await call(t.core, 'shop.loadDemo', {});
});
afterAll(async () => {
  await t?.dispose();
});

describe('on-hand equals the sum of the ledger', () => {
  it('holds for every product of the generated shop (direct SQL)', () => {
    expect(one<number>('SELECT count(*) FROM products')).toBe(200);
    expect(one<number>('SELECT count(*) FROM stock_ledger')).toBeGreaterThan(3000);
    expect(one<number>('SELECT count(*) FROM reservations')).toBeGreaterThan(10);
    expect(mismatches()).toEqual([]);
    expect(one<number>('SELECT sum(on_hand) FROM products')).toBe(one<number>('SELECT sum(quantity) FROM stock_ledger'));
  });

  it('still holds after entries appended through appendLedger, per location too', async () => {
    const p = productWithStock();
    const locationBefore = await onHandAt(t.core.db, p.id, p.locationId);
    await appendLedger(t.core.db, { productId: p.id, locationId: p.locationId, kind: 'receipt', quantity: 12, reason: 'Dostawa testowa', document: 'WZ 9/11/2026', actor: 'owner' }, at);
    await appendLedger(t.core.db, { productId: p.id, locationId: p.locationId, kind: 'adjustment', quantity: -2, reason: 'Uszkodzone w magazynie', actor: 'helper' }, at);
    await t.core.db.transaction().execute(async (trx) => {
      await appendLedger(trx, { productId: p.id, locationId: p.locationId, kind: 'stocktake', quantity: -1, reason: 'Inwentaryzacja półki', actor: 'owner' }, at);
    });
    expect(one<number>('SELECT on_hand FROM products WHERE id = ?', p.id)).toBe(p.onHand + 9);
    expect(await onHandAt(t.core.db, p.id, p.locationId)).toBe(locationBefore + 9);
    expect(mismatches()).toEqual([]);
  });

  it('refuses to take on-hand below zero without backorders, and changes nothing', async () => {
    const p = productWithStock();
    const entries = one<number>('SELECT count(*) FROM stock_ledger');
    await expect(
      appendLedger(t.core.db, { productId: p.id, kind: 'adjustment', quantity: -(p.onHand + 1), reason: 'Za dużo', actor: 'owner' }, at),
    ).rejects.toThrow(/insufficient_stock/);
    expect(one<number>('SELECT on_hand FROM products WHERE id = ?', p.id)).toBe(p.onHand);
    expect(one<number>('SELECT count(*) FROM stock_ledger')).toBe(entries);
    // Taking exactly what is there is fine: zero is allowed.
    await appendLedger(t.core.db, { productId: p.id, kind: 'adjustment', quantity: -p.onHand, reason: 'Wyprzedane', actor: 'owner' }, at);
    expect(one<number>('SELECT on_hand FROM products WHERE id = ?', p.id)).toBe(0);
    expect(mismatches()).toEqual([]);
  });

  it('lets on-hand go below zero only for a product that allows backorders', async () => {
    const id = one<number>('SELECT id FROM products WHERE on_hand = 0 ORDER BY id LIMIT 1');
    await expect(appendLedger(t.core.db, { productId: id, kind: 'sale', quantity: -2, reason: 'Sprzedaż', actor: 'helper' }, at)).rejects.toThrow(/insufficient_stock/);
    t.core.sqlite.prepare('UPDATE products SET allow_backorder = 1 WHERE id = ?').run(id);
    await appendLedger(t.core.db, { productId: id, kind: 'sale', quantity: -2, reason: 'Sprzedaż na zamówienie', actor: 'helper' }, at);
    expect(one<number>('SELECT on_hand FROM products WHERE id = ?', id)).toBe(-2);
    expect(mismatches()).toEqual([]);
  });

  it('refuses UPDATE and DELETE of ledger rows (append-only), leaving on-hand untouched', () => {
    const row = t.core.sqlite.prepare("SELECT id, product_id AS productId FROM stock_ledger WHERE kind = 'sale' ORDER BY id LIMIT 1").get() as { id: number; productId: number };
    const onHand = one<number>('SELECT on_hand FROM products WHERE id = ?', row.productId);
    expect(() => t.core.sqlite.prepare('UPDATE stock_ledger SET quantity = quantity - 1 WHERE id = ?').run(row.id)).toThrow(/append-only/);
    expect(() => t.core.sqlite.prepare("UPDATE stock_ledger SET reason = 'poprawka' WHERE id = ?").run(row.id)).toThrow(/append-only/);
    expect(() => t.core.sqlite.prepare('DELETE FROM stock_ledger WHERE id = ?').run(row.id)).toThrow(/append-only/);
    expect(() => t.core.sqlite.prepare('DELETE FROM stock_ledger').run()).toThrow(/append-only/);
    expect(one<number>('SELECT on_hand FROM products WHERE id = ?', row.productId)).toBe(onHand);
    expect(mismatches()).toEqual([]);
  });

  it('allows deleting only the rows of an import run being undone, and on-hand follows', () => {
    const p = productWithStock();
    const run = Number(
      t.core.sqlite
        .prepare("INSERT INTO import_runs (file_name, checksum, format, status, actor, started_at) VALUES ('stan.xlsx', 'abc', 'stock-sheet', 'committed', 'owner', ?)")
        .run(at.toISOString()).lastInsertRowid,
    );
    t.core.sqlite
      .prepare("INSERT INTO stock_ledger (product_id, kind, quantity, reason, import_run_id, actor, created_at) VALUES (?, 'receipt', 5, 'Import stanu', ?, 'owner', ?)")
      .run(p.id, run, at.toISOString());
    expect(one<number>('SELECT on_hand FROM products WHERE id = ?', p.id)).toBe(p.onHand + 5);
    expect(() => t.core.sqlite.prepare('DELETE FROM stock_ledger WHERE import_run_id = ?').run(run)).toThrow(/append-only/);
    t.core.sqlite.prepare("UPDATE import_runs SET status = 'undoing' WHERE id = ?").run(run);
    t.core.sqlite.prepare('DELETE FROM stock_ledger WHERE import_run_id = ?').run(run);
    expect(one<number>('SELECT on_hand FROM products WHERE id = ?', p.id)).toBe(p.onHand);
    expect(mismatches()).toEqual([]);
  });
});

describe('reserved equals the sum of reservations', () => {
  it('follows releasing and re-reserving an open order', async () => {
    const order = t.core.sqlite
      .prepare("SELECT o.id FROM orders o WHERE o.status = 'to_pick' AND EXISTS (SELECT 1 FROM reservations r JOIN order_lines l ON l.id = r.order_line_id WHERE l.order_id = o.id) ORDER BY o.id LIMIT 1")
      .pluck()
      .get() as number;
    const reservedBefore = one<number>('SELECT sum(reserved) FROM products');
    const held = one<number>('SELECT sum(r.quantity) FROM reservations r JOIN order_lines l ON l.id = r.order_line_id WHERE l.order_id = ?', order);
    expect(held).toBeGreaterThan(0);
    expect(await releaseOrder(t.core.db, order)).toBeGreaterThan(0);
    expect(one<number>('SELECT sum(reserved) FROM products')).toBe(reservedBefore - held);
    expect(mismatches()).toEqual([]);
    expect(await reserveOrder(t.core.db, order, at)).toBeGreaterThan(0);
    expect(await reserveOrder(t.core.db, order, at)).toBe(0); // idempotent
    expect(one<number>('SELECT sum(reserved) FROM products')).toBe(reservedBefore);
    expect(mismatches()).toEqual([]);
  });
});
