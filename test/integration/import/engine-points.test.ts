import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewImport } from '../../../electron/core/import/import.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { FIXTURES, importPath } from './support';

/** Files made for the numbered points of issue 15 (test/fixtures/allegro/engine, see its README). */
const engine = (name: string) => join(FIXTURES, 'engine', name);

let t: TempCore;
beforeEach(async () => {
  t = await tempCore({ now: () => new Date('2026-06-16T08:00:00Z') });
});
afterEach(async () => t.dispose());

const one = <T = unknown>(sql: string, ...args: unknown[]) => t.core.sqlite.prepare(sql).pluck().get(...args) as T;
const all = <T = unknown>(sql: string, ...args: unknown[]) => t.core.sqlite.prepare(sql).all(...args) as T[];

describe('issue 15.1: mixed line endings in the seller-panel CSV', () => {
  it('CRLF orders, LF line items, bare CR services and summary: every record found once, no errors', async () => {
    const preview = await previewImport(t.core, { name: 'orders-mixed-line-endings.csv', path: engine('orders-mixed-line-endings.csv') });
    expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(preview.problems.map((p) => p.code)).toEqual([]);
    expect(preview.format).toBe('allegro-orders-csv');
    expect(preview.status).toBe('ready');
    expect(preview.counts).toMatchObject({ inserted: 19, rejected: 0, errors: 0, warnings: 0 });
    expect(preview.entities.orderLines).toMatchObject({ inserted: 26 });
    const r = await importPath(t.core, engine('orders-mixed-line-endings.csv'));
    expect(r.run).toMatchObject({ status: 'committed', inserted: 19 });
    expect(one('SELECT count(*) FROM orders')).toBe(19);
    expect(one('SELECT count(*) FROM order_lines')).toBe(26);
    // The buyer's message with line breaks inside quotes is kept whole.
    expect(one<string>("SELECT buyer_message FROM orders WHERE allegro_order_id LIKE '0a293858%'")).toContain('proszę dołączyć paragon');
  });
});

describe('issue 15.5 / 13.4: payment status from the seller-panel CSV', () => {
  it('PaymentStatus=PAID orders are paid (paid_at set, payment filter "paid"); cash on delivery and unpaid are not', async () => {
    const r = await importPath(t.core, engine('orders-payment-status.csv'));
    expect(r.run.status).toBe('committed');
    const rows = all<{ id: string; paid_at: string | null; payment_type: string | null; bought_at: string; paid_grosze: number | null; status: string }>(
      'SELECT allegro_order_id AS id, paid_at, payment_type, bought_at, paid_grosze, status FROM orders',
    );
    const records = parse(readFileSync(engine('orders-payment-status.csv'), 'utf8'), { relax_column_count: true }) as string[][];
    const header = records[0]!;
    const statusOf = (id: string) => records.find((r) => r[0] === 'order' && r[1] === id)?.[header.indexOf('PaymentStatus')];
    const paid = rows.filter((o) => statusOf(o.id) === 'PAID');
    expect(paid.length).toBe(16);
    for (const o of paid) {
      expect(o.paid_at, o.id).not.toBeNull();
      expect(o.paid_at).toBe(o.bought_at);
    }
    for (const o of rows.filter((x) => statusOf(x.id) === 'IN_PROGRESS')) expect(o.paid_at).toBeNull();
    for (const o of rows.filter((x) => statusOf(x.id) === 'EXTERNAL_PAYMENT')) expect(o.payment_type).toBe('CASH_ON_DELIVERY');
    // What the Orders screen's payment filter counts.
    const { dispatch } = await import('../../../electron/core/dispatch');
    const listed = await dispatch(t.core, 'orders.list', { payment: 'paid', limit: 100 }, { role: 'owner' });
    expect(listed.ok).toBe(true);
    const list = (listed as { data: { rows: Array<{ allegroOrderId: string }> } }).data.rows;
    expect(list.map((o) => o.allegroOrderId).sort()).toEqual(paid.map((o) => o.id).sort());
  });
});

