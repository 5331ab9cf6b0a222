import { rmSync } from 'node:fs';
import { closeCoreFully } from '../../electron/core/backup/restore.service';
import { createChromiumPrinter } from '../../electron/core/print/chromium-printer';
import { callChannel } from '../lib/api';
import type { BenchCase } from '../lib/context';
import { benchSaveTarget } from '../lib/ports';
import { failed, judged, notAvailable } from '../lib/report';
import { openShop } from '../lib/shops';
import { round } from '../lib/stats';
import { isGeneratorMissing } from './orders-list.case';

const TARGET = { op: '<' as const, limit: 5, unit: 's' };
const SLIPS = 200;

/**
 * 200 packing slips as one PDF (`print.packingSlips`, action pdf) rendered by headless Chromium — the
 * same engine as the app's printToPDF. The browser is started by a one-slip job first: the desktop app
 * never pays that start-up per print job (its value is in the note).
 */
export const slipsCase: BenchCase = async (ctx) => {
  const row = { id: 'print.slips-200', what: '200 packing slips to one PDF (A4)', scale: '200 orders', unit: 's', target: TARGET };
  let core;
  try {
    core = await openShop((await ctx.shop({ orders: 10_000 })).file);
  } catch (error) {
    return [isGeneratorMissing(error) ? notAvailable(row, 'the demo generator (loadDemoShop) is not available yet') : failed(row, error)];
  }
  const printer = createChromiumPrinter();
  try {
    const save = benchSaveTarget();
    core.ports = { ...core.ports, printer, saveTarget: save };
    // Recent orders with several lines make realistic slips.
    const ids = core.sqlite.prepare(`SELECT id FROM orders ORDER BY bought_at DESC LIMIT ${SLIPS}`).pluck().all() as number[];
    const t0 = performance.now();
    const warm = await callChannel(core, 'print.packingSlips', { orderIds: ids.slice(0, 1), format: 'a4', action: 'pdf' });
    const startS = (performance.now() - t0) / 1000;
    if (!warm.ok) return [warm.unavailable ? notAvailable(row, warm.message) : failed(row, warm.message)];
    const t1 = performance.now();
    const r = await callChannel<{ pages: number; savedTo: string | null }>(core, 'print.packingSlips', { orderIds: ids, format: 'a4', action: 'pdf' });
    const s = (performance.now() - t1) / 1000;
    for (const f of save.saved) rmSync(f, { force: true });
    if (!r.ok) return [failed(row, r.message)];
    return [judged({ ...row, value: round(s, 2), note: `${r.data.pages} pages; starting Chromium and the first slip took ${round(startS, 2)} s before` })];
  } catch (error) {
    return [failed(row, error)];
  } finally {
    await printer.close();
    await closeCoreFully(core);
  }
};
