import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { commitImport, previewImport, remapImport } from '../../../electron/core/import/import.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { FIXTURES, importPath } from './support';

/**
 * Issue 13 point 14 / issue 15 point 6: a stock sheet is a count at a moment. A sheet that does not say
 * on which day it counted (test/fixtures/allegro/stock-day, see its README) is not booked "now" over the
 * sales since: the import asks for the day and books only the difference at the end of that day.
 */
const UNDATED = join(FIXTURES, 'stock-day', 'stan-magazynu.bez-daty.csv');
const DATED = join(FIXTURES, 'engine', 'stan-magazynu.stan-na-30-11.csv');

let t: TempCore;
beforeEach(async () => {
  // Saturday 5 December 2026, 10:00 in Warsaw.
  t = await tempCore({ now: () => new Date('2026-12-05T09:00:00Z') });
});
afterEach(async () => t.dispose());

const onHand = (sku: string) => t.core.sqlite.prepare('SELECT on_hand FROM products WHERE sku = ?').pluck().get(sku) as number;
const productId = (sku: string) => t.core.sqlite.prepare('SELECT id FROM products WHERE sku = ?').pluck().get(sku) as number;
function sell(sku: string, quantity: number, at: string) {
  t.core.sqlite
    .prepare("INSERT INTO stock_ledger (product_id, location_id, kind, quantity, reason, document, order_id, return_id, import_run_id, unit_cost_grosze, actor, created_at) VALUES (?, NULL, 'sale', ?, 'sprzedaż', NULL, NULL, NULL, NULL, NULL, 'owner', ?)")
    .run(productId(sku), -quantity, at);
}

describe('an undated stock sheet asks for its day and books only the difference then', () => {
  it('the owner gives yesterday: a sale after it is kept, the table says from → to; without the day nothing is booked', async () => {
    // The shop counted 48 lavender candles and 120 jars of honey on 30.11 (a dated sheet).
    expect((await importPath(t.core, DATED)).run.status).toBe('committed');
    sell('MIOD-RZE-500', 3, '2026-12-02T10:00:00.000Z'); // before the new count: the count includes it
    sell('SW-LAW-200', 5, '2026-12-05T08:30:00.000Z'); // this morning, after yesterday's count
    expect([onHand('SW-LAW-200'), onHand('MIOD-RZE-500')]).toEqual([43, 117]);
    const ledgerBefore = t.core.sqlite.prepare('SELECT count(*) FROM stock_ledger').pluck().get();

    // The undated sheet: the preview asks for the day and the commit refuses without it.
    const asked = await previewImport(t.core, { name: 'stan-magazynu.bez-daty.csv', path: UNDATED });
    expect(asked.format).toBe('owner-stock-sheet');
    expect(asked.needsCountedOn).toBe(true);
    expect(asked.countedOn).toBeNull();
    const refused = await commitImport(t.core, asked.token, { mapping: asked.mapping!.mapping });
    expect(refused.run.status).toBe('rejected');
    expect(refused.problems.find((p) => p.code === 'counted_on_missing')?.message.pl).toContain('na który dzień liczono');
    expect([onHand('SW-LAW-200'), onHand('MIOD-RZE-500')]).toEqual([43, 117]);
    expect(t.core.sqlite.prepare('SELECT count(*) FROM stock_ledger').pluck().get()).toBe(ledgerBefore);

    // The owner says: counted yesterday, 4 December. Lavender 50 then (books 48: +2), honey 118 (books 117: +1).
    const first = await previewImport(t.core, { name: 'stan-magazynu.bez-daty.csv', path: UNDATED });
    const preview = await remapImport(t.core, first.token, undefined, '2026-12-04');
    expect(preview.needsCountedOn).toBe(false);
    expect(preview.countedOn).toEqual({ day: '2026-12-04', source: 'owner' });
    const change = preview.sample.columns.findIndex((c) => c.startsWith('Stan: teraz → po imporcie'));
    expect(change).toBeGreaterThan(0);
    const table = Object.fromEntries(preview.sample.rows.map((r) => [r.key, r.values[change]]));
    // This morning's sale stays: 43 now → 45 after the import, not 50; a new product starts from 0.
    expect(table).toEqual({ 'SW-LAW-200': '43 → 45', 'MIOD-RZE-500': '117 → 118', 'SW-CYN-200': '0 → 31' });

    const done = await commitImport(t.core, preview.token, { mapping: preview.mapping!.mapping });
    expect(done.run.status).toBe('committed');
    expect([onHand('SW-LAW-200'), onHand('MIOD-RZE-500'), onHand('SW-CYN-200')]).toEqual([45, 118, 31]);
    // Booked at the end of 4 December in Warsaw (23:59:59 CET = 22:59:59 UTC), before this morning's sale.
    const booked = t.core.sqlite
      .prepare("SELECT p.sku, l.quantity, l.created_at, l.reason FROM stock_ledger l JOIN products p ON p.id = l.product_id WHERE l.import_run_id = ? AND l.kind = 'stocktake' ORDER BY p.sku")
      .all(done.run.id);
    // The reason is stored as a code with the file's name (issue 13), said in the reader's language when shown.
    const reason = 'stock.sheet ["stan-magazynu.bez-daty.csv"]';
    expect(booked).toEqual([
      { sku: 'MIOD-RZE-500', quantity: 1, created_at: '2026-12-04T22:59:59.000Z', reason },
      { sku: 'SW-CYN-200', quantity: 31, created_at: '2026-12-04T22:59:59.000Z', reason },
      { sku: 'SW-LAW-200', quantity: 2, created_at: '2026-12-04T22:59:59.000Z', reason },
    ]);
  });

  it('a dated sheet needs no day; the owner may still give one; a day after today or not a day is refused', async () => {
    const dated = await previewImport(t.core, { name: 'stan-na-30-11.csv', path: DATED });
    expect(dated.needsCountedOn).toBe(false);
    expect(dated.countedOn).toEqual({ day: '2026-11-30', source: 'sheet' });
    const owner = await remapImport(t.core, dated.token, undefined, '2026-12-01');
    expect(owner.countedOn).toEqual({ day: '2026-12-01', source: 'owner' });

    const undated = await previewImport(t.core, { name: 'u.csv', path: UNDATED });
    await expect(remapImport(t.core, undated.token, undefined, '2026-12-06')).rejects.toMatchObject({ code: 'invalid_input' });
    // Through the contract: the form is checked before the core sees it.
    for (const countedOn of ['2026-02-30', '06.12.2026', '2026-13-01', '']) {
      const r = await call(t.core, 'import.remap', { token: undated.token, countedOn }).catch((e: unknown) => e);
      expect(r, countedOn).toMatchObject({ code: 'invalid_input' });
    }
  });
});