describe('issue 15.4: a bad line does not drop its whole order', () => {
  const targets = JSON.parse(readFileSync(engine('orders-bad-lines.targets.json'), 'utf8')) as Record<string, 'q0' | 'qneg' | 'price'>;

  it('without "import only valid rows" the file is refused, nothing written', async () => {
    const r = await importPath(t.core, engine('orders-bad-lines.csv'));
    expect(r.run.status).toBe('rejected');
    expect(one('SELECT count(*) FROM orders')).toBe(0);
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(3);
    // "12.495" is more than two decimal places, not "not an amount" (issue 15.8).
    const price = errors.find((p) => p.column === 'Price')!;
    expect(price.message.pl).toContain('więcej niż dwa miejsca po przecinku');
    expect(price.message.en).toContain('more than two decimal places');
    expect(errors.filter((p) => p.column === 'Quantity').map((p) => p.value).sort()).toEqual(['-2', '0']);
  });

  it('with "import only valid rows": every order arrives, the bad line is left out, the order waits on hold with the reason in its history', async () => {
    const preview = await previewImport(t.core, { name: 'orders-bad-lines.csv', path: engine('orders-bad-lines.csv') });
    expect(preview.counts).toMatchObject({ inserted: 19, rejected: 0, errors: 3 });
    const { commitImport } = await import('../../../electron/core/import/import.service');
    const r = await commitImport(t.core, preview.token, { validRowsOnly: true });
    expect(r.run).toMatchObject({ status: 'committed', inserted: 19, skippedRows: 0 });
    expect(one('SELECT count(*) FROM orders')).toBe(19);
    expect(one('SELECT count(*) FROM order_lines')).toBe(26 - 3);
    for (const [orderId, defect] of Object.entries(targets)) {
      const order = t.core.sqlite.prepare('SELECT id, status FROM orders WHERE allegro_order_id = ?').get(orderId) as { id: number; status: string } | undefined;
      expect(order, orderId).toBeDefined();
      // Two-line orders keep their good line.
      expect(one('SELECT count(*) FROM order_lines WHERE order_id = ?', order!.id)).toBe(defect === 'price' ? 0 : 1);
      const { dispatch } = await import('../../../electron/core/dispatch');
      const detail = (await dispatch(t.core, 'orders.get', { id: order!.id }, { role: 'owner' })) as { ok: boolean; data: { order: { status: string }; timeline: Array<{ action: string; details: { to?: string; reason?: string } | null }> } };
      expect(detail.ok).toBe(true);
      const hold = detail.data.timeline.find((e) => e.action === 'order.status' && e.details?.to === detail.data.order.status);
      expect(hold?.details?.reason, orderId).toMatch(/Wstrzymane przy imporcie/);
      expect(hold?.details?.reason).toMatch(defect === 'price' ? /więcej niż dwa miejsca po przecinku/ : /ilość „-?\d”/);
      // Open orders wait on hold; one already sent or cancelled on Allegro keeps that status.
      const fromFile = one<string>("SELECT fulfillment_status FROM orders WHERE id = ?", order!.id);
      if (fromFile === 'NEW' || fromFile === 'PROCESSING' || fromFile === null) expect(order!.status).toBe('on_hold');
    }
    // The other orders are untouched by it.
    expect(one("SELECT count(*) FROM audit_log WHERE action = 'order.status'")).toBe(3);
  });
});

describe('issue 15.2: checkout forms saved as NDJSON pages', () => {
  it('imports the union of the pages (40 orders from pages of 25 + 15)', async () => {
    const preview = await previewImport(t.core, { name: 'checkout-forms.pages.ndjson', path: engine('checkout-forms.pages.ndjson') });
    expect(preview.format).toBe('allegro-checkout-forms');
    expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(preview.counts).toMatchObject({ inserted: 40, rejected: 0, errors: 0 });
    const r = await importPath(t.core, engine('checkout-forms.pages.ndjson'));
    expect(r.run).toMatchObject({ status: 'committed', inserted: 40 });
    expect(one('SELECT count(*) FROM orders')).toBe(40);
  });

  it('a page saved twice: each order once', async () => {
    const r = await importPath(t.core, engine('checkout-forms.pages-overlap.ndjson'));
    expect(r.run).toMatchObject({ status: 'committed', inserted: 40 });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(one('SELECT count(*) FROM orders')).toBe(40);
  });

  it('a page cut short: the line is named; the whole pages come in only if the owner chooses "import only valid rows"', async () => {
    const refused = await importPath(t.core, engine('checkout-forms.pages-cut.ndjson'));
    expect(refused.run.status).toBe('rejected');
    expect(one('SELECT count(*) FROM orders')).toBe(0);
    const cut = refused.problems.find((p) => p.severity === 'error')!;
    expect(cut.row).toBe(2);
    expect(cut.message.pl).toContain('Linia 2');
    expect(cut.message.pl).toMatch(/ucięt/);
    const preview = await previewImport(t.core, { name: 'checkout-forms.pages-cut.ndjson', path: engine('checkout-forms.pages-cut.ndjson') });
    expect(preview.status).toBe('ready');
    const { commitImport } = await import('../../../electron/core/import/import.service');
    const kept = await commitImport(t.core, preview.token, { validRowsOnly: true });
    expect(kept.run).toMatchObject({ status: 'committed', inserted: 25 });
    expect(one('SELECT count(*) FROM orders')).toBe(25);
  });
});

