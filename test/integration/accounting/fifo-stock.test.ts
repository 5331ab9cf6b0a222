import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { stockValuationFile } from '../../../electron/core/export/export.service';
import { appendLedger, type LedgerEntryInput } from '../../../electron/core/stock/ledger.repository';
import { tempCore, type TempCore } from '../../support/temp-core';
import { money, readRegisterCsv } from '../export/support/read-exports';
import { pdfText } from '../print/support/pdf-tools';
import { folderSaveTarget, sharedPrinter } from '../print/support/print-core';

/**
 * Issue 14.9: stock at cost by FIFO layers, on a real SQLite file. Known by construction: 10 units at
 * 5,00 zł and 10 at 7,00 zł received, 15 shipped → cost of goods sold 85,00 zł, 5 left at 7,00 zł; a
 * receipt and a new card price in December do not move the valuation at 31 October (before: 5 × the card's
 * price). The stocktake form is a real PDF read back with pdftotext.
 */
let t: TempCore;
let now = new Date('2026-12-08T10:00:00Z');
const printer = sharedPrinter();
let saves: ReturnType<typeof folderSaveTarget>;
let a: number;
let orderX: number;

function product(sku: string, name: string, card: number | null, backorder = 0): number {
  const at = '2026-09-01T08:00:00.000Z';
  return Number(
    t.core.sqlite
      .prepare('INSERT INTO products (sku, name, purchase_price_grosze, allow_backorder, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(sku, name, card, backorder, at, at).lastInsertRowid,
  );
}
function order(status: string, paidAt: string | null): number {
  return Number(
    t.core.sqlite
      .prepare(`INSERT INTO orders (source, status, bought_at, paid_at, total_to_pay_grosze, created_at, updated_at) VALUES ('manual', ?, ?, ?, 0, ?, ?)`)
      .run(status, paidAt ?? '2026-10-01T08:00:00.000Z', paidAt, '2026-10-01T08:00:00.000Z', '2026-10-01T08:00:00.000Z').lastInsertRowid,
  );
}
const move = (e: Omit<LedgerEntryInput, 'reason' | 'actor'>, when: string) => appendLedger(t.core.db, { reason: 'test', actor: 'owner', ...e }, new Date(when));

beforeAll(async () => {
  t = await tempCore({ now: () => now });
  saves = folderSaveTarget(join(t.dir, 'saved'));
  t.core.ports = { printer, saveTarget: saves };
  await call(t.core, 'settings.update', { shopName: 'Pod Lipą Anna Nowak', shopNip: '5260250274', shopAddress: 'ul. Lipowa 5\n00-001 Warszawa' });
  a = product('KUB-01', 'Kubek „Łąka”', 600);
  const b = product('BEZ-CENY-W-PZ', 'Świeca bez ceny w dostawie', 999);
  const c = product('MINUS-1', 'Towar sprzedany na minusie', 100, 1);
  orderX = order('shipped', '2026-10-19T08:00:00.000Z');
  await move({ productId: a, kind: 'receipt', quantity: 10, unitCostGrosze: 500, document: 'PZ 1/10' }, '2026-10-05T08:00:00.000Z');
  await move({ productId: a, kind: 'receipt', quantity: 10, unitCostGrosze: 700, document: 'PZ 2/10' }, '2026-10-10T08:00:00.000Z');
  await move({ productId: a, kind: 'sale', quantity: -15, orderId: orderX }, '2026-10-20T08:00:00.000Z');
  await move({ productId: b, kind: 'receipt', quantity: 4 }, '2026-10-21T08:00:00.000Z');
  await move({ productId: c, kind: 'sale', quantity: -2, orderId: orderX }, '2026-10-22T08:00:00.000Z');
  // November: 7 of the 15 come back (the sale took 10 × 5,00 then 5 × 7,00: back come 5 × 7,00 and 2 × 5,00), one is written off.
  await move({ productId: a, kind: 'return', quantity: 7, orderId: orderX }, '2026-11-03T08:00:00.000Z');
  await move({ productId: a, kind: 'adjustment', quantity: -1 }, '2026-11-05T08:00:00.000Z');
  // Paid on 28 November, not shipped by the month's end: 3 units of A are already the buyer's.
  const y = order('to_pick', '2026-11-28T08:00:00.000Z');
  t.core.sqlite.prepare(`INSERT INTO order_lines (order_id, name, product_id, quantity, unit_price_grosze) VALUES (?, 'Kubek', ?, 3, 1999)`).run(y, a);
});
afterAll(async () => {
  await printer.close();
  await t.dispose();
});

describe('FIFO stock at cost', () => {
  it('sells the oldest layers first: 15 of 10 × 5,00 + 10 × 7,00 cost 85,00 zł and leave 5 × 7,00', async () => {
    expect(await call(t.core, 'export.stockValuationPreview', { date: '2026-10-31' })).toMatchObject({ units: 5 + 4 - 2, value: 5 * 700 + 4 * 999, negative: 1 });
    const october = await call(t.core, 'accounting.stockMonth', { month: '2026-10' });
    expect(october).toMatchObject({ opening: 0, receipts: 10 * 500 + 10 * 700 + 4 * 999, costOfSales: 8500, returns: 0, writeOffs: 0, closing: 3500 + 3996, priceFromCard: 1 });
  });

  it('puts returns back at the cost their sale took, write-offs take the oldest, and the month adds up', async () => {
    const november = await call(t.core, 'accounting.stockMonth', { month: '2026-11' });
    expect(november).toMatchObject({ opening: 3500 + 3996, receipts: 0, returns: 5 * 700 + 2 * 500, writeOffs: 500, costOfSales: 0, closing: 500 + 5 * 700 + 5 * 700 + 3996 });
    expect(november.opening + november.receipts + november.returns + november.otherIn - november.costOfSales - november.writeOffs).toBe(november.closing);
    // The 3 paid units not shipped are the oldest ones: 1 × 5,00 + 2 × 7,00.
    expect(november.soldNotShipped).toEqual({ products: 1, units: 3, orders: 1, value: 1900 });

    const csv = readRegisterCsv((await stockValuationFile(t.core, '2026-11-30', 'csv')).bytes);
    const lines = csv.rows.filter((r) => r.SKU === 'KUB-01');
    expect(lines.map((r) => [r['Ilość'], money(r['Cena zakupu']), money(r['Wartość'])])).toEqual([
      ['1', 500, 500],
      ['5', 700, 3500],
      ['5', 700, 3500],
    ]);
    expect(csv.rows.find((r) => r.SKU === 'BEZ-CENY-W-PZ')?.Uwagi).toBe('cena z karty produktu');
  });

  it('keeps a past valuation when goods are received later at another price and the card price changes', async () => {
    const before = await call(t.core, 'export.stockValuationPreview', { date: '2026-10-31' });
    now = new Date('2026-12-07T12:00:00Z');
    await call(t.core, 'stock.receive', { document: 'PZ 7/12', lines: [{ productId: a, quantity: 10, unitCostGrosze: 3150 }], updatePurchasePrice: true });
    expect(t.core.sqlite.prepare('SELECT purchase_price_grosze AS p FROM products WHERE id = ?').get(a)).toEqual({ p: 3150 });
    const after = await call(t.core, 'export.stockValuationPreview', { date: '2026-10-31' });
    expect(after).toEqual(before);
    expect(after.value).toBe(5 * 700 + 4 * 999);
    expect((await call(t.core, 'export.stockValuationPreview', { date: '2026-12-07' })).value).toBe(7500 + 10 * 3150 + 3996);
  });

  it('prints the stocktake form (spis z natury) as a PDF: positions, prices, the end position, sold-not-shipped apart, signatures', async () => {
    const result = await call(t.core, 'accounting.stocktakeForm', { date: '2026-11-30', action: 'pdf' });
    expect(result).toMatchObject({ done: true, fileName: 'spis-z-natury-2026-11-30.pdf', positions: 2, value: 8 * 700 + 3996 });
    const text = pdfText(saves.saved.at(-1)!.bytes).replace(/\u00a0/g, ' ');
    expect(text).toContain('SPIS Z NATURY');
    expect(text).toContain('30.11.2026');
    expect(text).toContain('Pod Lipą Anna Nowak');
    expect(text).toContain('5260250274');
    expect(text).toMatch(/Kubek „Łąka”/);
    expect(text).toContain('56,00'); // 8 × 7,00 of the shop's own
    expect(text).toContain('Wartość spisu ogółem: 95,96 zł');
    expect(text).toContain('Spis zakończono na pozycji nr 2.');
    expect(text).toContain('Towary sprzedane, a niewydane');
    expect(text).toContain('Wartość towarów sprzedanych, a niewydanych: 19,00 zł');
    expect(text).toContain('Podpis właściciela');
    expect(text).toContain('Podpisy osób spisujących');
    expect(text.replace(/\s+/g, ' ')).toMatch(/stan poniżej zera.*Towar sprzedany na minusie \(MINUS-1\): -2/);
    if (process.env.ZAPLECZE_KEEP_PDF) writeFileSync(process.env.ZAPLECZE_KEEP_PDF, saves.saved.at(-1)!.bytes);
    await expect(call(t.core, 'accounting.stocktakeForm', { date: '2026-11-31', action: 'pdf' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
