import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { salesRegisterFile } from '../../../electron/core/export/export.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { FIXTURES, loadSampleOrders, loadSampleReturns, writeShopSettings } from './support/sample-shop';
import { cellMinor, money, readEpp, readNotesCsv, readRegisterCsv, readXlsx, eppMinor, sheetRows } from './support/read-exports';

/**
 * The month of the Allegro samples (June 2026) through the whole export: the register's amounts per
 * order and rate must equal the hand-made sample register in FORMATS.md §9.2 (which the accountant
 * reviewed as the expected shape), the CSV and XLSX must say the same, and returns must land as negative
 * rows in the month they happened.
 */
let t: TempCore;
let ids: Map<string, number>;

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-07-20T08:00:00Z') });
  writeShopSettings(t.core);
  ids = loadSampleOrders(t.core);
  loadSampleReturns(t.core, ids);
});
afterAll(() => t.dispose());

const sampleCsv = () => readRegisterCsv(new Uint8Array(readFileSync(join(FIXTURES, 'export-rejestr-sprzedazy-2026-06.csv'))));

describe('sales register of the sample month (June 2026)', () => {
  it('matches the sample register amount for amount, per order and VAT rate', async () => {
    const { register } = await salesRegisterFile(t.core, '2026-06', 'csv');
    const sample = sampleCsv();
    expect(sample.rows).toHaveLength(15);
    for (const s of sample.rows) {
      const orderRows = register.rows.filter((r) => r.allegroOrderId === s['Zamówienie Allegro'] && r.kind === 'sale');
      // The cash on delivery order is not delivered (not even shipped) yet: no tax point, not a sale of
      // June (art. 19a ust. 1) — the hand-made sample register counted it by its order date.
      if (s['Zamówienie Allegro']?.startsWith('4397757f')) {
        expect(orderRows).toEqual([]);
        continue;
      }
      const byRate = Object.fromEntries(orderRows.map((r) => [r.rate, r]));
      // 1d8af78c: the buyer also paid a 10,00 zł surcharge (Allegro surcharges[]), which the hand-made
      // sample left out: 52,99 + 10,00 = 62,99 gross, VAT 11,78 (not 9,91 — 1,87 too low, issue 14 point 4).
      if (s['Zamówienie Allegro']?.startsWith('1d8af78c')) {
        expect(orderRows.map((r) => ({ rate: r.rate, gross: r.gross, net: r.net, vat: r.vat, shipping: r.shipping }))).toEqual([
          { rate: '23', gross: 6299, net: 5121, vat: 1178, shipping: 1899 },
        ]);
        continue;
      }
      for (const [rate, netCol, vatCol] of [['23', 'Netto 23%', 'VAT 23%'], ['8', 'Netto 8%', 'VAT 8%'], ['5', 'Netto 5%', 'VAT 5%']] as const) {
        const net = money(s[netCol]);
        const vat = money(s[vatCol]);
        expect({ order: s['Zamówienie Allegro'], rate, net: byRate[rate]?.net ?? 0, vat: byRate[rate]?.vat ?? 0 }).toEqual({ order: s['Zamówienie Allegro'], rate, net, vat });
      }
      expect(orderRows.reduce((a, r) => a + r.gross, 0)).toBe(money(s['Razem brutto']));
      expect(orderRows[0]?.documentType).toBe(s['Typ dokumentu']);
      expect(orderRows[0]?.nip ?? '').toBe(s['NIP nabywcy']);
      expect(orderRows[0]?.ksef).toBe(s['Typ dokumentu'] === 'FS' ? 'BFK' : 'DI');
      expect(orderRows[0]?.paymentMethod).toBe(s['Forma płatności']);
      // The sale date is the tax point: the payment, the same day as the purchase for these orders. The
      // sample took calendar dates in UTC; we use Warsaw time. The one order paid after 22:00 UTC
      // (01:01 on 16 June in Poland) is the only difference.
      const expectedDate = s['Zamówienie Allegro'] === '1d8af78c-4dae-11f1-b0c0-0da1ab2f2a15' ? '2026-06-16' : s['Data sprzedaży'];
      expect(orderRows[0]?.saleDate).toBe(expectedDate);
    }
  });

  it('leaves out cancelled and unfinished orders, converts the CZK order to złoty at the NBP rate', async () => {
    const { register } = await salesRegisterFile(t.core, '2026-06', 'csv');
    const sales = register.documents.filter((d) => d.kind === 'sale');
    const orderIds = new Set(sales.map((d) => d.sale.allegroOrderId));
    // 4397757f: cash on delivery, not shipped — no tax point yet.
    for (const excluded of ['469229dc-8ef6-11f1-9ab9-b2a3a0c2a845', 'b71206b1', '67d57b58', '1d506f84', '4397757f']) {
      expect([...orderIds].some((id) => id?.startsWith(excluded.slice(0, 8)))).toBe(false);
    }
    expect(sales).toHaveLength(15);
    // Issue 14 point 6: 259,00 CZK paid 10.06 → NBP table A of 9.06 (0,1745) = 45,20 zł; VAT 23 % from
    // gross 8,45 (it used to be Polish 23 % on the CZK amount, with no conversion).
    const czk = register.rows.filter((r) => r.fx?.currency === 'CZK');
    expect(czk).toHaveLength(1);
    expect(czk[0]).toMatchObject({ rate: '23', currency: 'PLN', gross: 4520, vat: 845, net: 3675, foreignGross: 25900, country: 'CZ', supply: 'wsto' });
    expect(czk[0]!.fx).toMatchObject({ rate: '0.1745', tableNo: '110/A/NBP/2026', day: '2026-06-09' });
    expect(register.totals.find((x) => x.currency === 'CZK')).toBeUndefined();
    expect(register.warnings.map((w) => w.code).sort()).toEqual(['rate_from_product']);
  });

  it('puts refunds as negative correcting rows in the month the money went back', async () => {
    const june = (await salesRegisterFile(t.core, '2026-06', 'csv')).register;
    const july = (await salesRegisterFile(t.core, '2026-07', 'csv')).register;
    // b4fc3f98: goods received back on 13 June, no refund recorded yet → no correction until the refund.
    expect(june.rows.filter((r) => r.kind === 'correction')).toEqual([]);
    // 855ede1c: refunded 59.99 on 2 July → a July correction of a June sale; July has no sales.
    expect(july.rows).toEqual([
      expect.objectContaining({ allegroOrderId: '855ede1c-b7dc-11f1-b936-050c9d5757f4', kind: 'correction', rate: '23', gross: -5999, net: -4877, vat: -1122, correctionDate: '2026-07-02' }),
    ]);
    for (const r of [...june.rows, ...july.rows]) expect(r.net + r.vat).toBe(r.gross);
  });

  it('writes a CSV that Polish Excel reads: BOM, semicolons, CRLF, decimal comma, totals = sum of rows', async () => {
    const { bytes, register, notes } = await salesRegisterFile(t.core, '2026-06', 'csv');
    const csv = readRegisterCsv(bytes);
    // Nothing but the heading and the data rows: totals and notes are their own file (point 10).
    expect(csv.totals).toEqual([]);
    expect(csv.notes).toEqual([]);
    expect(csv.text).not.toMatch(/Uwagi:|RAZEM/);
    const side = readNotesCsv(notes!.bytes);
    expect(notes!.fileName).toBe('rejestr-sprzedazy-2026-06-podsumowanie-i-uwagi.csv');
    expect(csv.hasBom).toBe(true);
    expect(csv.crlfOnly).toBe(true);
    expect(csv.rows).toHaveLength(register.rows.length);
    expect(csv.rows).toHaveLength(17); // 15 sales, two with two rates (b4fc3f98, 7580546a)
    for (const row of csv.rows) expect(money(row.Netto) + money(row.VAT)).toBe(money(row.Brutto));
    const totals = side.totals.filter((r) => r['Stawka VAT'] !== 'wszystkie');
    for (const total of totals) {
      const rows = csv.rows.filter((r) => r['Stawka VAT'] === total['Stawka VAT'] && r.Waluta === total.Waluta);
      for (const col of ['Netto', 'VAT', 'Brutto', 'W tym dostawa i usługi']) expect(rows.reduce((a, r) => a + money(r[col]), 0)).toBe(money(total[col]));
    }
    const plnAll = side.totals.find((r) => r['Stawka VAT'] === 'wszystkie' && r.Waluta === 'PLN');
    expect(money(plnAll?.Brutto)).toBe(csv.rows.filter((r) => r.Waluta === 'PLN').reduce((a, r) => a + money(r.Brutto), 0));
    expect(csv.text).toMatch(/Ślusarczyk Ogrody Sp\. z o\.o\./); // UTF-8 with Polish letters
    expect(side.notes.join('\n')).toMatch(/od brutto/);
    expect(side.notes.join('\n')).toMatch(/proporcjonalnie/);
  });

  it('writes an XLSX with numeric cells, a totals sheet and a notes sheet', async () => {
    const { bytes, register } = await salesRegisterFile(t.core, '2026-06', 'xlsx');
    const wb = await readXlsx(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Rejestr', 'Podsumowanie', 'Uwagi']);
    const rows = sheetRows(wb.getWorksheet('Rejestr')!);
    expect(rows).toHaveLength(register.rows.length);
    for (const row of rows) {
      expect(typeof row.Brutto!.value).toBe('number');
      expect(row.Brutto!.numFmt).toContain('0.00');
      expect(row['Data sprzedaży']!.value).toBeInstanceOf(Date);
      expect(cellMinor(row.Netto!.value) + cellMinor(row.VAT!.value)).toBe(cellMinor(row.Brutto!.value));
    }
    const totals = sheetRows(wb.getWorksheet('Podsumowanie')!);
    for (const total of totals.filter((r) => r['Stawka VAT']!.value !== 'razem')) {
      const mine = rows.filter((r) => r['Stawka VAT']!.value === total['Stawka VAT']!.value && r.Waluta!.value === total.Waluta!.value);
      expect(mine).toHaveLength(total['Liczba wierszy']!.value as number);
      for (const col of ['Netto', 'VAT', 'Brutto']) expect(mine.reduce((a, r) => a + cellMinor(r[col]!.value), 0)).toBe(cellMinor(total[col]!.value));
    }
    const notes = wb.getWorksheet('Uwagi')!.getColumn(1).values.slice(2).join('\n');
    expect(notes).toMatch(/zaokrąglony do pełnego grosza/);
    expect(notes).toMatch(/CZK/);
  });

  it('writes an EDI++ 1.11 file whose documents add up to the register (Windows-1250, CRLF, 24/62/5/31 fields; see epp-1-11.test.ts)', async () => {
    const { bytes, register } = await salesRegisterFile(t.core, '2026-06', 'epp');
    const epp = readEpp(bytes);
    expect(epp.bareLf).toBe(false);
    expect(epp.endsWithEmptyLine).toBe(true);
    expect(Buffer.from(bytes).includes(Buffer.from('Ślusarczyk', 'utf8'))).toBe(false); // not UTF-8…
    expect(epp.text).toContain('Ślusarczyk Ogrody'); // …but cp1250 that decodes to the Polish letters
    const [info, ...rest] = epp.sections;
    expect(info?.label).toBe('INFO');
    expect(info?.records[0]).toHaveLength(24);
    expect(info?.records[0]?.slice(0, 3)).toEqual(['1.11', '0', '1250']);
    const docs: Array<{ header: string[]; vat: string[][] }> = [];
    for (let i = 0; i < rest.length; i += 2) {
      const h = rest[i]!;
      const z = rest[i + 1]!;
      expect([h.label, z.label]).toEqual(['NAGLOWEK', 'ZAWARTOSC']);
      if (h.records[0]?.[0] === 'KONTRAHENCI') {
        for (const c of z.records) expect(c).toHaveLength(31);
        continue;
      }
      if (h.records[0]?.[0] === 'DOKUMENTYZNACZNIKIJPKVAT') continue;
      expect(h.records[0]).toHaveLength(62);
      for (const r of z.records) expect(r).toHaveLength(5);
      docs.push({ header: h.records[0]!, vat: z.records });
    }
    expect(docs).toHaveLength(register.documents.length);
    const sum = (pick: (v: string[]) => string) => docs.flatMap((d) => d.vat).reduce((a, v) => a + eppMinor(pick(v)), 0);
    const pln = register.rows; // EDI++ sums are per file; compare with all rows (PLN + CZK) as the register has them
    expect(sum((v) => v[2]!)).toBe(pln.reduce((a, r) => a + r.net, 0));
    expect(sum((v) => v[3]!)).toBe(pln.reduce((a, r) => a + r.vat, 0));
    expect(sum((v) => v[4]!)).toBe(pln.reduce((a, r) => a + r.gross, 0));
    for (const d of docs) {
      expect(eppMinor(d.header[27]!) + eppMinor(d.header[28]!)).toBe(eppMinor(d.header[29]!));
      expect(d.vat.reduce((a, v) => a + eppMinor(v[4]!), 0)).toBe(eppMinor(d.header[29]!));
    }
    const fs = docs.find((d) => d.header[48]?.includes('2dc5e42a'))!;
    expect(fs.header.slice(0, 1)).toEqual(['FS']);
    expect(fs.header[11]).toBe('NIP5471112221');
    expect(fs.vat).toEqual([['23', '23.0000', '2047.1500', '470.8400', '2517.9900']]);

  });

  it('has the same shape as the sample .epp file', () => {
    const sample = readEpp(new Uint8Array(readFileSync(join(FIXTURES, 'export-sprzedaz-2026-06.epp'))));
    expect(sample.endsWithEmptyLine).toBe(true);
    expect(sample.sections[0]?.records[0]).toHaveLength(24);
    expect(sample.sections[1]?.records[0]).toHaveLength(62);
    expect(sample.sections.at(-1)?.records[0]).toHaveLength(30);
  });

  it('answers the preview channel with the same totals (owner only)', async () => {
    const preview = await call(t.core, 'export.salesRegisterPreview', { month: '2026-06' });
    const { register } = await salesRegisterFile(t.core, '2026-06', 'csv');
    expect(preview.totals).toEqual(register.totals);
    expect(preview).toMatchObject({ sales: 15, corrections: 0, rows: 17 });
    await expect(call(t.core, 'export.salesRegisterPreview', { month: '2026-06' }, { role: 'helper' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(call(t.core, 'export.salesRegisterPreview', { month: '2026-13' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
