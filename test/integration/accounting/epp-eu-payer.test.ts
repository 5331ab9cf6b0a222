import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesRegisterFile } from '../../../electron/core/export/export.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { readEpp } from '../export/support/read-exports';

/**
 * Issue 14 point 3, field 55 (transaction type) of the EDI++ header for EU buyers: an EU VAT payer (a Czech
 * company with its DIČ, booked as WDT at 0 %) is an intra-EU supply, 2 — before, 0 (domestic) went out for
 * it; a consumer in another EU country is a distance sale, 22; the sale that passes the 42 000 zł yearly
 * threshold is taxed in the buyer's country through OSS, 23 (EDI++ 1.11). Field 48 is 1.0000 for złoty.
 */
let t: TempCore;
const ids: Record<string, number> = {};

function order(key: string, o: { paidAt: string; total: number; country: string; invoice?: { company: string; taxId: string } }) {
  const db = t.core.sqlite;
  const id = Number(
    db
      .prepare(
        `INSERT INTO orders (source, buyer_name, status, bought_at, payment_type, paid_at, total_to_pay_grosze, currency, delivery_country,
                             invoice_required, invoice_company_name, invoice_tax_id, invoice_country, created_at, updated_at)
         VALUES ('manual', ?, 'delivered', ?, 'ONLINE', ?, ?, 'PLN', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(`Kupujący ${key}`, o.paidAt, o.paidAt, o.total, o.country, o.invoice ? 1 : 0, o.invoice?.company ?? null, o.invoice?.taxId ?? null, o.invoice ? o.country : null, o.paidAt, o.paidAt).lastInsertRowid,
  );
  db.prepare(`INSERT INTO order_lines (order_id, name, quantity, unit_price_grosze, currency, vat_rate) VALUES (?, 'Towar', 1, ?, 'PLN', '23')`).run(id, o.total);
  ids[key] = id;
}

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-12-07T08:00:00Z') });
  t.core.sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('shopNip', '"5260250274"') ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run();
  order('pl', { paidAt: '2026-11-10T10:00:00.000Z', total: 12_300, country: 'PL' });
  order('wdt', { paidAt: '2026-11-17T10:00:00.000Z', total: 50_000, country: 'CZ', invoice: { company: 'Dřevo s.r.o.', taxId: 'CZ12345678' } });
  order('wsto', { paidAt: '2026-11-18T10:00:00.000Z', total: 123_000, country: 'DE' });
  // 51 660,00 zł gross = 42 000,00 net: with the 1 000,00 before it, the year passes 42 000 zł net → OSS.
  order('oss', { paidAt: '2026-11-20T10:00:00.000Z', total: 5_166_000, country: 'DE' });
});
afterAll(() => t.dispose());

describe('EDI++ field 55 for EU buyers', () => {
  it('is 2 for an EU VAT payer (WDT), 22 for a distance sale, 23 for an OSS sale, 0 at home', async () => {
    const file = await salesRegisterFile(t.core, '2026-11', 'epp');
    const supply = new Map(file.register.documents.map((d) => [d.sale.orderId, d.supply ?? 'domestic']));
    expect(Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, supply.get(id)]))).toEqual({ pl: 'domestic', wdt: 'wdt', wsto: 'wsto', oss: 'oss' });
    const epp = readEpp(file.bytes);
    const headers = epp.sections.filter((s) => s.label === 'NAGLOWEK' && (s.records[0]?.length ?? 0) > 1).map((s) => s.records[0]!);
    // Each header names its order (ZAP-<id>) in its number or remarks.
    const byBuyer = (key: string) => headers.find((h) => h.some((f) => new RegExp(`ZAP-${ids[key]}\\b`).test(f)))!;
    expect(headers).toHaveLength(4);
    const field = (h: string[], n: number) => h[n - 1];
    expect(field(byBuyer('pl'), 55)).toBe('0');
    expect(field(byBuyer('wdt'), 55)).toBe('2');
    expect(field(byBuyer('wsto'), 55)).toBe('22');
    expect(field(byBuyer('oss'), 55)).toBe('23');
    for (const h of headers) expect(field(h, 48)).toBe('1.0000');
  });
});
