import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { loadDemoShop } from '../../../electron/core/demo/demo-shop';
import { tempCore, type TempCore } from '../../support/temp-core';
import { folderSaveTarget, sharedPrinter } from './support/print-core';
import { pdfInfo, pdfText } from './support/pdf-tools';

/**
 * A day's batch: 200 packing slips of the demo shop become ONE PDF with one sheet per order, in both
 * formats. The time is printed for the record (the speed target is measured by `npm run bench`).
 */
let t: TempCore;
const printer = sharedPrinter();
let saves: ReturnType<typeof folderSaveTarget>;
let batch: Array<{ id: number; number: string; lines: number }>;

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-11-20T10:00:00Z') });
  saves = folderSaveTarget(join(t.dir, 'saved'));
  t.core.ports = { printer, saveTarget: saves };
  await loadDemoShop(t.core, { orders: 600, products: 120, seed: 3 });
  batch = t.core.sqlite
    .prepare(
      `SELECT o.id, COALESCE(o.allegro_order_id, 'ZAP-' || o.id) AS number, COUNT(l.id) AS lines FROM orders o JOIN order_lines l ON l.order_id = o.id
        GROUP BY o.id HAVING COUNT(l.id) <= 3 ORDER BY o.bought_at DESC LIMIT 200`,
    )
    .all() as Array<{ id: number; number: string; lines: number }>;
  // Warm the browser so the measurement below is the rendering, not Chromium's start.
  await printer.htmlToPdf('<!doctype html><p>x</p>', { format: 'A4' });
});
afterAll(async () => {
  await printer.close();
  await t.dispose();
});

describe('a batch of 200 packing slips', () => {
  it.each(['label', 'a4'] as const)('%s: one PDF, 200 pages, every order number on its own page', async (format) => {
    expect(batch).toHaveLength(200);
    const started = performance.now();
    const result = await call(t.core, 'print.packingSlips', { orderIds: batch.map((b) => b.id), format, action: 'pdf' });
    const seconds = (performance.now() - started) / 1000;
    console.log(`[measure] 200 packing slips (${format}) → one PDF in ${seconds.toFixed(2)} s, ${(saves.saved.at(-1)!.bytes.byteLength / 1024).toFixed(0)} KiB`);
    expect(saves.saved).toHaveLength(format === 'label' ? 1 : 2);
    const pdf = saves.saved.at(-1)!.bytes;
    expect(pdfInfo(pdf).pages).toBe(200);
    expect(result).toMatchObject({ pages: 200, orders: 200, done: true });
    for (const page of [1, 57, 200]) {
      const expected = batch[page - 1]!.number;
      expect(pdfText(pdf, { firstPage: page, lastPage: page })).toContain(expected);
    }
  });
});
