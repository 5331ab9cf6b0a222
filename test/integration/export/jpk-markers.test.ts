import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { salesRegisterFile } from '../../../electron/core/export/export.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { readEpp, readRegisterCsv, readXlsx, sheetRows } from './support/read-exports';
import { writeShopSettings } from './support/sample-shop';

/**
 * Issue 14 point 3: the JPK_V7 markers GTU and MPP in the EDI++ file (DOKUMENTYZNACZNIKIJPKVAT, EDI++ 1.11
 * Tabela 35: 1 full number, 4 TP, 14 MPP, 16–28 GTU_01 … GTU_13). Products get their GTU group and the
 * annex-15 flag through the product form's channel; orders of November 2026 sell them on invoices (FS, to
 * a company with a NIP) and receipts (PA); the month's file is read back field by field.
 */
let t: TempCore;
const MONTH = '2026-11';
const at = '2026-11-12T10:00:00.000Z';
let seq = 0;

/** An order of one line, paid on 12.11; with a NIP it is an invoice (FS), without one a receipt (PA). */
function sell(productId: number, gross: number, nip: string | null): number {
  seq++;
  const order = Number(
    t.core.sqlite
      .prepare(
        `INSERT INTO orders (source, buyer_name, allegro_status, status, bought_at, payment_type, paid_at, total_to_pay_grosze, currency, delivery_country,
           invoice_required, invoice_company_name, invoice_tax_id, invoice_street, invoice_zip, invoice_city, invoice_country, created_at, updated_at)
         VALUES ('manual', ?, NULL, 'delivered', ?, 'ONLINE', ?, ?, 'PLN', 'PL', ?, ?, ?, 'Długa 1', '00-001', 'Warszawa', 'PL', ?, ?)`,
      )
      .run(`Kupujący ${seq}`, at, at, gross, nip ? 1 : 0, nip ? `Firma ${seq} sp. z o.o.` : null, nip, at, at).lastInsertRowid,
  );
  t.core.sqlite
    .prepare(`INSERT INTO order_lines (order_id, product_id, name, quantity, unit_price_grosze, currency, vat_rate) VALUES (?, ?, 'Towar', 1, ?, 'PLN', '23')`)
    .run(order, productId, gross);
  return order;
}

const product = async (sku: string, fields: Record<string, unknown>) =>
  (await call(t.core, 'stock.createProduct', { sku, name: `Produkt ${sku}`, ...fields })).product.id;

const orders: Record<string, number> = {};

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-12-07T09:00:00Z') });
  writeShopSettings(t.core);
  const phone = await product('TEL-1', { gtu: 'GTU_06' });
  const laptop = await product('LAP-1', { gtu: 'GTU_06', splitPayment: true });
  const plain = await product('KOC-1', {});
  orders.phoneInvoice = sell(phone, 19_900, '5252000000');
  orders.phoneReceipt = sell(phone, 19_900, null);
  orders.plainReceipt = sell(plain, 5_000, null);
  orders.laptopAbove = sell(laptop, 1_600_000, '5252000001');
  // Art. 108a ust. 1a: "przekraczającą 15 000 zł" — exactly 15 000,00 is not above it.
  orders.laptopAtThreshold = sell(laptop, 1_500_000, '5252000002');
  orders.laptopBelow = sell(laptop, 1_200_000, '5252000003');
  orders.plainAbove = sell(plain, 1_600_000, '5252000004');
  // TP: the owner lists a related buyer's NIP in Settings (typed with dashes; stored as 10 digits).
  orders.relatedInvoice = sell(plain, 10_000, '5260001246');
  await call(t.core, 'settings.update', { relatedPartyNips: ['526-000-12-46'] });
});
afterAll(() => t.dispose());

