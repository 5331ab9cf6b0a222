import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { tempCore, type TempCore } from '../../support/temp-core';
import { loadSampleOrders, writeShopSettings } from '../export/support/sample-shop';
import { folderSaveTarget, sharedPrinter } from './support/print-core';
import { pdfInfo, pdfText } from './support/pdf-tools';

let t: TempCore;
let ids: Map<string, number>;
const printer = sharedPrinter();
let saves: ReturnType<typeof folderSaveTarget>;

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-06-17T09:15:00Z') });
  saves = folderSaveTarget(join(t.dir, 'saved'));
  t.core.ports = { printer, saveTarget: saves };
  writeShopSettings(t.core);
  ids = loadSampleOrders(t.core);
});
afterAll(async () => {
  await printer.close();
  await t.dispose();
});

describe('pick list', () => {
  it('adds up each product over the batch, sorted by shelf, with the quantity per order', async () => {
    const batch = ['0a293858-5367-11f1-a101-78ef3793f694', '7580546a-d33f-11f1-9f73-31295247134f', 'f37b6cfd-7454-11f1-bfd4-b6e44a7cc3ff', 'b4fc3f98-167c-11f1-a45d-4483407d442b'].map(
      (a) => ids.get(a) as number,
    );
    const result = await call(t.core, 'print.pickList', { orderIds: batch, action: 'pdf' });
    expect(result).toMatchObject({ pages: 1, orders: 4, done: true });
    const pdf = saves.saved.at(-1)!.bytes;
    expect(pdfInfo(pdf).pages).toBe(1);
    const text = pdfText(pdf);
    expect(text).toContain('Lista kompletacji');

    // Expected from the database: remaining units per SKU over the batch, and each product's shelf.
    const expected = t.core.sqlite
      .prepare(
        `SELECT p.sku, loc.code AS shelf, SUM(l.quantity - l.packed_quantity) AS qty, COUNT(DISTINCT l.order_id) AS orders
           FROM order_lines l JOIN products p ON p.id = l.product_id JOIN locations loc ON loc.id = p.default_location_id
          WHERE l.order_id IN (${batch.join(',')}) GROUP BY p.id`,
      )
      .all() as Array<{ sku: string; shelf: string; qty: number; orders: number }>;
    expect(expected.find((e) => e.sku === 'SW-LAW-200')).toMatchObject({ qty: 1 + 6 + 2, orders: 3 });
    for (const e of expected) {
      expect(text).toContain(e.sku);
      expect(text).toContain(e.shelf);
    }
    // Shelf order: the SKUs appear in the PDF in the order of their shelves.
    const bySku = [...expected].sort((a, b) => a.shelf.localeCompare(b.shelf, 'pl', { numeric: true }));
    const positions = bySku.map((e) => text.indexOf(e.sku));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // The per-order split of the lavender candle: ZAP numbers with ×quantity, and the key to Allegro ids.
    const [a, b, c] = [batch[0], batch[1], batch[2]];
    expect(text).toMatch(new RegExp(`ZAP-${b}\\s*×6`));
    expect(text).toMatch(new RegExp(`ZAP-${c}\\s*×2`));
    expect(text).toContain(`ZAP-${a}`);
    expect(text).toContain('7580546a-d33f-11f1-9f73-31295247134f');
    expect(text).toMatch(/sztuk: 3\d/);
  });

  it('continues over several A4 pages for a large batch, every product listed once', async () => {
    const all = [...ids.values()];
    const many: number[] = [];
    // A batch of 60 orders: the samples plus copies with their own lines (distinct products).
    const insertOrder = t.core.sqlite.prepare(`INSERT INTO orders (source, buyer_name, status, bought_at, total_to_pay_grosze, created_at, updated_at) VALUES ('manual', ?, 'new', ?, 100, ?, ?)`);
    const insertLine = t.core.sqlite.prepare(`INSERT INTO order_lines (order_id, external_id, name, quantity, unit_price_grosze) VALUES (?, ?, ?, 1, 100)`);
    for (let i = 0; i < 40; i++) {
      const at = '2026-06-16T10:00:00.000Z';
      const id = Number(insertOrder.run(`Kupująca ${i} Żaneta`, at, at, at).lastInsertRowid);
      insertLine.run(id, `LUZ-${String(i).padStart(3, '0')}`, `Towar luzem nr ${i} — źdźbło`);
      many.push(id);
    }
    await call(t.core, 'print.pickList', { orderIds: [...all, ...many], action: 'pdf' });
    const pdf = saves.saved.at(-1)!.bytes;
    const pages = pdfInfo(pdf).pages;
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(pdf);
    for (let i = 0; i < 40; i++) expect(text.split(`LUZ-${String(i).padStart(3, '0')}`)).toHaveLength(2);
    expect(text).toContain(`Strona ${pages} z ${pages}`);
    expect(text).toContain('źdźbło');
  });
});
