import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesRegisterFile } from '../../../electron/core/export/export.service';
import { commitImport, previewImport } from '../../../electron/core/import/import.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { writeShopSettings } from './support/sample-shop';
import { cellMinor, eppMinor, readEpp, readNotesCsv, readRegisterCsv, readXlsx, sheetRows } from './support/read-exports';

/**
 * Issue 14 point 4 (second half): Allegro Prices top-ups (lineItems[].reconciliation, payment.reconciliation)
 * and the deposit-system kaucja (lineItems[].deposit.price; the seller-panel CSV's Deposit) imported by the
 * real importer into a temp shop, and November 2026 exported. The top-up Allegro pays is part of the
 * sale's taxable amount (art. 29a ust. 1: payment from a third party directly linked to the price); the
 * deposit is not (MF tax explanations of 29.08.2025 on the deposit system): listed apart, not taxed.
 * Fixture: test/fixtures/allegro/topups-deposits (see its README).
 */
const DIR = join(__dirname, '..', '..', 'fixtures', 'allegro', 'topups-deposits');
const JSON_FILE = 'checkout-forms.topups-deposits.json';
const CSV_FILE = 'orders-export.deposit.csv';
const TOP_UP = '5c0a1e11-7a21-11f1-9a01-1a2b3c4d5e01';
const BOTTLE = '5c0a1e11-7a21-11f1-9a01-1a2b3c4d5e02';
const WATER = '5c0a1e11-7a21-11f1-9a01-1a2b3c4d5e03';
const DEPOSIT_HEADER = 'Kaucja (poza VAT)';

let t: TempCore;
const orderId = (allegro: string) => t.core.sqlite.prepare('SELECT id FROM orders WHERE allegro_order_id = ?').pluck().get(allegro) as number;

async function importFile(name: string): Promise<void> {
  const preview = await previewImport(t.core, { name, path: join(DIR, name) });
  expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const r = await commitImport(t.core, preview.token, {});
  expect(r.run.status).toBe('committed');
}

beforeAll(async () => {
  // December: November has ended, so its first save closes it (and later saves must give the same bytes).
  t = await tempCore({ now: () => new Date('2026-12-03T09:00:00Z') });
  writeShopSettings(t.core);
  await importFile(JSON_FILE);
  await importFile(CSV_FILE);
});
afterAll(() => t.dispose());

