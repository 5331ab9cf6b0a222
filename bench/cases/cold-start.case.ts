import { join } from 'node:path';
import { lastJson, runTsChild } from '../lib/child';
import type { BenchCase } from '../lib/context';
import { failed, judged, notAvailable, type Row, skipped } from '../lib/report';
import { shopLabel, TMP } from '../lib/shops';
import { round, summarize } from '../lib/stats';
import { isGeneratorMissing } from './orders-list.case';

const TARGET = { op: '<' as const, limit: 300, unit: 'ms' };
const TARGET_SCALE = 1_000_000;
const RUNS = 5;

interface ColdStart {
  openMs: number;
  firstPageMs: number;
  totalMs: number;
  ok: boolean;
  error: { code: string; message: string } | null;
  rows: number;
}

/** Open the database, check migrations, first orders page — each run in a fresh Node process. */
export const coldStartCase: BenchCase = async (ctx) => {
  const rows: Row[] = [];
  const scales = ctx.full ? ctx.orderScales : [...ctx.orderScales, TARGET_SCALE];
  for (const orders of scales) {
    const base = { id: `cold-start@${shopLabel(orders)}`, what: 'cold start: open DB, check migrations, first orders page (median)', scale: `${shopLabel(orders)} orders`, unit: 'ms', target: orders >= TARGET_SCALE ? TARGET : null };
    if (orders > Math.max(...ctx.orderScales)) {
      rows.push(skipped(base, 'the target is set for 1M orders: run `npm run bench -- --full`'));
      continue;
    }
    try {
      const shop = await ctx.shop({ orders });
      const runs: ColdStart[] = [];
      for (let i = 0; i < RUNS; i++) {
        const child = await runTsChild('bench/child/cold-start.ts', [shop.file, join(TMP, 'backups')], { timeoutMs: 120_000 });
        const result = lastJson<ColdStart>(child.stdout);
        if (!result) throw new Error(`cold-start child failed: ${child.stderr.slice(0, 300)}`);
        runs.push(result);
      }
      if (!runs[0]!.ok) {
        const msg = `orders.list: ${runs[0]!.error?.code} — ${runs[0]!.error?.message}`;
        rows.push(/not available yet|not implemented yet|being built/i.test(msg) ? notAvailable(base, msg) : failed(base, msg));
        continue;
      }
      const total = summarize(runs.map((r) => r.totalMs));
      const open = summarize(runs.map((r) => r.openMs));
      const page = summarize(runs.map((r) => r.firstPageMs));
      rows.push(
        judged({
          ...base,
          value: round(total.p50, 1),
          note: `open+migrations ${round(open.p50, 1)} ms, first page ${round(page.p50, 1)} ms; worst of ${RUNS} ${round(total.max, 1)} ms (OS file cache warm)${base.target ? '' : '; target applies at 1M'}`,
          details: { runs },
        }),
      );
    } catch (error) {
      rows.push(isGeneratorMissing(error) ? notAvailable(base, 'the demo generator (loadDemoShop) is not available yet') : failed(base, error));
    }
  }
  return rows;
};
