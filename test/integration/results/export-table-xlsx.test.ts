import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import type { SaveTarget } from '../../../electron/core/ports';
import { resultsSummary } from '../../../electron/core/results/results.service';
import { type TempCore, tempCore } from '../../support/temp-core';
import { readXlsx } from '../export/support/read-exports';
import { buildKnownShop, ResultsShop } from './shop-builder';

let shop: TempCore | undefined;
afterEach(async () => {
  await shop?.dispose();
  shop = undefined;
});

/** The Polish headers of "Zwroty według produktu" as the screen sends them (fulfilment.messages.ts). */
const COLUMNS = ['SKU', 'Produkt', 'Wysłane szt.', 'Zwrócone szt.', 'Odsetek zwrotów', 'Uwaga'];
const NAME = 'Łódź żółta – gęś, źdźbło, ćma (ŚĆŃ)';

describe('Wyniki: a table saved as Excel through the core', () => {
  it('writes the headers, numbers as numbers, empty cells for none and Polish letters intact', async () => {
    shop = await tempCore({ now: () => new Date('2026-10-30T12:00:00.000Z') });
    const { a } = buildKnownShop(new ResultsShop(shop.core));
    shop.core.sqlite.prepare('UPDATE products SET sku = ?, name = ? WHERE id = ?').run('ŻÓŁW-1', NAME, a);
    const saved: Array<{ name: string; kind: string; path: string }> = [];
    const dir = shop.dir;
    const saveTarget: SaveTarget = {
      async save(name, bytes, kind) {
        const path = join(dir, name);
        writeFileSync(path, bytes);
        saved.push({ name, kind, path });
        return path;
      },
    };
    shop.core.ports = { ...shop.core.ports, saveTarget };

    // The rows the screen builds from the summary (rate as a percentage to one decimal, as shown),
    // plus one row with nothing in its number cells and one with a large count.
    const s = resultsSummary(shop.core, { from: '2026-10-19', to: '2026-11-01' });
    const rows: Array<Array<string | number | null>> = s.returnsByProduct.map((r) => [
      r.sku,
      r.name,
      r.shippedUnits,
      r.returnedUnits,
      r.rate === null ? null : Math.round(r.rate * 1000) / 10,
      r.outlier ? 'dużo powyżej' : '',
    ]);
    expect(rows).toEqual([['ŻÓŁW-1', NAME, 99, 9, 9.1, '']]); // 9 of 99 units back (shop-builder)
    rows.push(['BEZ-WYSYŁEK', 'Pusty wiersz', null, 0, null, ''], ['DUŻO', 'Wiele sztuk', 1_234_567, 89, 0.1, 'dużo powyżej']);

    const answer = await dispatch(shop.core, 'results.exportTable', { title: 'Zwroty według produktu', format: 'xlsx', columns: COLUMNS, rows }, { role: 'owner' });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const bytes = readFileSync(saved[0]!.path);
    expect(saved).toEqual([{ name: 'Zwroty wedlug produktu.xlsx', kind: 'xlsx', path: join(dir, 'Zwroty wedlug produktu.xlsx') }]);
    expect(answer.data).toEqual({ savedTo: saved[0]!.path, fileName: 'Zwroty wedlug produktu.xlsx', bytes: bytes.byteLength });

    const book = await readXlsx(bytes);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Zwroty wedlug produktu']);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS);
    expect(sheet.rowCount).toBe(4);
    const cells = (n: number) => COLUMNS.map((_c, i) => sheet.getRow(n).getCell(i + 1).value);
    expect(cells(2)).toEqual(['ŻÓŁW-1', NAME, 99, 9, 9.1, null]);
    expect(cells(3)).toEqual(['BEZ-WYSYŁEK', 'Pusty wiersz', null, 0, null, null]);
    expect(cells(4)).toEqual(['DUŻO', 'Wiele sztuk', 1_234_567, 89, 0.1, 'dużo powyżej']);
    // Numbers are number cells (Excel sums them), not text that looks like a number; text stays text.
    for (const ref of ['C2', 'D2', 'E2', 'C4', 'E4', 'D3']) expect(sheet.getCell(ref).type, ref).toBe(ExcelJS.ValueType.Number);
    for (const ref of ['A2', 'B2', 'F4']) expect(sheet.getCell(ref).type, ref).toBe(ExcelJS.ValueType.String);
  });
});
