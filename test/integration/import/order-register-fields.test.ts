import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importNbpFile } from '../../../electron/core/accounting/exchange-rates';
import { salesRegisterFile } from '../../../electron/core/export/export.service';
import { writeShopSettings } from '../export/support/sample-shop';
import { tempCore, type TempCore } from '../../support/temp-core';
import { importBytes } from './support';

/**
 * Issue 15, a lighter footprint per order: a checkout-forms import no longer stores each order's JSON
 * (raw_json, 2.4 KB an order). The file is kept once for the run, compressed, and the two things the
 * sales register read from raw_json — surcharges[] and invoice.dueDate — are columns (migration
 * 2026-12-07-21). The register must say the same for an order imported now and for one imported before,
 * which keeps its raw_json and has no columns.
 */
const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const SURCHARGED = '1d8af78c-4dae-11f1-b0c0-0da1ab2f2a15';

interface Form {
  id: string;
  payment?: { type?: string; paidAmount?: { amount: string; currency: string } } | null;
  invoice?: Record<string, unknown>;
  surcharges?: unknown[];
  summary: { totalToPay: { currency: string } };
}

/** The June 2026 sample page, with a due date for its order on a deferred payment (EXTENDED_TERM) and a surcharge paid in another currency. */
function fixtureBytes(): { bytes: Buffer; forms: Form[]; deferred: string; foreign: string } {
  const page = JSON.parse(readFileSync(join(FIXTURES, 'export', 'checkout-forms.page-1.json'), 'utf8')) as { checkoutForms: Form[] };
  const forms = page.checkoutForms;
  const byId = (prefix: string) => forms.find((f) => f.id.startsWith(prefix))!;
  // 7580546a is paid on a deferred term already (paid 9 June, being processed); the sample has no due date.
  const deferred = byId('7580546a');
  expect(deferred.payment?.type).toBe('EXTENDED_TERM');
  deferred.invoice = { ...(deferred.invoice ?? {}), dueDate: '2026-07-15' };
  // 0a293858: paid and sent in June, in złoty.
  const foreign = byId('0a293858');
  foreign.surcharges = [{ id: 'x-1', status: 'SUCCESS', type: 'ONLINE', provider: 'P24', finishedAt: '2026-06-12T10:00:00.000Z', paidAmount: { amount: '7.00', currency: 'EUR' } }];
  return { bytes: Buffer.from(JSON.stringify(page)), forms, deferred: deferred.id, foreign: foreign.id };
}

let a: TempCore;
let b: TempCore;
beforeEach(async () => {
  a = await tempCore({ now: () => new Date('2026-07-20T08:00:00Z') });
  b = await tempCore({ now: () => new Date('2026-07-20T08:00:00Z') });
  for (const t of [a, b]) {
    writeShopSettings(t.core);
    importNbpFile(t.core.sqlite, new Uint8Array(readFileSync(join(FIXTURES, 'nbp', 'tabela-a-2026-06-09.json'))), new Date('2026-06-10T06:00:00Z'));
  }
});
afterEach(async () => {
  await a.dispose();
  await b.dispose();
});

async function registerOf(t: TempCore) {
  const { register } = await salesRegisterFile(t.core, '2026-06', 'csv');
  return new Map(register.documents.filter((d) => d.kind === 'sale').map((d) => [d.sale.allegroOrderId, { dueAt: d.sale.dueAt, surchargeGross: d.sale.surchargeGross, totalGross: d.sale.totalGross }]));
}

it('a checkout-forms import keeps the file once, no raw_json per order, and the register reads the same as from raw_json', async () => {
  const { bytes, forms, deferred, foreign } = fixtureBytes();
  const { run } = await importBytes(a.core, 'checkout-forms.json', bytes);
  expect(run.status).toBe('committed');
  expect(run.inserted).toBe(forms.length);
  expect(a.core.sqlite.prepare('SELECT count(*) FROM orders WHERE raw_json IS NOT NULL').pluck().get()).toBe(0);
  const parts = a.core.sqlite.prepare('SELECT gzip FROM import_sources WHERE run_id = ? ORDER BY part').pluck().all(run.id) as Buffer[];
  expect(gunzipSync(Buffer.concat(parts)).equals(bytes)).toBe(true);
  const column = a.core.sqlite.prepare('SELECT surcharges_grosze AS s, invoice_due_date AS d FROM orders WHERE allegro_order_id = ?');
  expect(column.get(SURCHARGED)).toEqual({ s: 1000, d: null });
  expect(column.get(deferred)).toEqual({ s: 0, d: '2026-07-15' });
  // A surcharge in another currency than the order's is not the order's money (as the register's SQL had it).
  expect(column.get(foreign)).toEqual({ s: 0, d: null });

  // Shop b: the same orders as an import before migration 21 left them — the form in raw_json, no columns.
  await importBytes(b.core, 'checkout-forms.json', bytes);
  const old = b.core.sqlite.prepare('UPDATE orders SET raw_json = ?, surcharges_grosze = NULL, invoice_due_date = NULL WHERE allegro_order_id = ?');
  for (const f of forms) old.run(JSON.stringify(f), f.id);

  const now = await registerOf(a);
  const before = await registerOf(b);
  expect(now.get(SURCHARGED)?.surchargeGross).toBe(1000);
  expect(now.get(deferred)?.dueAt).toBe('2026-07-15');
  expect(now.get(foreign)?.surchargeGross).toBe(0);
  expect(now.size).toBeGreaterThan(5);
  expect(now).toEqual(before);
});
