import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VatRate } from '../../../shared/domain/vat';
import { call } from '../../../electron/core/dispatch';
import { loadDemoShop } from '../../../electron/core/demo/demo-shop';
import { salesRegisterFile, salesRegisterFor } from '../../../electron/core/export/export.service';
import type { SalesRegister } from '../../../electron/core/export/register.types';
import { DomainError } from '../../../electron/core/errors';
import { tempCore, type TempCore } from '../../support/temp-core';
import { cellMinor, eppMinor, money, readEpp, readNotesCsv, readRegisterCsv, readXlsx, sheetRows } from './support/read-exports';

/**
 * Issue 14 point 7 on the demo shop (October 2026): how receipts reach the accountant.
 * - One receipt (PA) per order, the default: what the month looked like (353 PAs in the November).
 * - Exempt from the cash register: one WEW summary per month whose per-rate gross, net and VAT are the
 *   sums of the receipts it replaces — the totals do not move.
 * - Cash register: the month's receipts are the register's periodic report (RO) as the owner entered it;
 *   an invoice to a consumer is an invoice to a receipt (FP): listed, not counted twice. Without the RO
 *   the file is refused. Known by construction: RO = Zaplecze's receipts + 1,00 zł at 23 % (VAT 0,19).
 */
let t: TempCore;
let fpOrder: number;
let mugOrder: number;
let mugReturn: number;
const MONTH = '2026-10';

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-12-07T08:00:00Z') });
  await loadDemoShop(t.core, { orders: 600, products: 60, seed: 11 });
  const at = '2026-10-15T10:00:00.000Z';
  // A consumer asks for an invoice (no NIP): 123,00 zł at 23 %.
  fpOrder = Number(
    t.core.sqlite
      .prepare(`INSERT INTO orders (source, buyer_name, allegro_status, status, bought_at, payment_type, paid_at, total_to_pay_grosze, currency, delivery_country,
                  invoice_required, invoice_first_name, invoice_last_name, invoice_country, created_at, updated_at)
                VALUES ('manual', 'Anna Nowak', NULL, 'delivered', ?, 'ONLINE', ?, 12300, 'PLN', 'PL', 1, 'Anna', 'Nowak', 'PL', ?, ?)`)
      .run(at, at, at, at).lastInsertRowid,
  );
  t.core.sqlite.prepare(`INSERT INTO order_lines (order_id, name, quantity, unit_price_grosze, currency, vat_rate) VALUES (?, 'Koc', 1, 12300, 'PLN', '23')`).run(fpOrder);
  // A receipt sale of two mugs (65,98) on 10.10; one comes back and 32,99 is refunded on 20.10.
  const sold = '2026-10-10T10:00:00.000Z';
  mugOrder = Number(
    t.core.sqlite
      .prepare(`INSERT INTO orders (source, buyer_name, allegro_status, status, bought_at, payment_type, paid_at, total_to_pay_grosze, currency, delivery_country,
                  invoice_required, created_at, updated_at) VALUES ('manual', 'Jan Kowalski', NULL, 'delivered', ?, 'ONLINE', ?, 6598, 'PLN', 'PL', 0, ?, ?)`)
      .run(sold, sold, sold, sold).lastInsertRowid,
  );
  const line = t.core.sqlite.prepare(`INSERT INTO order_lines (order_id, name, quantity, unit_price_grosze, currency, vat_rate) VALUES (?, 'Kubek', 2, 3299, 'PLN', '23')`).run(mugOrder).lastInsertRowid;
  mugReturn = Number(
    t.core.sqlite
      .prepare(`INSERT INTO returns (order_id, status, received_at, refunded_at, refund_grosze, actor, created_at, updated_at)
                VALUES (?, 'closed', '2026-10-18T10:00:00.000Z', '2026-10-20T10:00:00.000Z', 3299, 'owner', ?, ?)`)
      .run(mugOrder, sold, sold).lastInsertRowid,
  );
  t.core.sqlite.prepare(`INSERT INTO return_lines (return_id, order_line_id, quantity, reason_text) VALUES (?, ?, 1, 'nie pasuje')`).run(mugReturn, line);
});
afterAll(() => t.dispose());

const receiptsOf = (r: SalesRegister) => r.documents.filter((d) => d.kind === 'sale' && d.documentType === 'PA' && !d.summaryOf && !d.supply);
function byRate(rows: SalesRegister['rows']) {
  const m = new Map<VatRate, { gross: number; vat: number; net: number }>();
  for (const row of rows) {
    const e = m.get(row.rate) ?? { gross: 0, vat: 0, net: 0 };
    e.gross += row.gross;
    e.vat += row.vat;
    e.net += row.net;
    m.set(row.rate, e);
  }
  return m;
}
/**
 * The .epp's documents read back: each header (62 fields, 1-based through h(n)), its VAT table, and its line
 * of the JPK markers (DOKUMENTYZNACZNIKIJPKVAT, found by the full number in field 1; field 29 the kind).
 */
