import { rmSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { closeCoreFully } from '../../electron/core/backup/restore.service';
import { callChannel } from '../lib/api';
import type { BenchCase } from '../lib/context';
import { benchSaveTarget } from '../lib/ports';
import { failed, judged, notAvailable, type Row } from '../lib/report';
import { openShop, shopLabel } from '../lib/shops';
import { round } from '../lib/stats';
import { isGeneratorMissing } from './orders-list.case';

const TARGET = { op: '<' as const, limit: 3, unit: 's' };
/**
 * "The UI must not freeze": the export runs in the Electron main process, which answers every window's
 * calls, so no single step of it may hold the event loop longer than this (judged at every size).
 */
const STALL_TARGET = { op: '<' as const, limit: 100, unit: 'ms' };
const TARGET_ORDERS_IN_MONTH = 100_000;

/**
 * A shop whose busiest month has about 100k orders (the demo generator spreads orders over seven months,
 * the busiest holding ~18%): the size the target names. The 1M-order shop's busiest month (~180k) is
 * measured too, for information.
 */
const SHOP_FOR_100K_MONTH = 600_000;

/**
 * The accountant's monthly sales register as XLSX (`export.salesRegister`), for the busiest month of a
 * shop. --full judges a month of ≥100k orders (the target's size) and also times the 1M-order shop's
 * busiest month; the default run's biggest month is smaller and its row is informative only.
 *
 * Each export also gives a second row: the longest event-loop stall while it ran, sampled every
 * millisecond as the backup case does — what a window would feel during the export.
 */
export const exportCase: BenchCase = async (ctx) => {
  const biggest = Math.max(...ctx.orderScales);
  const rows: Row[] = [];
  if (ctx.full) rows.push(...(await exportBusiestMonth(ctx, SHOP_FOR_100K_MONTH)));
  rows.push(...(await exportBusiestMonth(ctx, biggest, ctx.full)));
  return rows;
};

async function exportBusiestMonth(ctx: Parameters<BenchCase>[0], orders: number, infoOnly = false): Promise<Row[]> {
  const base = { id: `export.month-xlsx@${shopLabel(orders)}`, what: "accountant's sales register of one month to XLSX", unit: 's' };
  const stallBase = { id: `export.month-xlsx-stall@${shopLabel(orders)}`, what: 'sales register to XLSX: longest event-loop stall', unit: 'ms', target: STALL_TARGET };
  let core;
  try {
    core = await openShop((await ctx.shop({ orders })).file);
  } catch (error) {
    return isGeneratorMissing(error)
      ? [base, stallBase].map((b) => notAvailable({ target: TARGET, ...b, scale: `${shopLabel(orders)} orders` }, 'the demo generator (loadDemoShop) is not available yet'))
      : [failed({ ...base, scale: '', target: TARGET }, error)];
  }
  try {
    const busiest = core.sqlite
      .prepare("SELECT substr(bought_at, 1, 7) AS month, count(*) AS n FROM orders GROUP BY month ORDER BY n DESC LIMIT 1")
      .get() as { month: string; n: number };
    const judgedHere = busiest.n >= TARGET_ORDERS_IN_MONTH && !infoOnly;
    const row = { ...base, scale: `${busiest.n} orders in ${busiest.month}`, target: judgedHere ? TARGET : null };
    const save = benchSaveTarget();
    core.ports = { ...core.ports, saveTarget: save };
    const stallRow = { ...stallBase, scale: row.scale };
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    // The histogram keeps no sample from its first tick: let it tick before the export starts.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const t0 = performance.now();
    const r = await callChannel<{ bytes: number; summary: unknown }>(core, 'export.salesRegister', { month: busiest.month, format: 'xlsx' });
    const s = (performance.now() - t0) / 1000;
    delay.disable();
    for (const f of save.saved) rmSync(f, { force: true });
    if (!r.ok) return [r.unavailable ? notAvailable(row, r.message) : failed(row, r.message), failed(stallRow, r.message)];
    const why = judgedHere ? '' : infoOnly ? '; for information (the target is judged on the 100k-order month)' : '; the target is for a 100k-order month (--full)';
    const stallMs = delay.max / 1e6;
    const p99StallMs = delay.percentile(99) / 1e6;
    return [
      judged({ ...row, value: round(s, 2), note: `${round(r.data.bytes / 1048576, 1)} MB XLSX; ${Math.round(busiest.n / s)} orders/s${why}` }),
      judged({
        ...stallRow,
        value: round(stallMs, 1),
        note: `over the ${round(s, 2)} s export (p99 stall ${round(p99StallMs, 1)} ms); measured in the bench process, so a garbage collection of an earlier case's leftovers can land in it`,
        details: { stallMs, p99StallMs, exportS: s },
      }),
    ];
  } catch (error) {
    return [failed({ ...base, scale: '', target: TARGET }, error)];
  } finally {
    await closeCoreFully(core);
  }
}
