import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { tempCore, type TempCore } from '../../support/temp-core';
import { loadSampleOrders, loadSampleReturns, writeShopSettings } from './support/sample-shop';
import { readEpp, readRegisterCsv, readXlsx } from './support/read-exports';

let t: TempCore;

beforeAll(async () => {
  t = await tempCore();
  writeShopSettings(t.core);
  loadSampleReturns(t.core, loadSampleOrders(t.core));
  await t.core.close(); // the command opens the file itself, like a user would
});
afterAll(() => t.dispose());

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('zaplecze export', () => {
  it('accountant: writes each format and prints a one-line summary or the totals as JSON', async () => {
    const csv = join(t.dir, 'rejestr.csv');
    const plain = await run('export', 'accountant', '--month', '2026-06', '--format', 'csv', '--out', csv, '--db', t.dbFile);
    expect(plain).toMatchObject({ code: 0, err: '' });
    expect(plain.out).toMatch(/^Sales register 2026-06: 15 sales, 0 corrections, 17 rows, gross .*→ .*rejestr\.csv/);
    expect(readRegisterCsv(new Uint8Array(readFileSync(csv))).rows).toHaveLength(17);
    // Totals and notes beside the data, not after it.
    expect(readFileSync(join(t.dir, 'rejestr-podsumowanie-i-uwagi.csv'), 'utf8')).toMatch(/Uwagi: /);

    const xlsx = join(t.dir, 'rejestr.xlsx'); // format from the extension
    const json = await run('export', 'accountant', '--month', '2026-06', '--out', xlsx, '--db', t.dbFile, '--json');
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.out);
    expect(summary).toMatchObject({ file: xlsx, format: 'xlsx', month: '2026-06', sales: 15, corrections: 0, rows: 17 });
    expect(summary.totals.find((x: { currency: string; rate: string }) => x.currency === 'PLN' && x.rate === '23').gross).toBeGreaterThan(0);
    expect((await readXlsx(new Uint8Array(readFileSync(xlsx)))).worksheets).toHaveLength(3);

    const epp = join(t.dir, 'sprzedaz.epp');
    expect((await run('export', 'accountant', '--month', '2026-06', '--format', 'epp', '--out', epp, '--db', t.dbFile)).code).toBe(0);
    expect(readEpp(new Uint8Array(readFileSync(epp))).sections[0]?.label).toBe('INFO');
  });

  it('stock-valuation: writes the file and prints the totals', async () => {
    const file = join(t.dir, 'wycena.xlsx');
    const res = await run('export', 'stock-valuation', '--date', '2026-06-30', '--out', file, '--db', t.dbFile, '--json');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.out)).toMatchObject({ file, format: 'xlsx', date: '2026-06-30' });
    expect(existsSync(file)).toBe(true);
  });

  it('refuses wrong usage (exit 2) and never overwrites a file without --force (exit 1)', async () => {
    const file = join(t.dir, 'rejestr.csv');
    expect((await run('export', 'accountant', '--month', '2026-6', '--out', join(t.dir, 'a.csv'), '--db', t.dbFile)).code).toBe(2);
    expect((await run('export', 'accountant', '--month', '2026-06', '--out', join(t.dir, 'a.pdf'), '--db', t.dbFile)).code).toBe(2);
    expect((await run('export', 'somethingelse', '--db', t.dbFile)).code).toBe(2);
    expect((await run('export', 'stock-valuation', '--date', '2026-02-30', '--out', join(t.dir, 'b.csv'), '--db', t.dbFile)).code).toBe(2);
    const again = await run('export', 'accountant', '--month', '2026-06', '--out', file, '--db', t.dbFile);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
    expect((await run('export', 'accountant', '--month', '2026-06', '--out', file, '--db', t.dbFile, '--force')).code).toBe(0);
    expect((await run('export', 'accountant', '--month', '2026-06', '--out', join(t.dir, 'c.csv'), '--db', join(t.dir, 'nothing.db'))).code).toBe(1);
  });
});
