import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoShop } from '../../../electron/core/demo/demo-shop';
import { salesRegisterFile } from '../../../electron/core/export/export.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { money, readRegisterCsv } from './support/read-exports';
import { writeShopSettings } from './support/sample-shop';

/**
 * The accountant's months on a real shop file, with the clock pinned: the demo shop as it stood on
 * 1 December 2026, with the three cases of the accountant's issue written into orders 1902–1904:
 *
 * - ZAP-1902: paid online on 30.11 (an invoice), cancelled on 2.12 — after November was handed over;
 * - ZAP-1903: cash on delivery, ordered 30.11, delivered and paid on 2.12;
 * - ZAP-1904: ordered 30.11, unpaid when November was exported, paid on 1.12;
 * - ZAP-1900: unpaid when November was exported; its payment of 30.11 was recorded on 8.12.
 *
 * November is exported on 1.12 (that closes it), the shop's data changes, December is exported on
 * 7.12 (still running: stays open) and 2.1.2027 (closes it), November again.
 */
let t: TempCore;
let clock = new Date('2026-12-01T06:00:00Z');

const update = (sql: string, ...args: unknown[]) => t.core.sqlite.prepare(sql).run(...args);

beforeAll(async () => {
  t = await tempCore({ now: () => clock });
  await loadDemoShop(t.core, { orders: 2000, products: 200, seed: 7 });
  writeShopSettings(t.core);
  for (const id of [1900, 1902, 1903, 1904]) {
    update('DELETE FROM return_lines WHERE return_id IN (SELECT id FROM returns WHERE order_id = ?)', id);
    update('DELETE FROM returns WHERE order_id = ?', id);
    update('DELETE FROM shipments WHERE order_id = ?', id);
    update(`DELETE FROM audit_log WHERE entity = 'order' AND entity_id = ?`, String(id));
  }
  const common = `allegro_status = 'READY_FOR_PROCESSING', document_number = NULL, currency = 'PLN', updated_at = bought_at`;
  update(
    `UPDATE orders SET bought_at = '2026-11-30T19:40:00.000Z', payment_type = 'ONLINE', paid_at = '2026-11-30T19:45:00.000Z', status = 'to_pick',
       invoice_required = 1, invoice_company_name = 'Zielony Ogród sp. z o.o.', invoice_tax_id = '5260250274', invoice_country = 'PL',
       invoice_street = 'ul. Polna 3', invoice_zip = '00-950', invoice_city = 'Warszawa', ${common} WHERE id = 1902`,
  );
  update(
    `UPDATE orders SET bought_at = '2026-11-30T15:00:00.000Z', payment_type = 'CASH_ON_DELIVERY', paid_at = NULL, paid_grosze = NULL, status = 'to_pick',
       invoice_required = 0, ${common} WHERE id = 1903`,
  );
  update(
    `UPDATE orders SET bought_at = '2026-11-30T21:10:00.000Z', payment_type = 'ONLINE', paid_at = NULL, paid_grosze = NULL, status = 'new',
       allegro_status = 'FILLED_IN', invoice_required = 0, document_number = NULL, updated_at = bought_at WHERE id IN (1900, 1904)`,
  );
});
afterAll(() => t.dispose());

const refs = (csv: ReturnType<typeof readRegisterCsv>, ref: string) => csv.rows.filter((r) => r['Nr w Zapleczu'] === ref);

