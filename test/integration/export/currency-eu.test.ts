import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNbpFile, saveRates } from '../../../electron/core/accounting/exchange-rates';
import { manualRate } from '../../../electron/core/accounting/exchange-rates';
import { loadDemoShop } from '../../../electron/core/demo/demo-shop';
import { salesRegisterFile, salesRegisterFor } from '../../../electron/core/export/export.service';
import { DomainError } from '../../../electron/core/errors';
import { tempCore, type TempCore } from '../../support/temp-core';
import { money, readRegisterCsv, readXlsx, sheetRows, cellMinor } from './support/read-exports';

/**
 * Issue 14 point 6 on the demo shop, with the foreign and EU orders it needs added:
 * - two Czech consumers paying in CZK: converted at the NBP table A rate of the last working day before
 *   the payment (art. 31a) — paid Thursday 12.11.2026 → table of Tuesday 10.11 (11.11 is a holiday);
 *   paid Monday 16.11 → table of Friday 13.11, never the 16th's own; no table → the file is refused;
 * - a Czech company with a DIČ asking for an invoice: an intra-EU supply (WDT) at 0 %;
 * - German consumers paying in złoty: distance sales (WSTO) at Polish rates while the year's total stays
 *   under 42 000 zł net, and taxed in Germany (OSS, "np") from the sale that passes it.
 */
const NBP = join(__dirname, '..', '..', 'fixtures', 'nbp');
let t: TempCore;
const ids: Record<string, number> = {};

