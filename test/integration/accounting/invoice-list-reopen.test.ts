import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { salesRegisterFile } from '../../../electron/core/export/export.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { readRegisterCsv } from '../export/support/read-exports';
import { loadSampleOrders, writeShopSettings } from '../export/support/sample-shop';

/**
 * Issue 14 point 2: the invoicing tool's list (a Windows-1250 CSV with `;`, as Polish tools export it)
 * gives the register the real invoice numbers, issue dates and KSeF numbers of the Allegro sample orders
 * — before, the register showed Zaplecze's own "FV 1/07/2026" and the marker BFK. Lines it cannot use
 * are listed by line. And a closed month can be reopened with a reason (audit log), after which the
 * list reaches it too; otherwise a closed month's file never changes.
 */
const FILE = join('test', 'fixtures', 'accounting', 'faktury-z-programu-2026-06.win1250.csv');
const SLUSARCZYK = '2dc5e42a-caa9-11f1-b97d-b9247dc94a25';
const LECKA = 'f1aca834-c63f-11f1-a59d-cf8ad23fa977';
const KSEF = '7390001234-20260602-0A1B2C3D4E5F-7A';
let t: TempCore;
const file = (bytes: Buffer = readFileSync(FILE)) => ({ name: 'faktury-z-programu-2026-06.csv', contentBase64: bytes.toString('base64') });
const rowsOf = async (allegroId: string) => readRegisterCsv((await salesRegisterFile(t.core, '2026-06', 'csv')).bytes).rows.filter((r) => r['Zamówienie Allegro'] === allegroId);

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-07-20T08:00:00Z') });
  writeShopSettings(t.core);
  loadSampleOrders(t.core);
});
afterAll(() => t.dispose());

describe("the invoicing tool's invoice list", () => {
  it('previews what it would bring in and each line it cannot use, writing nothing', async () => {
    const preview = await call(t.core, 'books.invoiceListPreview', file());
    expect(preview).toEqual({
      file: 'faktury-z-programu-2026-06.csv',
      lines: 5,
      ready: 2,
      withKsef: 1,
      unchanged: 0,
      problems: [
        { line: 4, kind: 'no_order', value: '00000000-0000-4000-8000-000000000000' },
        { line: 5, kind: 'bad_date', value: '31.06.2026' },
        { line: 6, kind: 'bad_ksef', value: 'KSEF-123' },
      ],
      moreProblems: 0,
    });
    expect(t.core.sqlite.prepare('SELECT COUNT(*) FROM invoice_documents').pluck().get()).toBe(0);
  });

  it('puts the real numbers, issue dates and KSeF numbers into the register; bringing the list in again changes nothing', async () => {
    const imported = await call(t.core, 'books.invoiceListImport', file());
    expect(imported).toMatchObject({ imported: 2, ready: 2, unchanged: 0 });
    const [slusarczyk] = await rowsOf(SLUSARCZYK);
    expect(slusarczyk).toMatchObject({ 'Typ dokumentu': 'FS', 'Numer dokumentu': 'FV/2026/06/0011', 'Data wystawienia': '2026-06-02', 'Numer KSeF lub oznaczenie': KSEF });
    const lecka = await rowsOf(LECKA);
    expect(lecka[0]).toMatchObject({ 'Numer dokumentu': 'FV/2026/06/0012', 'Data wystawienia': '2026-06-06', 'Numer KSeF lub oznaczenie': 'OFF' });
    expect(await call(t.core, 'books.invoiceListImport', file())).toMatchObject({ imported: 0, unchanged: 2 });
    const audit = t.core.sqlite.prepare(`SELECT details_json FROM audit_log WHERE action = 'accounting.invoiceList' ORDER BY id`).pluck().all() as string[];
    expect(audit.map((d) => JSON.parse(d).imported)).toEqual([2, 0]);
  });

  it('refuses a number another order already has', async () => {
    const text = readFileSync(FILE).toString('latin1').replace(`FV/2026/06/0012;06.06.2026;06.06.2026;Aleksandra`, `FV/2026/06/0011;06.06.2026;06.06.2026;Aleksandra`);
    const preview = await call(t.core, 'books.invoiceListPreview', file(Buffer.from(text, 'latin1')));
    expect(preview.problems).toContainEqual({ line: 3, kind: 'number_taken', value: 'FV/2026/06/0011' });
  });
});

