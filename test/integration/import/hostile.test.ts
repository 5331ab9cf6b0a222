import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../../support/temp-core';
import { contentHash, fixture, hostile, importPath, tableCounts } from './support';

/**
 * Every hostile sample is either imported with precise warnings or rejected with a message naming the
 * file, row and column — and a rejected file changes nothing (content hash of a real SQLite file with
 * data in it, before and after).
 */
let t: TempCore;
beforeEach(async () => {
  t = await tempCore({ now: () => new Date('2026-06-16T08:00:00Z') });
  // A shop with products already: a rejected file must leave all of it untouched.
  await importPath(t.core, fixture('stan-magazynu.xlsx'));
});
afterEach(async () => t.dispose());

const one = <T = unknown>(sql: string, ...args: unknown[]) => t.core.sqlite.prepare(sql).pluck().get(...args) as T;

async function expectRejected(name: string) {
  const before = contentHash(t.core.sqlite);
  const counts = tableCounts(t.core.sqlite);
  const { preview, run, problems } = await importPath(t.core, hostile(name));
  expect(preview.status).toBe('rejected');
  expect(run.status).toBe('rejected');
  expect(run).toMatchObject({ inserted: 0, updated: 0 });
  expect(contentHash(t.core.sqlite)).toBe(before);
  expect(tableCounts(t.core.sqlite)).toEqual(counts);
  // The rejection is recorded in the history, with the file's checksum.
  expect(one('SELECT status FROM import_runs WHERE id = ?', run.id)).toBe('rejected');
  const errors = problems.filter((p) => p.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expect(e.file).toBe(name);
  return errors;
}

async function expectImported(name: string, counts: { inserted: number; warnings?: number }) {
  const { preview, run, problems } = await importPath(t.core, hostile(name));
  expect(run.status).toBe('committed');
  expect(run.inserted).toBe(counts.inserted);
  if (counts.warnings !== undefined) expect(run.warnings).toBe(counts.warnings);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  // And again: nothing inserted, nothing updated.
  const hash = contentHash(t.core.sqlite);
  const again = await importPath(t.core, hostile(name));
  expect(again.run).toMatchObject({ inserted: 0, updated: 0 });
  expect(contentHash(t.core.sqlite)).toBe(hash);
  return { preview, run, problems };
}

describe('hostile orders CSVs', () => {
  it('Windows-1250 (no BOM): detected, Polish letters intact', async () => {
    const { preview } = await expectImported('orders-export.win1250.csv', { inserted: 19, warnings: 0 });
    expect(preview.encoding).toBe('windows-1250');
    expect(one("SELECT buyer_name FROM orders WHERE allegro_order_id LIKE '82e163c5%'")).toBe('Jerzy Żabiński');
  });

  it('UTF-8 with BOM and CRLF', async () => {
    const { preview } = await expectImported('orders-export.utf8-bom-crlf.csv', { inserted: 19, warnings: 0 });
    expect(preview.encoding).toBe('utf-8-bom');
    expect(one("SELECT buyer_message FROM orders WHERE allegro_order_id LIKE '0a293858%'")).toContain('paragon');
  });

  it('Polish Excel re-save: cp1250, semicolons, decimal commas, padded records', async () => {
    const { preview } = await expectImported('orders-export.excel-pl-semicolon.win1250.csv', { inserted: 19, warnings: 0 });
    expect(preview.encoding).toBe('windows-1250');
    expect(one("SELECT total_to_pay_grosze FROM orders WHERE allegro_order_id LIKE '1d8af78c%'")).toBe(5299);
    expect(one('SELECT count(*) FROM order_lines')).toBe(26);
  });

  it('amounts with space / no-break-space thousands and decimal comma', async () => {
    await expectImported('orders-export.decimal-comma-thousands.csv', { inserted: 19, warnings: 0 });
    expect(one("SELECT total_to_pay_grosze FROM orders WHERE allegro_order_id LIKE '2dc5e42a%'")).toBe(251799);
  });

  it('truncated inside a quoted field: rejected, naming the row and column', async () => {
    const [error] = await expectRejected('orders-export.truncated.csv');
    expect(error).toMatchObject({ code: 'csv_unclosed_quote', row: 25, column: 'Name', file: 'orders-export.truncated.csv' });
    expect(error!.message.pl).toContain('wiersz 25');
    expect(error!.message.en).toContain('column Name');
  });

  it('a repeated order row and line row: imported once, each repeat reported', async () => {
    const { problems } = await expectImported('orders-export.duplicate-row.csv', { inserted: 19, warnings: 2 });
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['duplicate_record', 7, 'OrderId'],
      ['duplicate_record', 29, 'LineItemId'],
    ]);
    expect(one('SELECT count(*) FROM order_lines')).toBe(26);
  });

  it('an extra MarketplaceId column and newer line columns are read by name', async () => {
    await expectImported('orders-export.extra-column.csv', { inserted: 19, warnings: 0 });
    expect(one("SELECT marketplace FROM orders WHERE allegro_order_id LIKE '1d8af78c%'")).toBe('allegro-pl');
    expect(one("SELECT count(*) FROM orders WHERE status = 'cancelled'")).toBe(2);
  });

  it('required columns missing: rejected, naming each column and the header row', async () => {
    const errors = await expectRejected('orders-export.missing-column.csv');
    expect(errors.map((e) => [e.code, e.row, e.column])).toEqual([
      ['missing_column', 1, 'OrderId'],
      ['missing_column', 1, 'TotalToPayAmount'],
    ]);
  });

  it('the newer line-item layout (ReturnsQuantity, Deposit…)', async () => {
    await expectImported('orders-export.newer-lineitem-columns.csv', { inserted: 19, warnings: 0 });
  });

  it('sections reordered, no blank lines: found by their header rows', async () => {
    await expectImported('orders-export.sections-reordered-no-blank-lines.csv', { inserted: 19, warnings: 0 });
    expect(one('SELECT count(*) FROM order_lines')).toBe(26);
  });

  it('only the header line: nothing to import, said plainly', async () => {
    const { problems } = await expectImported('orders-export.header-only.csv', { inserted: 0, warnings: 1 });
    expect(problems[0]).toMatchObject({ code: 'no_records', severity: 'warning' });
  });

  it('empty file and BOM-only file: rejected', async () => {
    expect((await expectRejected('empty.csv'))[0]).toMatchObject({ code: 'empty_file' });
    expect((await expectRejected('empty-bom.csv'))[0]!.message.en).toContain('byte-order mark');
  });
});

