import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedWalk } from '../../../electron/core/accounting/shared-walk';
import { fifoWalk } from '../../../electron/core/accounting/stock-fifo';
import { call } from '../../../electron/core/dispatch';
import { salesRegisterFor } from '../../../electron/core/export/export.service';
import { stockValuation } from '../../../electron/core/export/stock-valuation';
import { tempCore, type TempCore } from '../../support/temp-core';
import { loadSampleOrders, loadSampleReturns, writeShopSettings } from '../export/support/sample-shop';

/**
 * Issue 16: Raporty's first visit after ANY change of the shop took 2–3 s at 100k orders: the kept
 * previews were thrown away on every write, so a stock receipt today rebuilt last month's sales register
 * and walked the whole ledger to last month's end again, though neither can change. Now each preview is
 * kept while nothing it reads changed (accounting/change-journal.ts, report-inputs.ts), and every write
 * that can move a figure still shows at once. On a real SQLite file with the Allegro sample month (June
 * 2026), the clock on 20 July; each kept answer is compared with one computed from scratch.
 */
let t: TempCore;
let clock = new Date('2026-06-05T08:00:00Z');
let productId: number;

const owner = { role: 'owner' as const };
const register = () => call(t.core, 'export.salesRegisterPreview', { month: '2026-06' });
const valuation = () => call(t.core, 'export.stockValuationPreview', { date: '2026-06-30' });
const stockMonth = () => call(t.core, 'accounting.stockMonth', { month: '2026-06' });
let receipts = 0;
const receive = (quantity: number, unitCostGrosze: number) =>
  call(t.core, 'stock.receive', { document: `PZ/${++receipts}`, lines: [{ productId, quantity, unitCostGrosze }] }, owner);

/** The register's and the stock's figures computed from scratch (no kept answer, no shared walk). */
async function fromScratch() {
  const r = await salesRegisterFor(t.core, '2026-06');
  const v = await stockValuation(t.core.db, '2026-06-30');
  const walk = await fifoWalk(t.core.db, '2026-06-30', { periodFrom: '2026-06-01' });
  return {
    register: { totals: r.totals, grandTotals: r.grandTotals, warnings: r.warnings, rows: r.rows.length, documents: r.documents.length },
    valuation: { products: v.products, units: v.units, value: v.value, withoutPrice: v.withoutPrice, negative: v.negative },
    month: { opening: walk.opening, receipts: walk.flows?.receipts, costOfSales: walk.flows?.sales, closing: walk.rows.reduce((a, x) => a + x.value, 0) },
  };
}

async function shown() {
  const [r, v, m] = [await register(), await valuation(), await stockMonth()];
  return {
    register: { totals: r.totals, grandTotals: r.grandTotals, warnings: r.warnings, rows: r.rows, documents: r.sales + r.corrections },
    valuation: { products: v.products, units: v.units, value: v.value, withoutPrice: v.withoutPrice, negative: v.negative },
    month: { opening: m.opening, receipts: m.receipts, costOfSales: m.costOfSales, closing: m.closing },
  };
}

async function expectShownEqualsFromScratch(): Promise<void> {
  const scratch = await fromScratch();
  expect(await shown()).toEqual(scratch);
}

beforeAll(async () => {
  t = await tempCore({ now: () => clock });
  writeShopSettings(t.core);
  const ids = loadSampleOrders(t.core);
  loadSampleReturns(t.core, ids);
  productId = t.core.sqlite.prepare('SELECT id FROM products ORDER BY id LIMIT 1').pluck().get() as number;
  // Goods on the shelf in June: the stock cards have something to value.
  await receive(10, 1500);
  clock = new Date('2026-07-20T08:00:00Z');
});
afterAll(() => t.dispose());