describe("issue 15.3: group headings in the owner's stock sheet", () => {
  for (const file of ['stan-magazynu.groups.xlsx', 'stan-magazynu.groups.win1250.csv']) {
    it(`${file}: a merged heading row is a group, not an error; its products come in`, async () => {
      const preview = await previewImport(t.core, { name: file, path: engine(file) });
      expect(preview.format).toBe('owner-stock-sheet');
      expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(preview.counts).toMatchObject({ inserted: 11, rejected: 0, errors: 0 });
      // The headings are kept as the category of the products under them, said in one note that names them.
      const note = preview.problems.filter((p) => p.code === 'group_heading');
      expect(note).toHaveLength(1);
      expect(note[0]!.message.pl).toContain('ŚWIECE I ZAPACHY');
      expect(note[0]!.message.pl).toContain('MIÓD – PRZETWORY');
      expect(note[0]!.message.pl).toMatch(/zapisane jako kategoria towarów pod nimi/);
      const r = await importPath(t.core, engine(file));
      expect(r.run).toMatchObject({ status: 'committed', inserted: 11 });
      expect(one('SELECT count(*) FROM products')).toBe(11);
      expect(one("SELECT count(*) FROM products WHERE name LIKE '%ZAPACHY%' OR name LIKE '%OGRÓD%'")).toBe(0);
      // Each product under the heading it sits below: 4 candles and oils, 2 honeys, 5 home and garden.
      const byCategory = t.core.sqlite.prepare('SELECT category, count(*) AS n FROM products GROUP BY category ORDER BY category').all();
      expect(byCategory).toEqual([
        { category: 'DOM I OGRÓD', n: 5 },
        { category: 'MIÓD – PRZETWORY', n: 2 },
        { category: 'ŚWIECE I ZAPACHY', n: 4 },
      ]);
      expect(one("SELECT category FROM products WHERE sku = 'MIOD-GRY-1200'")).toBe('MIÓD – PRZETWORY');
    });
  }
});

describe('issue 15.6 / 13.14: a stock sheet is a count at a moment', () => {
  it('an older sheet imported after sales keeps the sales; a difference is booked at the sheet\'s own date; the preview says from → to', async () => {
    const later = await tempCore({ now: () => new Date('2026-12-05T09:00:00Z') });
    try {
      const sql = later.core.sqlite;
      const sheet = engine('stan-magazynu.stan-na-30-11.csv');
      const first = await importPath(later.core, sheet);
      expect(first.run.status).toBe('committed');
      const lav = sql.prepare("SELECT id FROM products WHERE sku = 'SW-LAW-200'").pluck().get() as number;
      // Opening stock is dated at the end of the sheet's day (Warsaw), so a valuation on 30.11 sees it.
      expect(sql.prepare('SELECT created_at FROM stock_ledger WHERE product_id = ?').pluck().all(lav)).toEqual(['2026-11-30T22:59:59.000Z']);
      // Five sold on 2 December.
      sql.prepare("INSERT INTO stock_ledger (product_id, location_id, kind, quantity, reason, document, order_id, return_id, import_run_id, unit_cost_grosze, actor, created_at) VALUES (?, NULL, 'sale', -5, 'sprzedaż', NULL, NULL, NULL, NULL, NULL, 'owner', '2026-12-02T10:00:00.000Z')").run(lav);
      expect(sql.prepare('SELECT on_hand FROM products WHERE id = ?').pluck().get(lav)).toBe(43);

      // The same sheet again: the count of 30.11 matches the books of 30.11 — the sale stays.
      const again = await importPath(later.core, sheet);
      expect(again.run.status).toBe('committed');
      expect(sql.prepare('SELECT on_hand FROM products WHERE id = ?').pluck().get(lav)).toBe(43);

      // The sheet counted 50 on 30.11: +2 booked on that day, the sale kept; the preview says 43 → 45.
      const fifty = readFileSync(sheet, 'utf8').replace(';48', ';50');
      const preview = await previewImport(later.core, { name: 'stan-50.csv', bytes: Buffer.from(fifty) });
      const fromTo = preview.problems.find((p) => p.code === 'stock_from_to' && p.message.pl.includes('SW-LAW-200'));
      expect(fromTo?.message.pl).toContain('43 → 45');
      const { commitImport } = await import('../../../electron/core/import/import.service');
      await commitImport(later.core, preview.token, {});
      expect(sql.prepare('SELECT on_hand FROM products WHERE id = ?').pluck().get(lav)).toBe(45);
      expect(sql.prepare("SELECT quantity, created_at FROM stock_ledger WHERE product_id = ? AND kind = 'stocktake' ORDER BY id").all(lav)).toEqual([
        { quantity: 48, created_at: '2026-11-30T22:59:59.000Z' },
        { quantity: 2, created_at: '2026-11-30T22:59:59.000Z' },
      ]);
    } finally {
      await later.dispose();
    }
  });
});
