import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../../support/temp-core';
import { contentHash, fixture, importPath, tableCounts } from './support';

/**
 * Every baseline sample of the shared Allegro set imports with counts derived from the file itself
 * (see test/fixtures/allegro/README.md), and importing it again changes nothing.
 */
let t: TempCore;
beforeEach(async () => {
  t = await tempCore({ now: () => new Date('2026-06-16T08:00:00Z') });
});
afterEach(async () => t.dispose());

const q = <T = unknown>(sql: string, ...args: unknown[]) => t.core.sqlite.prepare(sql).all(...args) as T[];
const one = <T = unknown>(sql: string, ...args: unknown[]) => t.core.sqlite.prepare(sql).pluck().get(...args) as T;

describe('baseline samples', () => {
  it('checkout-forms.page-1.json: 20 orders, 27 lines (64 units), 20 buyers; open orders reserve stock', async () => {
    const { preview, run, problems } = await importPath(t.core, fixture('checkout-forms.page-1.json'));
    expect(preview.format).toBe('allegro-checkout-forms');
    expect(preview.counts).toMatchObject({ inserted: 20, updated: 0, unchanged: 0, rejected: 0, errors: 0, warnings: 0 });
    expect(run).toMatchObject({ status: 'committed', inserted: 20, updated: 0, unchanged: 0, skippedRows: 0 });
    expect(problems).toEqual([]);
    expect(tableCounts(t.core.sqlite)).toMatchObject({ orders: 20, order_lines: 27, customers: 20 });
    expect(one('SELECT sum(quantity) FROM order_lines')).toBe(64);
    // No products yet: nothing to reserve, every line is unmatched.
    expect(one('SELECT count(*) FROM order_lines WHERE product_id IS NULL')).toBe(27);
    // Statuses: 2 cancelled, SENT ×5 shipped, PICKED_UP + RETURNED delivered, SUSPENDED + BOUGHT + FILLED_IN on hold.
    expect(Object.fromEntries(q<{ status: string; n: number }>('SELECT status, count(*) n FROM orders GROUP BY status').map((r) => [r.status, r.n]))).toEqual({
      cancelled: 2, shipped: 5, delivered: 2, on_hold: 3, new: 8,
    });
    // Money in grosze: the 2 517,99 zł order and the CZK order.
    expect(one("SELECT total_to_pay_grosze FROM orders WHERE allegro_order_id LIKE '2dc5e42a%'")).toBe(251799);
    expect(q("SELECT currency, total_to_pay_grosze t FROM orders WHERE allegro_order_id LIKE 'c15c3b14%'")).toEqual([{ currency: 'CZK', t: 25900 }]);
    // The revision and the surcharge (10,00 zł) kept as columns, not the order's JSON (the file is kept once,
    // see order-register-fields.test.ts); carrier from the method name; Allegro's dispatch deadline kept.
    const first = q<{ raw_json: string | null; revision: string; surcharges_grosze: number; carrier: string; dispatch_by: string; delivery_method_name: string }>("SELECT raw_json, revision, surcharges_grosze, carrier, dispatch_by, delivery_method_name FROM orders WHERE allegro_order_id = '1d8af78c-4dae-11f1-b0c0-0da1ab2f2a15'")[0]!;
    expect(first).toMatchObject({ raw_json: null, revision: '8fa5ae26', surcharges_grosze: 1000, carrier: 'inpost', dispatch_by: '2026-06-16T22:00:00.000Z', delivery_method_name: 'Allegro Paczkomaty InPost' });
    expect(one("SELECT carrier FROM orders WHERE delivery_method_name = 'Allegro One Box, DPD'")).toBe('dpd');
    expect(one("SELECT carrier FROM orders WHERE delivery_method_name = 'Odbiór osobisty'")).toBe('personal');
    // Invoice NIP from company.ids[PL_NIP].
    expect(one("SELECT count(*) FROM orders WHERE invoice_required = 1")).toBe(3);
  });

  it('orders-export.csv: 19 orders (the BOUGHT one is not in the CSV), 26 lines, tracking numbers as shipments', async () => {
    const { preview, run } = await importPath(t.core, fixture('orders-export.csv'));
    expect(preview.format).toBe('allegro-orders-csv');
    expect(preview.encoding).toBe('utf-8');
    expect(run).toMatchObject({ status: 'committed', inserted: 19, updated: 0, unchanged: 0, skippedRows: 0, warnings: 0 });
    expect(tableCounts(t.core.sqlite)).toMatchObject({ orders: 19, order_lines: 26 });
    // TrackingNumbers "POCZTA_POLSKA 00712578295607312730" keeps its leading zeros.
    expect(q('SELECT carrier, tracking_number FROM shipments ORDER BY tracking_number').length).toBe(7);
    expect(one("SELECT tracking_number FROM shipments WHERE carrier = 'poczta'")).toBe('00712578295607312730');
    // A buyer message with quotes, a comma and line breaks survives.
    expect(one("SELECT buyer_message FROM orders WHERE allegro_order_id LIKE '0a293858%'")).toBe('Dzień dobry,\nproszę dołączyć paragon do paczki.\nPozdrawiam, J.Ś.');
    expect(one("SELECT payment_type FROM orders WHERE delivery_method_name LIKE '%pobranie'")).toBe('CASH_ON_DELIVERY');
  });

  it('offers-szablon.xlsx, its CSV save and the flat CSV: the same 13 offers', async () => {
    const xlsx = await importPath(t.core, fixture('offers-szablon.xlsx'));
    expect(xlsx.preview.format).toBe('allegro-offers');
    expect(xlsx.run).toMatchObject({ status: 'committed', inserted: 13 });
    // 12 offers carry a SKU → 12 products (the soap has none and stays an unlinked offer).
    expect(tableCounts(t.core.sqlite)).toMatchObject({ offers: 13, products: 12 });
    expect(q("SELECT sku, sale_price_grosze, vat_rate, ean FROM products WHERE sku = 'KOC-WEL-150'")).toEqual([{ sku: 'KOC-WEL-150', sale_price_grosze: 124900, vat_rate: '23', ean: '5901234123709' }]);
    expect(one("SELECT product_id FROM offers WHERE allegro_offer_id = '17845512370'")).toBeNull();
    const before = contentHash(t.core.sqlite);
    for (const other of ['offers-szablon.csv', 'offers-flat.csv']) {
      const again = await importPath(t.core, fixture(other));
      expect(again.preview.format).toBe('allegro-offers');
      // Same offers, same texts (the CSV saves keep every cell as the workbook has it).
      expect(again.run).toMatchObject({ inserted: 0, updated: 0, unchanged: 13 });
    }
    expect(contentHash(t.core.sqlite)).toBe(before);
  });

  it('stan-magazynu.xlsx: 12 products, stock set through 12 stocktake entries (1 694 units), shelves created; title, blank and RAZEM rows skipped', async () => {
    const { preview, run, problems } = await importPath(t.core, fixture('stan-magazynu.xlsx'));
    expect(preview.format).toBe('owner-stock-sheet');
    expect(preview.status).toBe('needs_mapping');
    expect(preview.mapping?.headerRow).toBe(3);
    expect(Object.fromEntries(preview.mapping!.mapping.columns.map((c) => [c.field, preview.mapping!.columns.find((x) => x.index === c.index)!.header]))).toEqual({
      sku: 'Kod (SKU)', name: 'Nazwa towaru', ean: 'EAN', quantity: 'Ilość', unit: 'J.m.', purchasePrice: 'Cena zakupu netto', vatRate: 'VAT', salePrice: 'Cena sprzedaży brutto', location: 'Lokalizacja',
    });
    // Row 1's title "Stan magazynu – Pod Lipą – 15.06.2026" dates the count (issue 15.6): said once, as a note.
    expect(run).toMatchObject({ status: 'committed', inserted: 12, warnings: 3 });
    expect(problems.map((p) => [p.code, p.row])).toEqual([['sheet_dated', 1], ['sku_generated', 14], ['totals_row', 18]]);
    // Read in the preview, before anything is written, as well as after: not in the past tense (second walk).
    expect(problems.find((p) => p.code === 'sku_generated')!.message.pl).toMatch(/nie ma kodu SKU — dostaje kod BEZ-SKU-/);
    expect(tableCounts(t.core.sqlite)).toMatchObject({ products: 12, stock_ledger: 12, locations: 12 });
    expect(one('SELECT sum(on_hand) FROM products')).toBe(1694);
    expect(q("SELECT ean, unit, vat_rate, purchase_price_grosze p, sale_price_grosze s FROM products WHERE sku = 'MIOD-RZE-500'")).toEqual([{ ean: '5901234123501', unit: 'słoik', vat_rate: '5', p: 1702, s: 3250 }]);
    // An EAN Excel stored as a number is still the right 13 digits.
    expect(one("SELECT ean FROM products WHERE sku = 'SW-CYN-200'")).toBe('5901234123464');
    // The mapping is remembered for this layout: the next sheet like it needs no confirmation.
    const again = await importPath(t.core, fixture('stan-magazynu.excel-pl.win1250.csv'));
    expect(again.preview.status).toBe('ready');
    expect(again.preview.encoding).toBe('windows-1250');
    expect(again.run).toMatchObject({ inserted: 0, updated: 0, unchanged: 12 });
    // The Excel-mangled EANs are flagged and not imported (the good EANs from the XLSX stay).
    expect(again.problems.filter((p) => p.code === 'ean_scientific').map((p) => [p.row, p.column, p.value])).toEqual([
      [5, 'EAN', '5,90123E+12'], [8, 'EAN', '5,90123E+12'], [12, 'EAN', '5,90123E+12'], [15, 'EAN', '9,78830E+12'],
    ]);
    expect(one("SELECT ean FROM products WHERE sku = 'SW-CYN-200'")).toBe('5901234123464');
  });

  it('customer-returns.json: 5 returns with Allegro reasons, linked to their orders and lines', async () => {
    await importPath(t.core, fixture('checkout-forms.page-1.json'));
    const { run } = await importPath(t.core, fixture('customer-returns.json'));
    expect(run).toMatchObject({ status: 'committed', inserted: 5, warnings: 0 });
    expect(tableCounts(t.core.sqlite)).toMatchObject({ returns: 5, return_lines: 5 });
    expect(Object.fromEntries(q<{ allegro_status: string; status: string }>('SELECT allegro_status, status FROM returns').map((r) => [r.allegro_status, r.status]))).toEqual({
      FINISHED: 'closed', DELIVERED: 'expected', DISPATCHED: 'expected', CREATED: 'expected', REJECTED: 'rejected',
    });
    expect(one('SELECT count(*) FROM returns WHERE order_id IS NULL')).toBe(0);
    expect(one('SELECT count(*) FROM return_lines WHERE order_line_id IS NULL')).toBe(0);
    expect(q("SELECT reason_code, quantity FROM return_lines WHERE offer_id = '17845512340'")).toEqual([{ reason_code: 'NOT_AS_DESCRIBED', quantity: 3 }]);
    expect(one("SELECT refund_grosze FROM returns WHERE reference_number = '4855/Z06E'")).toBe(4497);
    // The refund deadline is the legal one, as for a return registered by hand: 14 Warsaw days, to the end of
    // the day (CEST: 21:59:59 UTC), a Sunday moved to Monday.
    expect(one("SELECT refund_due_at FROM returns WHERE reference_number = '4821/Z06B'")).toBe('2026-06-23T21:59:59.000Z'); // 9 June → Tue 23 June
    expect(one("SELECT refund_due_at FROM returns WHERE reference_number = '4851/Z06D'")).toBe('2026-06-29T21:59:59.000Z'); // 14 June → Sun 28 → Mon 29 June
  });

  it('checkout-forms.shipments.json: 7 tracking numbers for 7 orders', async () => {
    await importPath(t.core, fixture('checkout-forms.page-1.json'));
    const { run } = await importPath(t.core, fixture('checkout-forms.shipments.json'));
    expect(run).toMatchObject({ status: 'committed', inserted: 7 });
    expect(one("SELECT tracking_number FROM shipments WHERE carrier = 'poczta'")).toBe('00712578295607312730');
  });

  it('billing-entries.json: 7 fees, charges negative', async () => {
    const { run } = await importPath(t.core, fixture('billing-entries.json'));
    expect(run).toMatchObject({ status: 'committed', inserted: 7 });
    expect(one("SELECT amount_grosze FROM billing_entries WHERE allegro_entry_id = '3b7c6290-da50-4009-8cdc-ddd1f91964e2'")).toBe(-440);
  });

  it('the accountant exports are recognised and refused, not imported', async () => {
    for (const name of ['export-sprzedaz-2026-06.epp', 'export-rejestr-sprzedazy-2026-06.csv']) {
      const { run, problems } = await importPath(t.core, fixture(name));
      expect(run.status).toBe('rejected');
      expect(problems[0]).toMatchObject({ code: 'export_file', file: name });
    }
  });

  it('every baseline sample imported twice: the second run inserts and updates nothing, and the data is unchanged', async () => {
    const order = ['stan-magazynu.xlsx', 'offers-szablon.xlsx', 'checkout-forms.page-1.json', 'orders-export.csv', 'checkout-forms.shipments.json', 'customer-returns.json', 'billing-entries.json', 'stan-magazynu.excel-pl.win1250.csv', 'offers-flat.csv'];
    for (const name of order) await importPath(t.core, fixture(name));
    // With products present, open orders are matched and reserve stock; the soap (no SKU) is unmatched.
    expect(one('SELECT count(*) FROM order_lines WHERE product_id IS NULL')).toBe(1);
    expect(one('SELECT sum(reserved) FROM products')).toBe(one("SELECT sum(r.quantity) FROM reservations r"));
    const hash = contentHash(t.core.sqlite);
    for (const name of order) {
      const { run } = await importPath(t.core, fixture(name));
      expect({ name, inserted: run.inserted, updated: run.updated }).toEqual({ name, inserted: 0, updated: 0 });
    }
    expect(contentHash(t.core.sqlite)).toBe(hash);
  });
});
