import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-core';
import { contentHash, fixture, hostile } from './support';

/** `zaplecze import` as a user runs it: a real process, a real database file, the --json shape. */
const ROOT = join(__dirname, '../../..');
let dir: { dir: string; dispose(): void };
let db: string;
beforeEach(() => {
  dir = tempDir();
  db = join(dir.dir, 'shop.db');
});
afterEach(() => dir.dispose());

function zaplecze(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/zaplecze.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function hashOf(file: string): string {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    return contentHash(sqlite);
  } finally {
    sqlite.close();
  }
}

describe('zaplecze import', () => {
  it('imports several files and prints one JSON object with a stable shape', async () => {
    const r = zaplecze('import', fixture('checkout-forms.page-1.json'), fixture('customer-returns.json'), '--db', db, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toEqual({
      files: [
        { file: fixture('checkout-forms.page-1.json'), format: 'allegro-checkout-forms', status: 'imported', inserted: 20, updated: 0, unchanged: 0, skippedRows: 0, warnings: [], errors: [] },
        { file: fixture('customer-returns.json'), format: 'allegro-customer-returns', status: 'imported', inserted: 5, updated: 0, unchanged: 0, skippedRows: 0, warnings: [], errors: [] },
      ],
    });
    // Again: nothing new.
    const again = JSON.parse(zaplecze('import', fixture('checkout-forms.page-1.json'), '--db', db, '--json').out);
    expect(again.files[0]).toMatchObject({ status: 'imported', inserted: 0, updated: 0, unchanged: 20 });
  });

  it('a rejected file: exit code 1, errors with row and column, the database unchanged', () => {
    zaplecze('import', fixture('checkout-forms.page-1.json'), '--db', db);
    const before = hashOf(db);
    const r = zaplecze('import', hostile('orders-export.missing-column.csv'), '--db', db, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).files[0]).toMatchObject({
      format: 'allegro-orders-csv',
      status: 'rejected',
      inserted: 0,
      errors: [
        { row: 1, column: 'OrderId', message: expect.stringContaining('lacks the required column OrderId') },
        { row: 1, column: 'TotalToPayAmount', message: expect.stringContaining('TotalToPayAmount') },
      ],
    });
    expect(hashOf(db)).toBe(before);
    // In words for people, too.
    const human = zaplecze('import', hostile('checkout-forms.truncated.json'), '--db', db);
    expect(human.code).toBe(1);
    expect(human.out).toContain('REJECTED');
    expect(human.out).toContain('line 1633');
  });

  it('--dry-run shows the counts and writes nothing', () => {
    zaplecze('init', '--db', db);
    const before = hashOf(db);
    const r = zaplecze('import', fixture('orders-export.csv'), '--db', db, '--dry-run', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files[0]).toMatchObject({ status: 'dry-run', inserted: 19, updated: 0, unchanged: 0 });
    expect(hashOf(db)).toBe(before);
  });

  it("an owner's sheet of a new layout stops with the proposed mapping unless --mapping auto; then it is remembered", () => {
    zaplecze('init', '--db', db);
    const before = hashOf(db);
    const stop = zaplecze('import', fixture('stan-magazynu.xlsx'), '--db', db, '--json');
    expect(stop.code).toBe(1);
    const stopped = JSON.parse(stop.out).files[0];
    expect(stopped).toMatchObject({ status: 'rejected', format: 'owner-stock-sheet', errors: [{ row: 3, column: null }] });
    expect(stopped.mapping.columns).toContainEqual({ column: 'E', header: 'Ilość', field: 'quantity' });
    expect(hashOf(db)).toBe(before);
    const human = zaplecze('import', fixture('stan-magazynu.xlsx'), '--db', db);
    expect(human.out).toContain('"Kod (SKU)" → sku');

    const auto = zaplecze('import', fixture('stan-magazynu.xlsx'), '--db', db, '--mapping', 'auto', '--json');
    expect(auto.code).toBe(0);
    expect(JSON.parse(auto.out).files[0]).toMatchObject({ status: 'imported', inserted: 12, warnings: [{ row: 1 }, { row: 14 }, { row: 18 }] }); // row 1: the sheet's own date (issue 15.6)
    // The same layout as CSV (Polish Excel) now goes through without --mapping.
    const csv = zaplecze('import', fixture('stan-magazynu.excel-pl.win1250.csv'), '--db', db, '--json');
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.out).files[0]).toMatchObject({ status: 'imported', inserted: 0, updated: 0, unchanged: 12 });
    expect(JSON.parse(csv.out).files[0].warnings.filter((w: { message: string }) => w.message.includes('scientific'))).toHaveLength(4);
    // --mapping <name> picks a saved mapping; an unknown name is a usage error.
    expect(zaplecze('import', fixture('stan-magazynu.xlsx'), '--db', db, '--mapping', 'nie-ma-takiego').code).toBe(2);
  });

  it('--valid-rows-only skips invalid rows and counts them', () => {
    const file = join(dir.dir, 'stan.csv');
    writeFileSync(file, 'Kod;Nazwa;Ilość\nA;Kubek;1\nB;Talerz;-3\n');
    // The sheet states no day: it is given (issue 13.14), so only the invalid row is in the way.
    const strict = zaplecze('import', file, '--db', db, '--mapping', 'auto', '--counted-on', '2026-01-05', '--json');
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.out).files[0].errors).toEqual([{ row: 3, column: 'Ilość', message: expect.stringContaining('"-3" is not a number of units') }]);
    const lenient = zaplecze('import', file, '--db', db, '--mapping', 'auto', '--valid-rows-only', '--counted-on', '2026-01-05', '--json');
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.out).files[0]).toMatchObject({ status: 'imported', inserted: 1, skippedRows: 1 });
  });

  it('--counted-on: a sheet without its day is refused until the day is given, then booked at the end of that day', () => {
    const file = fixture('stock-day/stan-magazynu.bez-daty.csv');
    const before = zaplecze('import', file, '--db', db, '--mapping', 'auto', '--json');
    expect(before.code).toBe(1);
    const refused = JSON.parse(before.out).files[0];
    expect(refused.status).toBe('rejected');
    expect(refused.errors[0].message).toContain('--counted-on YYYY-MM-DD');
    expect(zaplecze('import', file, '--db', db, '--mapping', 'auto', '--counted-on', '30.11.2026').code).toBe(2);
    expect(zaplecze('import', file, '--db', db, '--mapping', 'auto', '--counted-on', '2026-02-30').code).toBe(2);
    const after = zaplecze('import', file, '--db', db, '--mapping', 'auto', '--counted-on', '2026-11-30', '--json');
    expect(after.code).toBe(0);
    expect(JSON.parse(after.out).files[0]).toMatchObject({ status: 'imported', inserted: 3 });
    const sqlite = new BetterSqlite3(db, { readonly: true });
    try {
      expect(sqlite.prepare("SELECT DISTINCT created_at FROM stock_ledger WHERE kind = 'stocktake'").pluck().all()).toEqual(['2026-11-30T22:59:59.000Z']);
    } finally {
      sqlite.close();
    }
  });

  it('usage errors: no file, a missing file', () => {
    expect(zaplecze('import', '--db', db).code).toBe(2);
    const missing = zaplecze('import', join(dir.dir, 'nie-ma.csv'), '--db', db);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
  });

  it('prints a progress line on stderr for a big file', () => {
    const big = join(dir.dir, 'big.json');
    const page = JSON.parse(readFileSync(fixture('checkout-forms.page-1.json'), 'utf8'));
    const forms = [];
    for (let i = 0; i < 300; i += 1) {
      for (const f of page.checkoutForms) {
        const c = structuredClone(f);
        c.id = `${String(i).padStart(8, '0')}${f.id.slice(8)}`;
        c.lineItems.forEach((l: { id: string }) => (l.id = `${String(i).padStart(8, '0')}${l.id.slice(8)}`));
        forms.push(c);
      }
    }
    writeFileSync(big, JSON.stringify({ checkoutForms: forms, count: forms.length, totalCount: forms.length }));
    const r = zaplecze('import', big, '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files[0]).toMatchObject({ inserted: 6000 });
    expect(r.err).toMatch(/big\.json: reading \d+%/);
    expect(r.err).toMatch(/big\.json: writing \d+%/);
  });
});
