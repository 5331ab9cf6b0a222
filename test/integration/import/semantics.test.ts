import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promisedDispatchBy } from '../../../electron/core/orders/dispatch-promise';
import { listUnmatched, linkToProduct } from '../../../electron/core/import/links.service';
import { commitImport, previewImport, remapImport } from '../../../electron/core/import/import.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { contentHash, fixture, importBytes, importPath, readFixture, warsawToday } from './support';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore({ now: () => new Date('2026-06-16T08:00:00Z') });
});
afterEach(async () => t.dispose());

const one = <T = unknown>(sql: string, ...args: unknown[]) => t.core.sqlite.prepare(sql).pluck().get(...args) as T;
const SOAP_OFFER = '17845512370';

describe('matching order lines to products', () => {
  it('offer id → seller SKU → EAN; the order of imports does not matter (orders first, stock later)', async () => {
    await importPath(t.core, fixture('checkout-forms.page-1.json'));
    expect(one('SELECT count(*) FROM reservations')).toBe(0);
    const sheet = await importPath(t.core, fixture('stan-magazynu.xlsx'));
    // The stock sheet's products match 26 of 27 lines by SKU; open orders reserve stock for them.
    expect(one('SELECT count(*) FROM order_lines WHERE product_id IS NOT NULL')).toBe(26);
    expect(sheet.run.entities.orderLines).toMatchObject({ updated: 26 });
    const reserved = one<number>("SELECT sum(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.status IN ('new','to_pick','packed','on_hold') AND l.product_id IS NOT NULL");
    expect(one('SELECT sum(reserved) FROM products')).toBe(reserved);
    // Shipped and cancelled orders hold nothing.
    expect(one("SELECT count(*) FROM reservations r JOIN order_lines l ON l.id = r.order_line_id JOIN orders o ON o.id = l.order_id WHERE o.status NOT IN ('new','to_pick','packed','on_hold')")).toBe(0);
  });

  it('unmatched lines are listed once per offer; a link is remembered, applied retroactively and reserves stock', async () => {
    await importPath(t.core, fixture('stan-magazynu.xlsx'));
    await importPath(t.core, fixture('offers-szablon.xlsx'));
    await importPath(t.core, fixture('checkout-forms.page-1.json'));
    const { items, total } = listUnmatched(t.core, { offset: 0, limit: 50 });
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ offerId: SOAP_OFFER, externalId: null, name: 'Mydło naturalne z mlekiem kozim 100 g', lines: 1, units: 2, openLines: 1 });
    // The soap has no SKU anywhere; its name finds the product the sheet made for it.
    const soap = t.core.sqlite.prepare("SELECT id, sku FROM products WHERE name LIKE 'Mydło%'").get() as { id: number; sku: string };
    expect(items[0]!.suggestions[0]).toMatchObject({ productId: soap.id, sku: soap.sku });

    expect(linkToProduct(t.core, { offerId: SOAP_OFFER, productId: soap.id }, 'owner')).toEqual({ linkedLines: 1, reservedLines: 1 });
    expect(one('SELECT reserved FROM products WHERE id = ?', soap.id)).toBe(2);
    expect(one('SELECT product_id FROM offers WHERE allegro_offer_id = ?', SOAP_OFFER)).toBe(soap.id);
    expect(listUnmatched(t.core, { offset: 0, limit: 50 }).total).toBe(0);
    expect(one("SELECT count(*) FROM audit_log WHERE action = 'import.link'")).toBe(1);

    // A later order for the same offer is matched by the remembered link (and the offer) at import time.
    const page = JSON.parse(readFixture('checkout-forms.page-1.json').toString('utf8'));
    const next = structuredClone(page.checkoutForms.find((o: { id: string }) => o.id.startsWith('67d57b58')));
    next.id = '99999999-0000-4000-8000-000000000001';
    next.lineItems[0].id = '99999999-0000-4000-8000-000000000002';
    next.status = 'READY_FOR_PROCESSING';
    const r = await importBytes(t.core, 'next.json', Buffer.from(JSON.stringify({ checkoutForms: [next], count: 1, totalCount: 1 })));
    expect(r.run.inserted).toBe(1);
    expect(one("SELECT product_id FROM order_lines WHERE allegro_line_id = '99999999-0000-4000-8000-000000000002'")).toBe(soap.id);
  });
});

