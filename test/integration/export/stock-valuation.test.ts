import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { stockValuationFile } from '../../../electron/core/export/export.service';
import { appendLedger } from '../../../electron/core/stock/ledger.repository';
import { tempCore, type TempCore } from '../../support/temp-core';
import { cellMinor, money, readRegisterCsv, readXlsx, sheetRows } from './support/read-exports';

/**
 * Stock valuation at the end of a day: the quantity is the ledger's sum up to that moment (Warsaw time),
 * later movements do not count, the value is quantity × purchase price in grosze.
 */
let t: TempCore;

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-11-05T10:00:00Z') });
  const at = '2026-09-01T08:00:00.000Z';
  const product = t.core.sqlite.prepare(
    `INSERT INTO products (sku, name, ean, purchase_price_grosze, allow_backorder, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)`,
  );
  const a = Number(product.run('ŚWIECA-01', 'Świeca sojowa „Łąka”', '5901234123457', 1234, at, at).lastInsertRowid);
  const b = Number(product.run('=SUM(A1)', 'Produkt o dziwnym SKU', null, 999, at, at).lastInsertRowid);
  const c = Number(product.run('BEZ-CENY', 'Towar bez ceny zakupu', null, null, at, at).lastInsertRowid);
  const move = (productId: number, quantity: number, when: string) =>
    appendLedger(t.core.db, { productId, kind: quantity > 0 ? 'receipt' : 'sale', quantity, reason: 'test', actor: 'owner' }, new Date(when));
  await move(a, 10, '2026-10-01T08:00:00.000Z');
  await move(a, -3, '2026-10-31T22:30:00.000Z'); // 23:30 on 31 October in Warsaw (UTC+1): still October
  await move(a, -2, '2026-10-31T23:30:00.000Z'); // 00:30 on 1 November in Warsaw: not counted
  await move(b, 7, '2026-10-15T08:00:00.000Z');
  await move(c, 4, '2026-10-15T08:00:00.000Z');
});
afterAll(() => t.dispose());

describe('stock valuation', () => {
  it('counts the ledger up to the end of the Warsaw day and values at purchase price', async () => {
    const preview = await call(t.core, 'export.stockValuationPreview', { date: '2026-10-31' });
    // 7 × 12,34 + 7 × 9,99 = 86,38 + 69,93; the product without a price is listed but not valued.
    expect(preview).toEqual({ date: '2026-10-31', products: 3, units: 7 + 7 + 4, value: 8638 + 6993, withoutPrice: 1, negative: 0 });
    expect(await call(t.core, 'export.stockValuationPreview', { date: '2026-11-01' })).toMatchObject({ units: 5 + 7 + 4 });
    expect(await call(t.core, 'export.stockValuationPreview', { date: '2026-09-30' })).toMatchObject({ products: 0, units: 0, value: 0 });
    await expect(call(t.core, 'export.stockValuationPreview', { date: '2026-02-30' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('writes CSV and XLSX whose rows add up to the total, SKUs and EANs kept as text', async () => {
    const csv = readRegisterCsv((await stockValuationFile(t.core, '2026-10-31', 'csv')).bytes);
    expect(csv.hasBom).toBe(true);
    expect(csv.rows).toHaveLength(3);
    const weird = csv.rows.find((r) => r.Nazwa === 'Produkt o dziwnym SKU')!;
    expect(weird.SKU).toBe("'=SUM(A1)");
    const total = csv.totals[0]!;
    expect(money(total['Wartość'])).toBe(csv.rows.reduce((a, r) => a + money(r['Wartość']), 0));
    expect(money(total['Wartość'])).toBe(15631);
    expect(csv.rows.find((r) => r.SKU === 'BEZ-CENY')?.Uwagi).toBe('brak ceny zakupu');

    const wb = await readXlsx((await stockValuationFile(t.core, '2026-10-31', 'xlsx')).bytes);
    const rows = sheetRows(wb.getWorksheet('Wycena')!);
    const data = rows.filter((r) => r.SKU!.value !== 'RAZEM' && r.Lp!.value !== null);
    expect(data).toHaveLength(3);
    const ean = data.find((r) => r.SKU!.value === 'ŚWIECA-01')!.EAN!;
    expect(ean.value).toBe('5901234123457');
    expect(data.find((r) => r.Nazwa!.value === 'Produkt o dziwnym SKU')!.SKU!.value).toBe('=SUM(A1)');
    const sum = data.reduce((a, r) => a + cellMinor(r['Wartość']!.value), 0);
    expect(cellMinor(rows.find((r) => r.SKU!.value === 'RAZEM')!['Wartość']!.value)).toBe(sum);
    expect(wb.getWorksheet('Uwagi')!.getColumn(1).values.join(' ')).toMatch(/produkty bez ceny zakupu: 1\./);
  });
});
