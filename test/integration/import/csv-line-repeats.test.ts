import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { previewImport } from '../../../electron/core/import/import.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { fixture } from './support';

/**
 * A line item repeated in the seller-panel CSV: the same row again is imported once with a warning; the
 * same line item id with any cell different — also a cell the import does not read, such as
 * FundraisingCampaign — is a conflict that rejects its order. Staging tells them apart by a digest of the
 * whole row (issue 15: the row's cells are no longer kept with every staged line).
 */
let t: TempCore;
beforeEach(async () => {
  t = await tempCore({ now: () => new Date('2026-06-16T08:00:00Z') });
});
afterEach(async () => t.dispose());

const base = readFileSync(fixture('orders-export.csv'), 'utf8').replace(/\r\n/g, '\n').split('\n');
const LINE = 24; // the first lineItem row (file line 25)
const withRepeat = (change: (cells: string[], header: string[]) => void) => {
  const lines = base.slice();
  const header = lines[LINE - 1]!.split(',');
  expect(lines[LINE]!.startsWith('lineItem,')).toBe(true);
  const cells = lines[LINE]!.split(',');
  change(cells, header);
  lines.splice(LINE + 1, 0, cells.join(','));
  return Buffer.from(lines.join('\n'), 'utf8');
};
const codes = async (bytes: Buffer) => {
  const preview = await previewImport(t.core, { name: 'zamowienia.csv', bytes });
  return preview.problems.filter((p) => p.code === 'duplicate_record' || p.code === 'conflicting_duplicate').map((p) => [p.code, p.row]);
};

it('the same line item row twice: imported once, a warning names the repeat', async () => {
  expect(await codes(withRepeat(() => {}))).toEqual([['duplicate_record', 26]]);
});

it('the same line item id with another quantity: a conflict', async () => {
  expect(await codes(withRepeat((cells, header) => void (cells[header.indexOf('Quantity')] = '2')))).toEqual([['conflicting_duplicate', 26]]);
});

it('the same line item id differing only in a cell the import does not read: still a conflict', async () => {
  expect(await codes(withRepeat((cells, header) => void (cells[header.indexOf('FundraisingCampaign')] = 'WOŚP')))).toEqual([['conflicting_duplicate', 26]]);
});