describe('orders', () => {
  it('without an Allegro dispatch window, the promise comes from the shop\'s handling time (Polish working days)', async () => {
    await importPath(t.core, fixture('checkout-forms.page-1.json'));
    const row = t.core.sqlite.prepare("SELECT dispatch_by, paid_at, bought_at FROM orders WHERE delivery_method_name = 'Odbiór osobisty'").get() as { dispatch_by: string; paid_at: string; bought_at: string };
    expect(row.dispatch_by).toBe(promisedDispatchBy({ allegroDispatchTo: null, startedAt: row.paid_at ?? row.bought_at, handlingTimeDays: 1 }));
  });

  it('CSV after JSON leaves the richer API data alone; JSON after CSV completes it', async () => {
    await importPath(t.core, fixture('checkout-forms.page-1.json'));
    const hash = contentHash(t.core.sqlite);
    const csv = await importPath(t.core, fixture('orders-export.csv'));
    expect(csv.run).toMatchObject({ inserted: 0, updated: 0, unchanged: 19 });
    expect(csv.problems.map((p) => p.code)).toEqual(['api_data_kept']);
    expect(contentHash(t.core.sqlite)).toBe(hash);

    const other = await tempCore({ now: () => new Date('2026-06-16T08:00:00Z') });
    try {
      await importPath(other.core, fixture('orders-export.csv'));
      const json = await importPath(other.core, fixture('checkout-forms.page-1.json'));
      expect(json.run).toMatchObject({ inserted: 1, updated: 19 });
      expect(other.core.sqlite.prepare("SELECT count(*) FROM orders WHERE revision IS NOT NULL").pluck().get()).toBe(20);
    } finally {
      await other.dispose();
    }
  });

  it('an older revision does not overwrite a newer one', async () => {
    const page = JSON.parse(readFixture('checkout-forms.page-1.json').toString('utf8'));
    const newer = structuredClone(page);
    newer.checkoutForms[0].revision = 'newer001';
    newer.checkoutForms[0].updatedAt = '2026-06-16T07:00:00.000Z';
    newer.checkoutForms[0].fulfillment.status = 'PROCESSING';
    await importBytes(t.core, 'newer.json', Buffer.from(JSON.stringify(newer)));
    const older = await importPath(t.core, fixture('checkout-forms.page-1.json'));
    expect(older.run).toMatchObject({ inserted: 0, updated: 0, unchanged: 20 });
    expect(older.problems.map((p) => p.code)).toEqual(['older_than_stored']);
    expect(one("SELECT revision FROM orders WHERE allegro_order_id = ?", page.checkoutForms[0].id)).toBe('newer001');
  });
});