describe('hostile checkout-forms JSON', () => {
  it('cut at 63 %: rejected, naming the line and the order being read', async () => {
    const [error] = await expectRejected('checkout-forms.truncated.json');
    expect(error).toMatchObject({ code: 'json_truncated', row: 1633, jsonPath: 'checkoutForms[13]' });
    // Not even the 13 complete orders before the cut are imported.
    expect(one('SELECT count(*) FROM orders')).toBe(0);
  });

  it('an empty page past the end', async () => {
    const { problems } = await expectImported('checkout-forms.empty-page.json', { inserted: 0, warnings: 1 });
    expect(problems[0]!.message.en).toContain('Allegro has 20 in all');
  });

  it('the same order twice: the newer revision is kept', async () => {
    const { problems } = await expectImported('checkout-forms.duplicate-order-newer-revision.json', { inserted: 20, warnings: 1 });
    expect(problems[0]).toMatchObject({ code: 'newer_revision_kept', jsonPath: 'checkoutForms[20]' });
    expect(one("SELECT revision || ' ' || fulfillment_status || ' ' || status FROM orders WHERE revision LIKE 'ffff%'")).toBe('ffff0001 SENT shipped');
  });

  it('unknown fields and enum values are kept raw, with a warning each', async () => {
    const { problems } = await expectImported('checkout-forms.unknown-fields-and-enums.json', { inserted: 20, warnings: 2 });
    expect(problems.map((p) => [p.code, p.jsonPath, p.value])).toEqual([
      ['unknown_enum', 'checkoutForms[1].fulfillment.status', 'DELIVERED_TO_LOCKER'],
      ['unknown_enum', 'checkoutForms[2].payment.provider', 'NEWPAY'],
    ]);
    expect(one("SELECT count(*) FROM orders WHERE fulfillment_status = 'DELIVERED_TO_LOCKER'")).toBe(1);
    expect(one("SELECT count(*) FROM orders WHERE payment_provider = 'NEWPAY'")).toBe(1);
  });

  it('amounts as JSON numbers: the same grosze as the strings', async () => {
    await expectImported('checkout-forms.amounts-as-numbers.json', { inserted: 20, warnings: 0 });
    const numbers = t.core.sqlite.prepare('SELECT allegro_order_id, total_to_pay_grosze, delivery_cost_grosze FROM orders ORDER BY 1').all();
    const other = await tempCore();
    try {
      await importPath(other.core, fixture('checkout-forms.page-1.json'));
      expect(other.core.sqlite.prepare('SELECT allegro_order_id, total_to_pay_grosze, delivery_cost_grosze FROM orders ORDER BY 1').all()).toEqual(numbers);
      expect(other.core.sqlite.prepare('SELECT sum(unit_price_grosze * quantity) FROM order_lines').pluck().get()).toBe(
        t.core.sqlite.prepare('SELECT sum(unit_price_grosze * quantity) FROM order_lines').pluck().get(),
      );
    } finally {
      await other.dispose();
    }
  });

  it('the 2023 shape: top-level discounts, guaranteed time, taxId only', async () => {
    await expectImported('checkout-forms.legacy-2023-shape.json', { inserted: 20, warnings: 0 });
    expect(one("SELECT invoice_tax_id FROM orders WHERE allegro_order_id LIKE '2dc5e42a%'")).toBe('5471112221');
  });
});