describe('Raporty keeps what a write could not have changed', () => {
  it('a stock receipt today keeps last month’s register and stock figures, and they equal a fresh computation', async () => {
    const before = { register: await register(), valuation: await valuation(), walk: sharedWalk(t.core, '2026-06-30') };
    expect(before.valuation.units).toBeGreaterThanOrEqual(10);
    await receive(5, 2000);
    // Kept: the same answers, not computed again (this failed before: any write threw them away).
    expect(await register()).toBe(before.register);
    expect(await valuation()).toBe(before.valuation);
    expect(sharedWalk(t.core, '2026-06-30')).toBe(before.walk);
    await expectShownEqualsFromScratch();
  });

  it('a receipt dated inside the month (the clock back in June) moves the stock figures at once', async () => {
    const before = { register: await register(), valuation: await valuation(), month: await stockMonth() };
    clock = new Date('2026-06-20T08:00:00Z');
    try {
      await receive(3, 700);
    } finally {
      clock = new Date('2026-07-20T08:00:00Z');
    }
    const after = { valuation: await valuation(), month: await stockMonth() };
    expect(after.valuation.units).toBe(before.valuation.units + 3);
    expect(after.month.receipts).toBe(before.month.receipts + 3 * 700);
    // The register does not read the ledger: still kept.
    expect(await register()).toBe(before.register);
    await expectShownEqualsFromScratch();
  });

  it('a product’s card (its VAT rate, its purchase price) changes the register and the stock walk; its stock counters alone do not', async () => {
    const before = { register: await register(), valuation: await valuation() };
    t.core.sqlite.prepare('UPDATE products SET reserved = reserved + 1 WHERE id = ?').run(productId);
    expect(await register()).toBe(before.register);
    expect(await valuation()).toBe(before.valuation);
    t.core.sqlite.prepare("UPDATE products SET vat_rate = '8' WHERE id = ?").run(productId);
    expect(await register()).not.toBe(before.register);
    expect(await valuation()).not.toBe(before.valuation);
    await expectShownEqualsFromScratch();
  });

  it('an order changed, an order cancelled in the audit log, a setting: the register is computed again', async () => {
    let before = await register();
    const sold = t.core.sqlite.prepare("SELECT id FROM orders WHERE paid_at IS NOT NULL AND status <> 'cancelled' ORDER BY id").pluck().all() as number[];
    t.core.sqlite.prepare('UPDATE orders SET paid_at = NULL, paid_grosze = 0 WHERE id = ?').run(sold[0]);
    const after = await register();
    expect(after).not.toBe(before);
    expect(after.sales + after.corrections).not.toBe(before.sales + before.corrections);
    before = after;
    const audit = t.core.sqlite.prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id, details_json) VALUES (?, 'owner', ?, 'order', ?, '{}')");
    audit.run('2026-07-20T08:00:00.000Z', 'order.note', String(sold[1]));
    expect(await register()).toBe(before);
    audit.run('2026-07-20T08:00:00.000Z', 'order.cancel', String(sold[1]));
    expect(await register()).not.toBe(before);
    before = await register();
    // The automatic backup's bookkeeping is no setting of the register's; the shop's settings are.
    t.core.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('backup.lastAutomaticAt', '\"2026-07-20T08:00:00.000Z\"') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run();
    expect(await register()).toBe(before);
    t.core.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('relatedPartyNips', '[\"5260001246\"]') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run();
    expect(await register()).not.toBe(before);
    await expectShownEqualsFromScratch();
  });

  it('an order moved between open statuses keeps the register; cancelled, shipped, delivered or another column does not', async () => {
    const order = t.core.sqlite.prepare("SELECT id FROM orders WHERE paid_at IS NOT NULL AND status <> 'cancelled' ORDER BY id DESC").pluck().get() as number;
    const status = (s: string) => t.core.sqlite.prepare('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?').run(s, new Date().toISOString(), order);
    status('new');
    let before = await register();
    // Through the contract, as Zamówienia does: on hold and back, to packing.
    await call(t.core, 'orders.setStatus', { ids: [order], status: 'on_hold', reason: 'test' }, owner);
    await call(t.core, 'orders.setStatus', { ids: [order], status: 'new' }, owner);
    status('to_pick');
    status('packed');
    expect(await register()).toBe(before);
    await expectShownEqualsFromScratch();
    status('shipped');
    expect(await register()).not.toBe(before);
    before = await register();
    status('delivered');
    expect(await register()).not.toBe(before);
    status('new');
    before = await register();
    t.core.sqlite.prepare("UPDATE orders SET status = 'on_hold', buyer_name = 'Ktoś Inny' WHERE id = ?").run(order);
    expect(await register()).not.toBe(before);
    before = await register();
    status('cancelled');
    const cancelled = await register();
    expect(cancelled).not.toBe(before);
    expect(cancelled.sales).toBe(before.sales - 1);
    await expectShownEqualsFromScratch();
  });

  it('a commit of another connection, or a change of the schema, makes every kept figure stale', async () => {
    let before = { register: await register(), valuation: await valuation(), walk: sharedWalk(t.core, '2026-06-30') };
    const other = new Database(t.dbFile);
    try {
      // A table the register does not read, written by the command line: this connection cannot tell what changed.
      other.prepare("INSERT INTO locations (code, name, created_at) VALUES ('Z-99', 'Regał z linii poleceń', '2026-07-20T08:00:00.000Z')").run();
    } finally {
      other.close();
    }
    expect(await register()).not.toBe(before.register);
    expect(await valuation()).not.toBe(before.valuation);
    expect(sharedWalk(t.core, '2026-06-30')).not.toBe(before.walk);
    before = { register: await register(), valuation: await valuation(), walk: sharedWalk(t.core, '2026-06-30') };
    t.core.sqlite.exec('CREATE TABLE test_later_table (id INTEGER PRIMARY KEY, note TEXT)');
    expect(await register()).not.toBe(before.register);
    before.register = await register();
    // The new table is watched too (the journal's triggers were made again): a write to it counts.
    t.core.sqlite.prepare("INSERT INTO test_later_table (note) VALUES ('x')").run();
    expect(await register()).not.toBe(before.register);
    await expectShownEqualsFromScratch();
  });
});

describe('the change journal', () => {
  it('does not make its triggers inside another caller’s open transaction (a rollback would drop them unseen): such a value is not kept', async () => {
    const t2 = await tempCore();
    try {
      const { watchChanges } = await import('../../../electron/core/accounting/change-journal');
      t2.core.sqlite.exec('BEGIN');
      const inside = watchChanges(t2.core.sqlite, () => true);
      t2.core.sqlite.exec('ROLLBACK');
      expect(inside.fresh()).toBe(false);
      const outside = watchChanges(t2.core.sqlite, (c) => c.table === 'locations');
      expect(outside.fresh()).toBe(true);
      const at = '2026-01-01T00:00:00.000Z';
      t2.core.sqlite.prepare('INSERT INTO products (sku, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run('J-1', 'Towar', at, at);
      expect(outside.fresh()).toBe(true);
      t2.core.sqlite.prepare("INSERT INTO locations (code, name, created_at) VALUES ('A-1', 'A', ?)").run(at);
      expect(outside.fresh()).toBe(false);
    } finally {
      await t2.dispose();
    }
  });
});