describe('Allegro Prices top-ups and packaging deposits (issue 14 point 4)', () => {
  it('the import keeps the top-up and the deposit per order line, in grosze', () => {
    const lines = t.core.sqlite
      .prepare(
        `SELECT o.allegro_order_id AS id, o.payment_reconciliation_grosze AS orderTopUp, l.reconciliation_grosze AS topUp,
                l.reconciliation_type AS type, l.deposit_grosze AS deposit
         FROM order_lines l JOIN orders o ON o.id = l.order_id ORDER BY o.allegro_order_id`,
      )
      .all();
    expect(lines).toEqual([
      { id: TOP_UP, orderTopUp: 500, topUp: 500, type: 'BILLING', deposit: null },
      { id: BOTTLE, orderTopUp: null, topUp: null, type: null, deposit: 50 },
      // The CSV's Deposit is per unit: 2 × 0,50.
      { id: WATER, orderTopUp: null, topUp: null, type: null, deposit: 100 },
    ]);
  });

  it('the register taxes the top-up with its line and leaves the deposit out of the taxable amount, to the grosz', async () => {
    const { register, bytes } = await salesRegisterFile(t.core, '2026-11', 'csv');
    const rows = (allegro: string) =>
      register.rows.filter((r) => r.allegroOrderId === allegro).map((r) => ({ rate: r.rate, gross: r.gross, net: r.net, vat: r.vat, shipping: r.shipping, deposit: r.deposit ?? 0 }));
    // 19,99 paid by the buyer + 5,00 from Allegro = 24,99 at 23 %: VAT 4,67 (it was 19,99 / 3,74).
    expect(rows(TOP_UP)).toEqual([{ rate: '23', gross: 2499, net: 2032, vat: 467, shipping: 0, deposit: 0 }]);
    // 17,48 paid = 6,99 goods + 9,99 delivery + 0,50 deposit: taxed 16,98 (VAT 3,18); the deposit is not
    // delivery (it used to be 17,48 gross, of which 10,49 "delivery", VAT 3,27).
    expect(rows(BOTTLE)).toEqual([{ rate: '23', gross: 1698, net: 1380, vat: 318, shipping: 999, deposit: 50 }]);
    expect(rows(WATER)).toEqual([{ rate: '23', gross: 1398, net: 1137, vat: 261, shipping: 0, deposit: 100 }]);

    const csv = readRegisterCsv(bytes);
    // The documented columns stay as they were, in their order; the deposit is one more at the end.
    expect(csv.header.at(-2)).toBe('Poza sumą');
    expect(csv.header.at(-1)).toBe(DEPOSIT_HEADER);
    const byOrder = Object.fromEntries(csv.rows.map((r) => [r['Zamówienie Allegro'], r]));
    expect([byOrder[TOP_UP]?.['Brutto'], byOrder[TOP_UP]?.['VAT'], byOrder[TOP_UP]?.[DEPOSIT_HEADER]]).toEqual(['24,99', '4,67', '']);
    expect([byOrder[BOTTLE]?.['Brutto'], byOrder[BOTTLE]?.['VAT'], byOrder[BOTTLE]?.[DEPOSIT_HEADER]]).toEqual(['16,98', '3,18', '0,50']);
    expect([byOrder[WATER]?.['Brutto'], byOrder[WATER]?.['VAT'], byOrder[WATER]?.[DEPOSIT_HEADER]]).toEqual(['13,98', '2,61', '1,00']);
    // The totals hold taxed amounts only: 24,99 + 16,98 + 13,98.
    const notes = readNotesCsv((await salesRegisterFile(t.core, '2026-11', 'csv')).notes!.bytes);
    expect(notes.totals.find((r) => r['Stawka VAT'] === 'wszystkie')?.['Brutto']).toBe('55,95');
    expect(notes.notes.some((n) => n.includes('Kaucja') && n.includes('1,50'))).toBe(true);
  });

  it('the XLSX has the same deposit column; the .epp leaves the deposit out of its amounts and says so in the remarks', async () => {
    const xlsx = await readXlsx((await salesRegisterFile(t.core, '2026-11', 'xlsx')).bytes);
    const sheet = xlsx.getWorksheet('Rejestr')!;
    const xrows = sheetRows(sheet);
    const bottle = xrows.find((r) => r['Zamówienie Allegro']?.value === BOTTLE)!;
    expect(cellMinor(bottle['Brutto']!.value)).toBe(1698);
    expect(cellMinor(bottle[DEPOSIT_HEADER]!.value)).toBe(50);

    const epp = readEpp((await salesRegisterFile(t.core, '2026-11', 'epp')).bytes);
    const headers = epp.sections.filter((s) => s.label === 'NAGLOWEK' && s.records[0]!.length > 1).map((s) => s.records[0]!);
    const doc = (allegro: string) => headers.find((h) => h[9] === `ZAP-${orderId(allegro)}`)!;
    expect(eppMinor(doc(TOP_UP)[29]!)).toBe(2499);
    expect(eppMinor(doc(BOTTLE)[29]!)).toBe(1698);
    expect(doc(BOTTLE)[48]).toContain('kaucja 0,50 zł poza VAT');
    expect(doc(TOP_UP)[48]).toContain('dopłata Allegro Ceny 5,00 zł');
    expect(doc(WATER)[48]).toContain('kaucja 1,00 zł poza VAT');
  });

  it('a month without deposits keeps the documented columns, the deposit column is not added', async () => {
    const october = readRegisterCsv((await salesRegisterFile(t.core, '2026-10', 'csv')).bytes);
    expect(october.header.at(-1)).toBe('Poza sumą');
    expect(october.header).not.toContain(DEPOSIT_HEADER);
  });

  it('the closed month gives the same bytes again', async () => {
    const first = await salesRegisterFile(t.core, '2026-11', 'csv');
    expect(first.register.frozen).not.toBeNull();
    t.core.sqlite.prepare('UPDATE order_lines SET deposit_grosze = 70 WHERE deposit_grosze = 50').run();
    const again = await salesRegisterFile(t.core, '2026-11', 'csv');
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });
});