function eppDocuments(bytes: Uint8Array) {
  const { sections } = readEpp(bytes);
  const docs: Array<{ h: (n: number) => string; vat: string[][]; kind: () => string }> = [];
  let markers: string[][] = [];
  for (let i = 1; i < sections.length; i += 2) {
    const [head, body] = [sections[i]!.records[0]!, sections[i + 1]!.records];
    if (head.length === 1) {
      if (head[0] === 'DOKUMENTYZNACZNIKIJPKVAT') markers = body;
      continue;
    }
    docs.push({ h: (n) => head[n - 1]!, vat: body, kind: () => markers.find((m) => m[0] === head[6])![28]! });
  }
  expect(docs.every((d) => markers.filter((m) => m[0] === d.h(7)).length === 1)).toBe(true);
  return docs;
}

const setMode = (salesRecording: 'per_order' | 'cash_register' | 'exempt') => call(t.core, 'settings.update', { salesRecording });

describe('receipts: one per order, a WEW summary, or the cash register report (issue 14 point 7)', () => {
  let perOrder: SalesRegister;

  it('one PA per order by default; the consumer’s invoice is an FS', async () => {
    perOrder = await salesRegisterFor(t.core, MONTH);
    expect(receiptsOf(perOrder).length).toBeGreaterThan(20);
    expect(perOrder.documents.find((d) => d.sale.orderId === fpOrder)?.documentType).toBe('FS');
  });

  it('exempt: the receipts become one WEW of their sums, the month’s totals unchanged', async () => {
    await setMode('exempt');
    const exempt = await salesRegisterFor(t.core, MONTH);
    expect(receiptsOf(exempt)).toEqual([]);
    const wew = exempt.documents.filter((d) => d.rows.some((r) => r.jpk === 'WEW'));
    expect(wew).toHaveLength(1);
    expect(wew[0]!.documentNumber).toBe('WEW 10/2026');
    expect(wew[0]!.summaryOf).toHaveLength(receiptsOf(perOrder).length);
    const expected = byRate(receiptsOf(perOrder).flatMap((d) => d.rows));
    expect(byRate(wew[0]!.rows)).toEqual(expected);
    const money = ({ currency, net, vat, gross, shipping }: SalesRegister['grandTotals'][number]) => ({ currency, net, vat, gross, shipping });
    expect(exempt.grandTotals.map(money)).toEqual(perOrder.grandTotals.map(money));
    expect(exempt.rows.length).toBeLessThan(perOrder.rows.length);
    // No receipt printed, so no invoice to a receipt.
    expect(exempt.documents.find((d) => d.sale.orderId === fpOrder)?.rows[0]?.jpk ?? null).toBeNull();
  });

  it('cash register: without the RO the file is refused; with it, the RO stands for the receipts, the FP is listed but not counted, the difference is shown', async () => {
    await setMode('cash_register');
    const waiting = await salesRegisterFor(t.core, MONTH);
    expect(waiting.salesRecording).toMatchObject({ mode: 'cash_register', reportMissing: true });
    await expect(salesRegisterFile(t.core, MONTH, 'csv')).rejects.toSatisfy((e: unknown) => e instanceof DomainError && e.code === 'cash_report_missing');
    expect(t.core.sqlite.prepare('SELECT COUNT(*) FROM register_months').pluck().get()).toBe(0);

    // Invoices to a receipt (FP): the consumer's one above, and any the demo's own buyers asked for that month.
    const fpOrders = [...new Set(waiting.rows.filter((r) => r.jpk === 'FP').map((r) => r.orderId))].sort((a, b) => a! - b!);
    expect(fpOrders).toContain(fpOrder);
    const fpRows = perOrder.documents.filter((d) => fpOrders.includes(d.sale.orderId)).flatMap((d) => d.rows);
    // The owner copies the periodic report: Zaplecze's receipts plus the FPs' sales, and 1,00 zł more at 23 %.
    const own = byRate([...receiptsOf(perOrder).flatMap((d) => d.rows), ...fpRows]);
    const totals = [...own].map(([rate, e]) => ({ rate, gross: e.gross + (rate === '23' ? 100 : 0), vat: e.vat + (rate === '23' ? 19 : 0) }));
    await call(t.core, 'accounting.saveCashReport', { month: MONTH, number: '10/2026', reportDate: '2026-10-31', totals });

    const { register, bytes, notes } = await salesRegisterFile(t.core, MONTH, 'csv');
    expect(receiptsOf(register)).toEqual([]);
    const ro = register.documents.find((d) => d.rows.some((r) => r.jpk === 'RO'))!;
    expect(ro.documentNumber).toBe('RO 10/2026');
    expect(ro.date).toBe('2026-10-31');
    expect(ro.rows.map((r) => ({ rate: r.rate, gross: r.gross, vat: r.vat }))).toEqual(totals);
    expect(register.salesRecording?.difference).toEqual([{ rate: '23', gross: 100, vat: 19 }]);
    const fp = register.rows.filter((r) => r.orderId === fpOrder);
    expect(fp.map((r) => [r.jpk, r.excluded, r.gross])).toEqual([['FP', true, 12300]]);
    // Totals: the per-order month without its receipts and the FP's sale, plus the RO.
    const sum = (rows: SalesRegister['rows']) => rows.reduce((a, r) => a + r.gross, 0);
    const expectedGross = perOrder.grandTotals[0]!.gross - sum(receiptsOf(perOrder).flatMap((d) => d.rows)) - sum(fpRows) + sum(ro.rows);
    expect(register.grandTotals).toEqual([expect.objectContaining({ currency: 'PLN', gross: expectedGross })]);

    // Read back: the RO and FP rows by their JPK names, the FP marked outside the totals.
    const csv = readRegisterCsv(bytes);
    const roRows = csv.rows.filter((r) => r['Typ dokumentu'] === 'RO');
    expect(roRows.map((r) => [r['Numer dokumentu'], r['Stawka VAT'], money(r['Brutto']), r['Nr w Zapleczu']])).toEqual(totals.map((x) => ['RO 10/2026', x.rate === 'zw' || x.rate === 'np' ? x.rate : `${x.rate}%`, x.gross, '']));
    expect(csv.rows.filter((r) => r['Typ dokumentu'] === 'FP').map((r) => [r['Nr w Zapleczu'], r['Poza sumą']])).toEqual(
      register.rows.filter((r) => r.jpk === 'FP').map((r) => [`ZAP-${r.orderId}`, 'tak']),
    );
    expect(csv.rows.filter((r) => r['Typ dokumentu'] === 'FP').map((r) => r['Nr w Zapleczu'])).toContain(`ZAP-${fpOrder}`);
    expect(csv.rows.some((r) => r['Typ dokumentu'] === 'PA' && r['Rodzaj'] === 'sprzedaż' && r['Rodzaj dostawy'] === 'krajowa')).toBe(false);
    const side = readNotesCsv(notes!.bytes);
    expect(money(side.totals.find((r) => r['Stawka VAT'] === 'wszystkie')!['Brutto'])).toBe(expectedGross);
    // Closing booked every receipt order under the RO, so none comes back as a late sale.
    const booked = t.core.sqlite.prepare("SELECT COUNT(*) FROM register_bookings WHERE month = ? AND document_number = 'RO 10/2026'").pluck().get(MONTH);
    expect(booked).toBe(receiptsOf(perOrder).length);
  });

  it('cash register: the XLSX carries the record of receipt returns — sale and return day, the sale’s document, the goods, gross and VAT given back', async () => {
    const book = await readXlsx((await salesRegisterFile(t.core, MONTH, 'xlsx')).bytes);
    expect(book.worksheets.map((w) => w.name)).toContain('Ewidencja zwrotów');
    const rows = sheetRows(book.getWorksheet('Ewidencja zwrotów')!);
    const mug = rows.find((r) => r['Protokół zwrotu']!.value === `Z${mugReturn}`)!;
    expect({
      sale: (mug['Data sprzedaży']!.value as Date).toISOString().slice(0, 10),
      back: (mug['Data zwrotu']!.value as Date).toISOString().slice(0, 10),
      document: mug['Dokument sprzedaży']!.value,
      goods: mug['Zwrócony towar']!.value,
      gross: cellMinor(mug['Wartość brutto']!.value),
      vat: cellMinor(mug['Kwota VAT']!.value),
    }).toEqual({ sale: '2026-10-10', back: '2026-10-20', document: `ZAP-${mugOrder}`, goods: 'Kubek × 1 (nie pasuje)', gross: 3299, vat: 617 });
    // Every receipt return of the register is in the record, and nothing else.
    const { register } = await salesRegisterFile(t.core, MONTH, 'csv');
    expect(rows).toHaveLength(register.rows.filter((r) => r.documentType === 'ZW' && r.kind === 'correction').length);
  });

  it('cash register: a closed month’s record of receipt returns stays as it was closed — a later edit of the return changes no byte of its XLSX', async () => {
    const before = (await salesRegisterFile(t.core, MONTH, 'xlsx')).bytes;
    // After the close the owner edits the return: another quantity and reason, the line renamed.
    t.core.sqlite.prepare(`UPDATE return_lines SET quantity = 2, reason_text = 'uszkodzony', name = 'Kubek duży' WHERE return_id = ?`).run(mugReturn);
    const after = (await salesRegisterFile(t.core, MONTH, 'xlsx')).bytes;
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
    const rows = sheetRows((await readXlsx(after)).getWorksheet('Ewidencja zwrotów')!);
    expect(rows.find((r) => r['Protokół zwrotu']!.value === `Z${mugReturn}`)!['Zwrócony towar']!.value).toBe('Kubek × 1 (nie pasuje)');
  });

  it('cash register: the .epp marks the RO as RO and the invoice to a receipt as FP (EDI++ 1.11 JPK markers, field 29 = 1 / 3), so the FP is not counted twice', async () => {
    const { bytes, register } = await salesRegisterFile(t.core, MONTH, 'epp'); // October is closed: the stored register
    const docs = eppDocuments(bytes);
    const ro = docs.filter((d) => d.kind() === '1');
    expect(ro).toHaveLength(1);
    const roDoc = register.documents.find((d) => d.rows.some((r) => r.jpk === 'RO'))!;
    expect([ro[0]!.h(1), ro[0]!.h(7), ro[0]!.h(22), ro[0]!.h(23), ro[0]!.h(12), ro[0]!.h(10)]).toEqual(['PA', 'PA RO 10/2026', '20261031000000', '20261031000000', '', '']);
    expect(eppMinor(ro[0]!.h(30))).toBe(roDoc.gross);
    expect(ro[0]!.vat.map((v) => [v[0], eppMinor(v[3]!), eppMinor(v[4]!)])).toEqual(roDoc.rows.map((r) => [r.rate, r.vat, r.gross]));
    expect(ro[0]!.h(49)).toContain('raport okresowy kasy');

    const fp = docs.filter((d) => d.kind() === '3');
    // The consumer's invoice, and any other invoice to a receipt of the month (the demo's buyers ask for some).
    const fpDocs = register.documents.filter((d) => d.rows.some((r) => r.jpk === 'FP'));
    expect(fp.map((d) => [d.h(1), d.h(10), eppMinor(d.h(30))])).toEqual(fpDocs.map((d) => ['FS', `ZAP-${d.sale.orderId}`, d.gross]));
    expect(fp.map((d) => [d.h(10), eppMinor(d.h(30))])).toContainEqual([`ZAP-${fpOrder}`, 12300]);
    for (const d of fp) expect(d.h(49)).toContain('FP');
    // Nothing else is marked; the headers the accounting program adds up (all but FP) are the register's total.
    expect(docs.filter((d) => d.kind() !== '0' && d.kind() !== '1' && d.kind() !== '3')).toEqual([]);
    const counted = docs.filter((d) => d.kind() !== '3').reduce((a, d) => a + eppMinor(d.h(30)), 0);
    expect(counted).toBe(register.grandTotals[0]!.gross);
    expect(docs.some((d) => d.h(1) === 'PA' && d.kind() === '0' && d.h(55) === '0')).toBe(false); // no receipt of its own beside the RO
  });

  it('exempt from the cash register: the .epp marks the month’s WEW summary as WEW (field 29 = 2), and an invoice to a consumer stays an ordinary FS', async () => {
    await setMode('exempt');
    const NOVEMBER = '2026-11';
    const { bytes, register } = await salesRegisterFile(t.core, NOVEMBER, 'epp');
    const docs = eppDocuments(bytes);
    const wewDoc = register.documents.find((d) => d.rows.some((r) => r.jpk === 'WEW'))!;
    const wew = docs.filter((d) => d.kind() === '2');
    expect(wew.map((d) => [d.h(1), d.h(7), d.h(22), d.h(23), d.h(13)])).toEqual([['PA', 'PA WEW 11/2026', '20261130000000', '20261130000000', '']]);
    expect(eppMinor(wew[0]!.h(28))).toBe(wewDoc.net);
    expect(eppMinor(wew[0]!.h(29))).toBe(wewDoc.vat);
    expect(wew[0]!.vat.map((v) => [v[0], eppMinor(v[2]!), eppMinor(v[3]!), eppMinor(v[4]!)])).toEqual(wewDoc.rows.map((r) => [r.rate, r.net, r.vat, r.gross]));
    expect(wew[0]!.h(49)).toContain('zestawienie');
    expect(docs.filter((d) => d.kind() !== '0' && d.kind() !== '2')).toEqual([]);
    expect(docs.reduce((a, d) => a + eppMinor(d.h(30)), 0)).toBe(register.grandTotals[0]!.gross);
  });
});
