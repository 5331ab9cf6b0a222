import { rmSync } from 'node:fs';
import { closeCoreFully } from '../../electron/core/backup/restore.service';
import { callChannel } from '../lib/api';
import type { BenchCase } from '../lib/context';
import { benchSaveTarget } from '../lib/ports';
import { failed, judged, notAvailable, type Row } from '../lib/report';
import { openShop, shopLabel } from '../lib/shops';
import { round } from '../lib/stats';
import { isGeneratorMissing } from './orders-list.case';

const TARGET = { op: '<' as const, limit: 3, unit: 's' };
const TARGET_ORDERS_IN_MONTH = 100_000;

/**
 * The accountant's monthly sales register as XLSX (`export.salesRegister`), for the busiest month of the
 * biggest shop in the run. The target is set for a month of 100k orders: the 1M-order shop (--full) has
 * months that big; the default run's busiest month is smaller and its row is informative only.
 */
export const exportCase: BenchCase = async (ctx) => {
  const orders = Math.max(...ctx.orderScales);
  const base = { id: `export.month-xlsx@${shopLabel(orders)}`, what: "accountant's sales register of one month to XLSX", unit: 's' };
  let core;
  try {
    core = await openShop((await ctx.shop({ orders })).file);
  } catch (error) {
    return [isGeneratorMissing(error) ? notAvailable({ ...base, scale: `${shopLabel(orders)} orders`, target: TARGET }, 'the demo generator (loadDemoShop) is not available yet') : failed({ ...base, scale: '', target: TARGET }, error)];
  }
  try {
    const busiest = core.sqlite
      .prepare("SELECT substr(bought_at, 1, 7) AS month, count(*) AS n FROM orders GROUP BY month ORDER BY n DESC LIMIT 1")
      .get() as { month: string; n: number };
    const big = busiest.n >= TARGET_ORDERS_IN_MONTH;
    const row = { ...base, scale: `${busiest.n} orders in ${busiest.month}`, target: big ? TARGET : null };
    const save = benchSaveTarget();
    core.ports = { ...core.ports, saveTarget: save };
    const t0 = performance.now();
    const r = await callChannel<{ bytes: number; summary: unknown }>(core, 'export.salesRegister', { month: busiest.month, format: 'xlsx' });
    const s = (performance.now() - t0) / 1000;
    for (const f of save.saved) rmSync(f, { force: true });
    if (!r.ok) return [r.unavailable ? notAvailable(row, r.message) : failed(row, r.message)];
    const rows: Row[] = [
      judged({ ...row, value: round(s, 2), note: `${round(r.data.bytes / 1048576, 1)} MB XLSX${big ? '' : `; the target is for a 100k-order month (1M-order shop: --full); ${Math.round(busiest.n / s)} orders/s`}` }),
    ];
    return rows;
  } catch (error) {
    return [failed({ ...base, scale: '', target: TARGET }, error)];
  } finally {
    await closeCoreFully(core);
  }
};
