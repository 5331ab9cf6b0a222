import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../../support/temp-core';
import { fixture, importBytes } from './support';

/**
 * Row numbers in messages are the lines a person finds in a text editor, also after a quoted field
 * that holds a line break of its own in a CRLF file (a product name with Alt+Enter in Excel). With
 * csv-parse the import counted such a CRLF twice and named every later row one line too far down.
 */
let t: TempCore;
beforeEach(async () => {
  t = await tempCore({ now: () => new Date('2026-06-16T08:00:00Z') });
});
afterEach(async () => t.dispose());

it('a CRLF file with a line break inside a quoted name: the bad quantity below it is named at its own line', async () => {
  const lines = readFileSync(fixture('orders-export.csv'), 'utf8').replace(/\r\n/g, '\n').split('\n');
  expect(lines[24]).toContain('"Dyfuzor zapachowy bambusowy 100 ml – Drzewo sandałowe"');
  lines[24] = lines[24]!.replace('"Dyfuzor zapachowy bambusowy 100 ml – Drzewo sandałowe"', '"Dyfuzor zapachowy\r\nbambusowy 100 ml – Drzewo sandałowe"');
  // The third line item (file line 27, line 28 once the name above spans two lines): quantity 0.
  const cells = lines[26]!.split(',');
  expect(cells[0]).toBe('lineItem');
  const quantityAt = lines[23]!.split(',').indexOf('Quantity');
  cells[quantityAt] = '0';
  lines[26] = cells.join(',');
  const text = lines.join('\r\n');
  const textLines = text.split('\r\n');
  expect(textLines[27]).toContain(',0,');

  const { preview } = await importBytes(t.core, 'zamowienia-crlf.csv', Buffer.from(text, 'utf8'), { validRowsOnly: true });
  const bad = preview.problems.filter((p) => p.code === 'invalid_value');
  expect(bad.map((p) => [p.row, p.column])).toEqual([[28, 'Quantity']]);
  expect(bad[0]!.message.pl).toContain('Wiersz 28');
  // The name with its line break is kept whole, the break as one space (a product name is one line: issue 12 point 11).
  const lineId = lines[24]!.split(',')[2];
  expect(t.core.sqlite.prepare('SELECT name FROM order_lines WHERE allegro_line_id = ?').pluck().get(lineId)).toBe('Dyfuzor zapachowy bambusowy 100 ml – Drzewo sandałowe');
});

it('an orders CSV is kept once for the run, compressed, not as a JSON copy of its rows in every order (issue 15)', async () => {
  const bytes = readFileSync(fixture('orders-export.csv'));
  const { run } = await importBytes(t.core, 'orders-export.csv', bytes);
  expect(run.status).toBe('committed');
  expect(run.inserted).toBeGreaterThan(10);
  expect(t.core.sqlite.prepare('SELECT count(*) FROM orders WHERE raw_json IS NOT NULL').pluck().get()).toBe(0);
  const parts = t.core.sqlite.prepare('SELECT gzip FROM import_sources WHERE run_id = ? ORDER BY part').pluck().all(run.id) as Buffer[];
  expect(parts.length).toBeGreaterThan(0);
  expect(gunzipSync(Buffer.concat(parts)).equals(bytes)).toBe(true);
});