describe('reopening a closed month', () => {
  const changed = () => Buffer.from(readFileSync(FILE).toString('latin1').replace(KSEF, '7390001234-20260602-0A1B2C3D4E5F-7B'), 'latin1');

  it('a closed month keeps its file: a changed KSeF number for it is listed, not applied', async () => {
    await salesRegisterFile(t.core, '2026-06', 'csv'); // the first save after June closes it
    expect(t.core.sqlite.prepare(`SELECT month FROM register_months`).pluck().all()).toEqual(['2026-06']);
    const preview = await call(t.core, 'books.invoiceListPreview', file(changed()));
    expect(preview.problems).toContainEqual({ line: 2, kind: 'closed_month', value: '2026-06' });
    expect(preview.ready).toBe(0);
  });

  it('is refused without a reason, for an open month, and while a later month is closed', async () => {
    await expect(call(t.core, 'books.reopenMonth', { month: '2026-06', reason: ' ok ' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call(t.core, 'books.reopenMonth', { month: '2026-05', reason: 'Księgowa prosi o poprawkę' })).rejects.toMatchObject({ code: 'conflict', details: { reason: 'not_closed' } });
    t.core.sqlite.prepare(`INSERT INTO register_months (month, frozen_at, stamp, generated_on, settings_json, documents, snapshot) VALUES ('2026-07', 'x', 'x', 'x', '{}', 0, x'00')`).run();
    await expect(call(t.core, 'books.reopenMonth', { month: '2026-06', reason: 'Księgowa prosi o poprawkę' })).rejects.toMatchObject({ code: 'conflict', details: { reason: 'later_month_closed' } });
    t.core.sqlite.prepare(`DELETE FROM register_months WHERE month = '2026-07'`).run();
  });

  it('with a reason: the audit log keeps it and the old register, the list then reaches the month, numbers given at the close stay', async () => {
    const before = await salesRegisterFile(t.core, '2026-06', 'csv');
    const zapNumbered = before.register.documents.filter((d) => d.documentType === 'FS' && d.documentNumber?.startsWith('FV ')).map((d) => [d.sale.orderId, d.documentNumber, d.issueDate]);
    expect(zapNumbered.length).toBeGreaterThan(0);
    const result = await call(t.core, 'books.reopenMonth', { month: '2026-06', reason: 'Księgowa: zły numer KSeF faktury Ślusarczyka' });
    expect(result).toMatchObject({ month: '2026-06', documents: before.register.documents.length });
    const audit = t.core.sqlite.prepare(`SELECT entity_id AS month, details_json AS d FROM audit_log WHERE action = 'accounting.reopenMonth'`).get() as { month: string; d: string };
    expect(audit.month).toBe('2026-06');
    expect(JSON.parse(audit.d).reason).toBe('Księgowa: zły numer KSeF faktury Ślusarczyka');
    expect(t.core.sqlite.prepare('SELECT COUNT(*) FROM register_reopenings WHERE month = ? AND length(snapshot) > 10').pluck().get('2026-06')).toBe(1);
    expect(t.core.sqlite.prepare('SELECT COUNT(*) FROM register_months').pluck().get()).toBe(0);

    expect(await call(t.core, 'books.invoiceListImport', file(changed()))).toMatchObject({ imported: 1 });
    const after = await salesRegisterFile(t.core, '2026-06', 'csv'); // closes it again
    const [slusarczyk] = readRegisterCsv(after.bytes).rows.filter((r) => r['Zamówienie Allegro'] === SLUSARCZYK);
    expect(slusarczyk!['Numer KSeF lub oznaczenie']).toBe('7390001234-20260602-0A1B2C3D4E5F-7B');
    // Invoices Zaplecze numbered at the first close keep number and issue date.
    const again = after.register.documents.filter((d) => d.documentType === 'FS' && d.documentNumber?.startsWith('FV ')).map((d) => [d.sale.orderId, d.documentNumber, d.issueDate]);
    expect(again).toEqual(zapNumbered);
    expect(t.core.sqlite.prepare('SELECT COUNT(*) FROM register_months').pluck().get()).toBe(1);
  });
});