/** Each order's document type and its line of JPK markers, by the full number (header field 7 = marker field 1). */
async function markersByOrder(): Promise<Record<string, { type: string; m: string[] }>> {
  const { bytes } = await salesRegisterFile(t.core, MONTH, 'epp');
  const { sections } = readEpp(bytes);
  const headers: string[][] = [];
  let markers: string[][] = [];
  for (let i = 1; i < sections.length; i += 2) {
    const [head, body] = [sections[i]!.records[0]!, sections[i + 1]!.records];
    if (head.length === 1) {
      if (head[0] === 'DOKUMENTYZNACZNIKIJPKVAT') markers = body;
      continue;
    }
    headers.push(head);
  }
  const out: Record<string, { type: string; m: string[] }> = {};
  for (const [name, id] of Object.entries(orders)) {
    const head = headers.find((h) => h[9] === `ZAP-${id}`)!;
    const lines = markers.filter((m) => m[0] === head[6]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveLength(31);
    out[name] = { type: head[0]!, m: lines[0]! };
  }
  return out;
}

/** Field n (1-based) of a marker line. */
const field = (m: string[], n: number) => m[n - 1];
const GTU = (m: string[]) => Array.from({ length: 13 }, (_, i) => field(m, 16 + i));
const ALL_BUT = (checked: number[], m: string[]) => m.slice(1).filter((_, i) => !checked.includes(i + 2));

describe('JPK markers GTU, MPP and TP (issue 14 point 3)', () => {
  it('the product keeps its GTU group and annex-15 flag; an unknown group is refused', async () => {
    const detail = await call(t.core, 'stock.get', { id: (await product('TEL-2', { gtu: 'GTU_12' })) });
    expect([detail.product.gtu, detail.product.splitPayment]).toEqual(['GTU_12', false]);
    await expect(product('TEL-3', { gtu: 'GTU_14' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('an invoice and a receipt of a GTU_06 product both carry GTU_06, nothing else', async () => {
    const docs = await markersByOrder();
    expect(docs.phoneInvoice!.type).toBe('FS');
    expect(docs.phoneReceipt!.type).toBe('PA');
    for (const name of ['phoneInvoice', 'phoneReceipt']) {
      const { m } = docs[name]!;
      expect(GTU(m)).toEqual(['0', '0', '0', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0']);
      expect(field(m, 14)).toBe('0'); // MPP
      expect(field(m, 4)).toBe('0'); // TP: not a related buyer
      expect(ALL_BUT([21], m).every((v) => v === '0')).toBe(true);
    }
    expect(docs.plainReceipt!.m.slice(1).every((v) => v === '0')).toBe(true);
  });

  it('MPP on an invoice above 15 000 zł with annex-15 goods; not at 15 000,00, not below, not without such goods', async () => {
    const docs = await markersByOrder();
    expect(field(docs.laptopAbove!.m, 14)).toBe('1');
    expect(GTU(docs.laptopAbove!.m)[5]).toBe('1');
    expect(ALL_BUT([14, 21], docs.laptopAbove!.m).every((v) => v === '0')).toBe(true);
    expect(field(docs.laptopAtThreshold!.m, 14)).toBe('0');
    expect(field(docs.laptopBelow!.m, 14)).toBe('0');
    expect(field(docs.plainAbove!.m, 14)).toBe('0');
    expect(docs.plainAbove!.m.slice(1).every((v) => v === '0')).toBe(true);
  });

  it('TP on the sale to a buyer whose NIP the owner listed as related, on nothing else; a bad NIP is refused', async () => {
    const docs = await markersByOrder();
    expect(docs.relatedInvoice!.type).toBe('FS');
    expect(field(docs.relatedInvoice!.m, 4)).toBe('1');
    expect(ALL_BUT([4], docs.relatedInvoice!.m).every((v) => v === '0')).toBe(true);
    for (const [name, doc] of Object.entries(docs)) if (name !== 'relatedInvoice') expect(field(doc.m, 4)).toBe('0');
    await expect(call(t.core, 'settings.update', { relatedPartyNips: ['5260001247'] })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await call(t.core, 'settings.get', {})).relatedPartyNips).toEqual(['5260001246']);
  });

  it('CSV and XLSX: the markers in one column after the documented ones; a month without any keeps its columns', async () => {
    const MARKERS = 'Oznaczenia JPK (GTU, MPP, TP)';
    const csv = readRegisterCsv((await salesRegisterFile(t.core, MONTH, 'csv')).bytes);
    expect(csv.header.at(-2)).toBe('Poza sumą');
    expect(csv.header.at(-1)).toBe(MARKERS);
    const byOrder = (rows: Array<Record<string, string>>, name: string) => rows.find((r) => r['Nr w Zapleczu'] === `ZAP-${orders[name]}`)!;
    expect(byOrder(csv.rows, 'phoneInvoice')[MARKERS]).toBe('GTU_06');
    expect(byOrder(csv.rows, 'phoneReceipt')[MARKERS]).toBe('GTU_06');
    expect(byOrder(csv.rows, 'laptopAbove')[MARKERS]).toBe('GTU_06 MPP');
    expect(byOrder(csv.rows, 'laptopAtThreshold')[MARKERS]).toBe('GTU_06');
    expect(byOrder(csv.rows, 'plainAbove')[MARKERS]).toBe('');
    expect(byOrder(csv.rows, 'relatedInvoice')[MARKERS]).toBe('TP');

    const sheet = (await readXlsx((await salesRegisterFile(t.core, MONTH, 'xlsx')).bytes)).getWorksheet('Rejestr')!;
    const laptop = sheetRows(sheet).find((r) => r['Nr w Zapleczu']?.value === `ZAP-${orders.laptopAbove}`)!;
    expect(laptop[MARKERS]?.value).toBe('GTU_06 MPP');

    const october = readRegisterCsv((await salesRegisterFile(t.core, '2026-10', 'csv')).bytes);
    expect(october.header.at(-1)).toBe('Poza sumą');
  });
});