function order(key: string, o: { paidAt: string; currency: string; total: number; country: string; marketplace?: string; lines: Array<[number, number, string]>; invoice?: { company: string; taxId: string } }) {
  const db = t.core.sqlite;
  const id = Number(
    db
      .prepare(
        `INSERT INTO orders (source, buyer_name, allegro_status, status, bought_at, payment_type, paid_at, total_to_pay_grosze, currency, delivery_country, marketplace,
                             invoice_required, invoice_company_name, invoice_tax_id, invoice_country, created_at, updated_at)
         VALUES ('manual', ?, NULL, 'delivered', ?, 'ONLINE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(`Kupujący ${key}`, o.paidAt, o.paidAt, o.total, o.currency, o.country, o.marketplace ?? null, o.invoice ? 1 : 0, o.invoice?.company ?? null, o.invoice?.taxId ?? null, o.invoice ? o.country : null, o.paidAt, o.paidAt).lastInsertRowid,
  );
  for (const [qty, price, rate] of o.lines) {
    db.prepare(`INSERT INTO order_lines (order_id, name, quantity, unit_price_grosze, currency, vat_rate) VALUES (?, 'Towar', ?, ?, ?, ?)`).run(id, qty, price, o.currency, rate);
  }
  ids[key] = id;
}

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-12-07T08:00:00Z') });
  await loadDemoShop(t.core, { orders: 600, products: 60, seed: 11 });
  t.core.sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('shopNip', '"5260250274"') ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run();
  // October: German consumers bought for 49 200,00 zł gross at 23 % = 40 000,00 net (under the threshold).
  order('de-oct', { paidAt: '2026-10-20T10:00:00.000Z', currency: 'PLN', total: 4_920_000, country: 'DE', lines: [[1, 4_920_000, '23']] });
  order('czk-12', { paidAt: '2026-11-12T10:00:00.000Z', currency: 'CZK', total: 100_000, country: 'CZ', marketplace: 'allegro-cz', lines: [[1, 100_000, '23']] });
  order('czk-16', { paidAt: '2026-11-16T10:00:00.000Z', currency: 'CZK', total: 50_000, country: 'CZ', marketplace: 'allegro-cz', lines: [[2, 25_000, '23']] });
  order('wdt', { paidAt: '2026-11-17T10:00:00.000Z', currency: 'PLN', total: 50_000, country: 'CZ', lines: [[1, 50_000, '23']], invoice: { company: 'Dřevo s.r.o.', taxId: 'CZ12345678' } });
  order('de-18', { paidAt: '2026-11-18T10:00:00.000Z', currency: 'PLN', total: 123_000, country: 'DE', lines: [[1, 123_000, '23']] });
  order('de-20', { paidAt: '2026-11-20T10:00:00.000Z', currency: 'PLN', total: 246_000, country: 'DE', lines: [[1, 246_000, '23']] });
});
afterAll(() => t.dispose());

describe('foreign currency at the NBP rate, WDT and distance sales (issue 14 point 6)', () => {
  it('refuses the file while an NBP rate is missing, naming the table day; nothing is closed', async () => {
    const preview = await salesRegisterFor(t.core, '2026-11');
    expect(preview.missingRates).toEqual([
      { currency: 'CZK', day: '2026-11-10', orderIds: [ids['czk-12']] },
      { currency: 'CZK', day: '2026-11-13', orderIds: [ids['czk-16']] },
    ]);
    await expect(salesRegisterFile(t.core, '2026-11', 'csv')).rejects.toSatisfy((e: unknown) => e instanceof DomainError && e.code === 'exchange_rate_missing');
    expect(t.core.sqlite.prepare('SELECT COUNT(*) FROM register_months').pluck().get()).toBe(0);
    // Never a silent 1.0: the CZK amounts are not in the złoty totals.
    expect(preview.grandTotals.map((g) => g.currency).sort()).toEqual(['CZK', 'PLN']);
  });

  it('imports the NBP table file (API JSON) and a daily XML table', () => {
    const json = importNbpFile(t.core.sqlite, new Uint8Array(readFileSync(join(NBP, 'tabela-a-2026-11.json'))), t.core.now());
    expect(json).toMatchObject({ imported: 24, days: 4, firstDay: '2026-11-10', lastDay: '2026-11-16', problems: [] });
    const xml = importNbpFile(t.core.sqlite, new Uint8Array(readFileSync(join(NBP, 'a199z261014.xml'))), t.core.now());
    expect(xml).toMatchObject({ imported: 3, days: 1, problems: [] });
    // JPY is quoted per 100 yen: stored per one.
    expect(t.core.sqlite.prepare("SELECT rate, table_no AS no FROM exchange_rates WHERE currency = 'JPY'").get()).toEqual({ rate: '0.02431', no: '199/A/NBP/2026' });
    expect(manualRate({ currency: 'eur', day: '2026-11-19', tableNo: '223/A/NBP/2026', rate: 'abc' })).toBeNull();
  });

  it('converts at the last working day before the tax point, shows rate, table and day, and reads back from CSV and XLSX', async () => {
    const { bytes, register } = await salesRegisterFile(t.core, '2026-11', 'csv');
    expect(register.missingRates).toEqual([]);
    const rowsOf = (key: string) => register.rows.filter((r) => r.orderId === ids[key]);
    // 1 000,00 CZK paid on Thursday 12.11 (after the 11.11 holiday) → table of Tuesday 10.11: 0,1709.
    // 170,90 zł gross; VAT 23 % from gross = 31,96; net 138,94.
    expect(rowsOf('czk-12')).toEqual([
      expect.objectContaining({ currency: 'PLN', rate: '23', gross: 17_090, vat: 3_196, net: 13_894, foreignGross: 100_000, fx: expect.objectContaining({ currency: 'CZK', rate: '0.1709', tableNo: '218/A/NBP/2026', day: '2026-11-10' }) }),
    ]);
    // 500,00 CZK paid on Monday 16.11 → Friday's table 220 (0,1712), not the 16th's own (0,1716): 85,60 zł.
    expect(rowsOf('czk-16')).toEqual([expect.objectContaining({ gross: 8_560, vat: 1_601, net: 6_959, fx: expect.objectContaining({ rate: '0.1712', tableNo: '220/A/NBP/2026', day: '2026-11-13' }) })]);
    // The converted documents are in the złoty totals; no CZK total is left.
    expect(register.grandTotals.map((g) => g.currency)).toEqual(['PLN']);

    const csv = readRegisterCsv(bytes);
    const czk = csv.rows.find((r) => r['Nr w Zapleczu'] === `ZAP-${ids['czk-12']}`)!;
    expect({ gross: money(czk['Brutto']), vat: money(czk['VAT']), foreign: money(czk['Brutto w walucie']), rate: czk['Kurs NBP'], table: czk['Tabela NBP'], day: czk['Data kursu'], cur: czk['Waluta dokumentu'], kind: czk['Rodzaj dostawy'] }).toEqual({
      gross: 17_090,
      vat: 3_196,
      foreign: 100_000,
      rate: '0,1709',
      table: '218/A/NBP/2026',
      day: '2026-11-10',
      cur: 'CZK',
      kind: 'WSTO_EE',
    });
    // The month is closed now: the XLSX is made from what was stored and says the same.
    const book = await readXlsx((await salesRegisterFile(t.core, '2026-11', 'xlsx')).bytes);
    const x = sheetRows(book.getWorksheet('Rejestr')!).find((r) => r['Nr w Zapleczu']!.value === `ZAP-${ids['czk-16']}`)!;
    expect([cellMinor(x['Brutto']!.value), cellMinor(x['Brutto w walucie']!.value), x['Kurs NBP']!.value, x['Tabela NBP']!.value]).toEqual([8_560, 50_000, '0,1712', '220/A/NBP/2026']);
  });

  it('books an EU VAT payer as WDT at 0 %, and distance sales at Polish VAT until the 42 000 zł threshold, then OSS', async () => {
    const { register } = await salesRegisterFile(t.core, '2026-11', 'csv');
    const rowsOf = (key: string) => register.rows.filter((r) => r.orderId === ids[key]).map((r) => ({ rate: r.rate, gross: r.gross, net: r.net, vat: r.vat, supply: r.supply }));
    expect(rowsOf('wdt')).toEqual([{ rate: '0', gross: 50_000, net: 50_000, vat: 0, supply: 'wdt' }]);
    expect(register.warnings).toContainEqual({ code: 'wdt_check', orderId: ids.wdt, reference: `ZAP-${ids.wdt}` });
    // Before 18.11: 40 000,00 (October) + 138,94 + 69,59 (CZK) = 40 208,53 net; + 1 000,00 → 41 208,53: still Polish VAT.
    expect(rowsOf('de-18')).toEqual([{ rate: '23', gross: 123_000, net: 100_000, vat: 23_000, supply: 'wsto' }]);
    // + 2 000,00 net → 43 208,53 > 42 000: this sale is taxed in Germany (OSS), not at Polish 23 %.
    expect(rowsOf('de-20')).toEqual([{ rate: 'np', gross: 246_000, net: 246_000, vat: 0, supply: 'oss' }]);
    expect(register.warnings).toContainEqual({ code: 'oss_sale', orderId: ids['de-20'], reference: `ZAP-${ids['de-20']}` });
    expect(register.wsto).toEqual({ year: '2026', threshold: 4_200_000, netBeforeMonth: 4_000_000, netThroughMonth: 4_000_000 + 13_894 + 6_959 + 100_000 + 200_000, crossedOn: '2026-11-20', lastYearExceeded: false });
  });

  it('warns when the year comes near the threshold (October: 40 000 of 42 000 zł)', async () => {
    const october = await salesRegisterFor(t.core, '2026-10');
    expect(october.wsto).toMatchObject({ netThroughMonth: 4_000_000, crossedOn: null });
    expect(october.warnings.map((w) => w.code)).toContain('wsto_threshold_near');
    expect(october.rows.filter((r) => r.orderId === ids['de-oct']).map((r) => [r.rate, r.vat, r.supply])).toEqual([['23', 920_000, 'wsto']]);
  });

  it('a manually entered rate counts like an imported one', () => {
    const r = manualRate({ currency: 'eur', day: '2026-11-19', tableNo: '223/A/NBP/2026', rate: '4,2333' })!;
    expect(r).toEqual({ currency: 'EUR', day: '2026-11-19', tableNo: '223/A/NBP/2026', rate: '4.2333', rateMicro: 4_233_300 });
    saveRates(t.core.sqlite, [r], 'manual', t.core.now());
    expect(t.core.sqlite.prepare("SELECT source FROM exchange_rates WHERE currency = 'EUR' AND day = '2026-11-19'").pluck().get()).toBe('manual');
  });
});