describe("the accountant's months: tax point and closed months", () => {
  let novemberCsv: Uint8Array;

  it('November exported on 1.12 holds the sale paid on 30.11, not the unpaid nor the undelivered one, and gets numbers', async () => {
    clock = new Date('2026-12-01T07:30:00Z');
    const file = await salesRegisterFile(t.core, '2026-11', 'csv');
    novemberCsv = file.bytes;
    expect(file.register.frozen).not.toBeNull();
    const csv = readRegisterCsv(file.bytes);
    const paid = refs(csv, 'ZAP-1902');
    expect(paid.length).toBeGreaterThan(0);
    expect(paid[0]!['Typ dokumentu']).toBe('FS');
    expect(paid[0]!['Numer dokumentu']).toMatch(/^FV \d+\/12\/2026$/);
    expect(paid[0]!['Data wystawienia']).toBe('2026-12-01');
    expect(paid[0]!['Data sprzedaży']).toBe('2026-11-30');
    expect(paid[0]!['NIP nabywcy']).toBe('5260250274');
    expect(paid[0]!['Numer KSeF lub oznaczenie']).toBe('BFK');
    expect(refs(csv, 'ZAP-1903')).toHaveLength(0);
    expect(refs(csv, 'ZAP-1904')).toHaveLength(0);
    // Receipts: no NIP — "BRAK", marker DI.
    const receipt = csv.rows.find((r) => r['Typ dokumentu'] === 'PA')!;
    expect(receipt['NIP nabywcy']).toBe('BRAK');
    expect(receipt['Numer KSeF lub oznaczenie']).toBe('DI');
    // Invoice numbers of the month: 1, 2, 3… with no gap, in the register's order.
    const numbers = [...new Set(csv.rows.filter((r) => r['Typ dokumentu'] === 'FS').map((r) => r['Numer dokumentu']!))];
    const fresh = numbers.filter((n) => /\/12\/2026$/.test(n)).map((n) => Number(/^FV (\d+)\//.exec(n)![1]));
    expect(fresh).toEqual(fresh.map((_, i) => i + 1));
    // The number is the order's now.
    expect(t.core.sqlite.prepare('SELECT document_number FROM orders WHERE id = 1902').pluck().get()).toBe(paid[0]!['Numer dokumentu']);
  });

  it('later changes: cancellation, delivery and late payment are rows of December naming what they correct', async () => {
    const fv = refs(readRegisterCsv(novemberCsv), 'ZAP-1902')[0]!['Numer dokumentu'];
    // 2.12: ZAP-1902 cancelled, ZAP-1903 delivered and paid; 1.12: ZAP-1904 paid.
    update(`UPDATE orders SET status = 'cancelled', allegro_status = 'CANCELLED', updated_at = '2026-12-03T09:00:00.000Z' WHERE id = 1902`);
    update(`INSERT INTO audit_log (at, actor, action, entity, entity_id) VALUES ('2026-12-02T09:00:00.000Z', 'system', 'order.cancel', 'order', '1902')`);
    update(`UPDATE orders SET status = 'delivered', paid_at = '2026-12-02T11:00:00.000Z', updated_at = '2026-12-02T11:00:00.000Z' WHERE id = 1903`);
    update(`INSERT INTO shipments (order_id, carrier, tracking_number, dispatched_at, created_at) VALUES (1903, 'inpost', 'T1903', '2026-12-01T12:00:00.000Z', '2026-12-01T12:00:00.000Z')`);
    update(`UPDATE orders SET allegro_status = 'READY_FOR_PROCESSING', paid_at = '2026-12-01T09:00:00.000Z', updated_at = '2026-12-01T09:00:00.000Z' WHERE id = 1904`);

    clock = new Date('2026-12-07T10:00:00Z');
    const december = await salesRegisterFile(t.core, '2026-12', 'csv');
    expect(december.register.frozen).toBeNull(); // a running month stays open
    const csv = readRegisterCsv(december.bytes);

    const cancel = refs(csv, 'ZAP-1902');
    expect(cancel.length).toBeGreaterThan(0);
    for (const row of cancel) {
      expect(row.Rodzaj).toBe('korekta');
      expect(row['Typ dokumentu']).toBe('KFS');
      expect(row['Dokument korygowany']).toBe(fv);
      expect(row['Data korekty']).toBe('2026-12-02');
      expect(money(row.Brutto)).toBeLessThan(0);
    }
    const novemberRows = refs(readRegisterCsv(novemberCsv), 'ZAP-1902');
    expect(cancel.reduce((a, r) => a + money(r.Brutto), 0)).toBe(-novemberRows.reduce((a, r) => a + money(r.Brutto), 0));
    expect(cancel.reduce((a, r) => a + money(r.VAT), 0)).toBe(-novemberRows.reduce((a, r) => a + money(r.VAT), 0));

    const cod = refs(csv, 'ZAP-1903');
    expect(cod.length).toBeGreaterThan(0);
    expect(cod[0]!.Rodzaj).toBe('sprzedaż');
    expect(cod[0]!['Data sprzedaży']).toBe('2026-12-02');

    const latePaid = refs(csv, 'ZAP-1904');
    expect(latePaid.length).toBeGreaterThan(0);
    expect(latePaid[0]!['Data sprzedaży']).toBe('2026-12-01');

    // Nothing November booked comes again.
    const novemberSales = new Set(readRegisterCsv(novemberCsv).rows.filter((r) => r.Rodzaj === 'sprzedaż').map((r) => r['Nr w Zapleczu']));
    expect(csv.rows.filter((r) => r.Rodzaj === 'sprzedaż' && novemberSales.has(r['Nr w Zapleczu']))).toEqual([]);
  });

  it('November exported again gives the same bytes (and the other formats are made from the same stored register)', async () => {
    const again = await salesRegisterFile(t.core, '2026-11', 'csv');
    expect(Buffer.from(again.bytes).equals(Buffer.from(novemberCsv))).toBe(true);
    const xlsx1 = await salesRegisterFile(t.core, '2026-11', 'xlsx');
    const epp1 = await salesRegisterFile(t.core, '2026-11', 'epp');
    clock = new Date('2026-12-20T10:00:00Z');
    update(`UPDATE settings SET value = '"Inna nazwa"' WHERE key = 'shopName'`);
    const xlsx2 = await salesRegisterFile(t.core, '2026-11', 'xlsx');
    const epp2 = await salesRegisterFile(t.core, '2026-11', 'epp');
    expect(Buffer.from(xlsx2.bytes).equals(Buffer.from(xlsx1.bytes))).toBe(true);
    expect(Buffer.from(epp2.bytes).equals(Buffer.from(epp1.bytes))).toBe(true);
    expect(epp1.register.documents.some((d) => d.sale.orderId === 1902 && d.kind === 'sale')).toBe(true);
    expect(epp1.register.documents.some((d) => d.sale.orderId === 1903)).toBe(false);
  });

  it('a payment of 30.11 recorded after November closed is a late sale of December; closing December books the corrections once', async () => {
    // ZAP-1900, unpaid when November closed: its payment at 23:30 on 30.11 Warsaw time came in only on 8.12.
    update(
      `UPDATE orders SET paid_at = '2026-11-30T22:30:00.000Z', status = 'shipped', allegro_status = 'READY_FOR_PROCESSING',
         updated_at = '2026-12-08T08:00:00.000Z' WHERE id = 1900`,
    );
    clock = new Date('2027-01-02T08:00:00Z');
    const december = await salesRegisterFile(t.core, '2026-12', 'csv');
    expect(december.register.frozen).not.toBeNull();
    const late = december.register.documents.find((d) => d.sale.orderId === 1900 && d.kind === 'sale')!;
    expect(late.late).toBe(true);
    expect(late.date).toBe('2026-12-01');
    expect(late.sale.taxDate).toBe('2026-11-30');
    expect(december.register.warnings.some((w) => w.code === 'late_sale' && w.orderId === 1900)).toBe(true);
    const cancellation = december.register.documents.find((d) => d.sale.orderId === 1902)!;
    expect(cancellation.documentNumber).toMatch(/^KOR 1\/01\/2027$/);

    clock = new Date('2027-02-02T08:00:00Z');
    const january = await salesRegisterFile(t.core, '2027-01', 'csv');
    expect(january.register.documents.filter((d) => [1900, 1902, 1903, 1904].includes(d.sale.orderId))).toEqual([]);
  });
});