describe("the owner's sheet", () => {
  const csv = (text: string) => Buffer.from(text, 'utf8');

  it('English headers, text that looks like a formula stored as text, prices and VAT in every spelling', async () => {
    const sheet = csv(
      'Stock list\n\nSKU,Product name,Barcode,Qty,Price,VAT,Shelf\n' +
        'A-1,=SUM(A1:A2),5901234123457,3,"1 234,56 zł",23%,R1\n' +
        'A-2,+48 sprzedawca,,0,12.5,8,R1\n' +
        'A-3,@home,,1,0,zw,\n' +
        'A-4,-minus,,2,"7,00",0.05,R2\n',
    );
    const preview = await previewImport(t.core, { name: 'stock.csv', bytes: sheet });
    expect(preview.mapping?.mapping.columns.map((c) => c.field)).toEqual(['sku', 'name', 'ean', 'quantity', 'salePrice', 'vatRate', 'location']);
    expect(preview.counts).toMatchObject({ inserted: 4, errors: 0 });
    // The sheet does not say on which day it counted (issue 13.14): the owner says today.
    expect(preview.needsCountedOn).toBe(true);
    const { run } = await commitImport(t.core, preview.token, { countedOn: warsawToday(t.core) });
    expect(run.status).toBe('committed');
    expect(t.core.sqlite.prepare('SELECT sku, name, sale_price_grosze p, vat_rate v, on_hand FROM products ORDER BY sku').all()).toEqual([
      { sku: 'A-1', name: '=SUM(A1:A2)', p: 123456, v: '23', on_hand: 3 },
      { sku: 'A-2', name: '+48 sprzedawca', p: 1250, v: '8', on_hand: 0 },
      { sku: 'A-3', name: '@home', p: 0, v: 'zw', on_hand: 1 },
      { sku: 'A-4', name: '-minus', p: 700, v: '5', on_hand: 2 },
    ]);
  });

  it('invalid rows: the file is rejected as a whole, unless the owner imports the valid rows', async () => {
    const sheet = csv('Kod;Nazwa;Ilość;Cena\nX-1;Kubek;4;10,00\nX-2;Talerz;dużo;5,00\nX-3;Miska;2;abc\nX-4;Dzbanek;1;30,00\n');
    const before = contentHash(t.core.sqlite);
    const first = await importBytes(t.core, 'stan.csv', sheet);
    expect(first.run.status).toBe('rejected');
    expect(first.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.value])).toEqual([
      [3, 'Ilość', 'dużo'],
      [4, 'Cena', 'abc'],
    ]);
    expect(first.problems[0]!.message.pl).toBe('Wiersz 3, kolumna Ilość: „dużo” nie jest liczbą sztuk (liczba całkowita, 0 lub więcej).');
    expect(contentHash(t.core.sqlite)).toBe(before);

    const second = await importBytes(t.core, 'stan.csv', sheet, { validRowsOnly: true });
    expect(second.run).toMatchObject({ status: 'committed', inserted: 2, skippedRows: 2 });
    expect(t.core.sqlite.prepare('SELECT sku FROM products ORDER BY sku').pluck().all()).toEqual(['X-1', 'X-4']);
  });

  it('the owner edits the mapping: the preview follows, and the edit is remembered for that layout', async () => {
    const sheet = csv('Symbol;Opis;Stan;Cena netto;Cena\nK-1;Kubek;4;8,00;10,00\n');
    const preview = await previewImport(t.core, { name: 'a.csv', bytes: sheet });
    expect(preview.status).toBe('needs_mapping');
    // "Opis" is not recognised as the name: the owner must choose it.
    expect(preview.mapping?.missingFields).toEqual(['name']);
    const mapping = { headerRow: 1, columns: [{ index: 0, field: 'sku' as const }, { index: 1, field: 'name' as const }, { index: 2, field: 'quantity' as const }, { index: 3, field: 'purchasePrice' as const }, { index: 4, field: 'salePrice' as const }] };
    const remapped = await remapImport(t.core, preview.token, mapping);
    expect(remapped.counts).toMatchObject({ inserted: 1, errors: 0 });
    const { run } = await commitImport(t.core, remapped.token, { mapping, saveMappingAs: 'Mój arkusz', countedOn: warsawToday(t.core) });
    expect(run.status).toBe('committed');
    expect(t.core.sqlite.prepare('SELECT purchase_price_grosze, sale_price_grosze FROM products').get()).toEqual({ purchase_price_grosze: 800, sale_price_grosze: 1000 });
    const next = await previewImport(t.core, { name: 'b.csv', bytes: csv('Symbol;Opis;Stan;Cena netto;Cena\nK-1;Kubek;5;8,00;10,00\n') });
    expect(next.status).toBe('ready');
    expect(next.mapping?.savedMappingName).toBe('Mój arkusz');
    expect(next.counts).toMatchObject({ inserted: 0, updated: 1 });
  });
});