describe('hostile returns and offers', () => {
  it('no returns', async () => {
    await expectImported('customer-returns.empty.json', { inserted: 0, warnings: 1 });
  });

  it('offers saved by Polish Excel: cp1250, 1 249,00 and 1 260', async () => {
    const { preview } = await expectImported('offers.excel-pl.win1250.csv', { inserted: 13, warnings: 0 });
    expect(preview.encoding).toBe('windows-1250');
    expect(one("SELECT price_grosze FROM offers WHERE external_id = 'KOC-WEL-150'")).toBe(124900);
    expect(one("SELECT stock_quantity FROM offers WHERE external_id = 'SAD-LAW-P9'")).toBe(1260);
    expect(one("SELECT title FROM offers WHERE external_id = 'KS-ZIOLA-01'")).toBe('Poradnik „Zioła w ogrodzie” – książka');
  });

  it('no SKU column: offers imported, linked by EAN where possible, and said so', async () => {
    const { problems } = await expectImported('offers.missing-sku-column.csv', { inserted: 13, warnings: 1 });
    expect(problems[0]).toMatchObject({ code: 'no_sku_column', row: 1, column: 'Sygnatura/SKU Sprzedającego' });
    // The stock sheet's products have EANs: the offers with the same EAN are linked to them.
    expect(one("SELECT p.sku FROM offers o JOIN products p ON p.id = o.product_id WHERE o.allegro_offer_id = '17845512301'")).toBe('SW-LAW-200');
  });

  it('two offers with one SKU: both linked to the same product, with a warning', async () => {
    const { problems } = await expectImported('offers.duplicate-sku.csv', { inserted: 14, warnings: 1 });
    expect(problems[0]).toMatchObject({ code: 'duplicate_sku', column: 'Sygnatura/SKU Sprzedającego', value: 'SW-LAW-200' });
    expect(one("SELECT count(DISTINCT allegro_offer_id) FROM offers o JOIN products p ON p.id = o.product_id WHERE p.sku = 'SW-LAW-200'")).toBe(2);
  });

  it('the workbook with its top rows deleted (labels in row 1)', async () => {
    await expectImported('offers-szablon.headers-in-row-1.xlsx', { inserted: 13, warnings: 0 });
  });
});

describe('files that are not what they claim', () => {
  it('a binary file named .csv and a broken workbook are rejected without touching the shop', async () => {
    const { importBytes } = await import('./support');
    const before = contentHash(t.core.sqlite);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const bin = await importBytes(t.core, 'zamowienia.csv', png);
    expect(bin.run.status).toBe('rejected');
    const zip = Buffer.concat([Buffer.from('PK\u0003\u0004'), readFileSync(fixture('orders-export.csv')).subarray(0, 500)]);
    const broken = await importBytes(t.core, 'stan.xlsx', zip);
    expect(broken.run.status).toBe('rejected');
    expect(broken.problems[0]!.code).toBe('xlsx_invalid');
    expect(contentHash(t.core.sqlite)).toBe(before);
  });
});
