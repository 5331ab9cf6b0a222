import { closeCoreFully } from '../../electron/core/backup/restore.service';
import { callChannel, mustCall } from '../lib/api';
import type { BenchCase } from '../lib/context';
import { failed, judged, notAvailable, type Row, skipped } from '../lib/report';
import { openShop, shopLabel } from '../lib/shops';
import { round, ROUNDS, roundsLatency, timeEach } from '../lib/stats';
import { computeAtRisk } from '../../electron/core/results/at-risk/at-risk.query';
import { isGeneratorMissing } from './orders-list.case';

const TARGET = { op: '<' as const, limit: 100, unit: 'ms' };
const TARGET_SCALE = 1_000_000;
const CALLS_PER_ROUND = 20;

/**
 * The orders-at-risk list as Pulpit's badge, Pakowanie's badge and the Wyniki tab ask for it
 * (`planning.atRisk`: every open order against the shelf, the payments and the packer's measured day),
 * the whole list and filtered by reason. Calls without a change in between reuse the last computation;
 * the second row times the computation itself, as the first call after any change pays it.
 */
export const atRiskCase: BenchCase = async (ctx) => {
  const rows: Row[] = [];
  const scales = ctx.full ? ctx.orderScales : [...ctx.orderScales, TARGET_SCALE];
  for (const orders of scales) {
    const base = { id: `planning.atRisk@${shopLabel(orders)}`, what: 'orders at risk: whole list or one reason (p95)', scale: `${shopLabel(orders)} orders`, unit: 'ms', target: orders >= TARGET_SCALE ? TARGET : null };
    if (orders > Math.max(...ctx.orderScales)) {
      rows.push(skipped(base, 'the target is set for 1M orders: run `npm run bench -- --full --only at-risk`'));
      continue;
    }
    try {
      const shop = await ctx.shop({ orders });
      const core = await openShop(shop.file);
      try {
        // The first call of a connection reads every open order (kept afterwards, refreshed from the change log).
        const t0 = performance.now();
        const probe = await callChannel(core, 'planning.atRisk', {});
        const firstMs = performance.now() - t0;
        if (!probe.ok) {
          rows.push(probe.unavailable ? notAvailable(base, probe.message) : failed(base, probe.message));
          continue;
        }
        const reasons = [undefined, 'late', 'no_stock', 'queue', 'unpaid'] as const;
        const inputs = Array.from({ length: CALLS_PER_ROUND }, (_, i) => (reasons[i % reasons.length] ? { reason: reasons[i % reasons.length], limit: 50 } : { limit: 50 }));
        const rounds: number[][] = [];
        for (let r = 0; r < ROUNDS; r++) rounds.push(await timeEach(inputs, (input) => mustCall(core, 'planning.atRisk', input), 2));
        const lat = roundsLatency(rounds);
        // After a change (a scan, a payment, a status): one open order is written (its row unchanged, so the
        // cached shop stays the same, but the triggers log it as changed) and the list is computed again —
        // the changed order read again, put back in the queue, and every open order judged anew.
        const open = core.sqlite.prepare("SELECT id FROM orders WHERE status IN ('new','to_pick','packed','on_hold') ORDER BY id LIMIT 8").pluck().all() as number[];
        const touch = core.sqlite.prepare('UPDATE orders SET status = status WHERE id = ?');
        const recomputeRounds: number[][] = [];
        for (let r = 0; r < ROUNDS; r++) {
          recomputeRounds.push(
            await timeEach(open, (id) => {
              touch.run(id);
              return computeAtRisk(core, core.now());
            }, 1),
          );
        }
        const re = roundsLatency(recomputeRounds);
        const answer = probe.data as { total: number; queueLength: number };
        rows.push(
          judged({
            ...base,
            value: round(lat.p95, 2),
            note: `p50 ${round(lat.p50, 2)} ms, max ${round(lat.max, 1)} ms, ${lat.n} calls; ${answer.total} at risk of ${answer.queueLength} ready to pack${base.target ? '' : '; target (p95 < 100 ms) applies at 1M'}`,
            details: { ...lat },
          }),
          judged({
            ...base,
            id: `planning.atRisk.recompute@${shopLabel(orders)}`,
            what: 'orders at risk: first call after an order changed, every open order judged again (p95)',
            value: round(re.p95, 2),
            note: `p50 ${round(re.p50, 2)} ms, max ${round(re.max, 1)} ms, ${re.n} computations, each after a write to one open order`,
            details: { ...re },
          }),
          judged({
            ...base,
            id: `planning.atRisk.firstRead@${shopLabel(orders)}`,
            what: 'orders at risk: first call of a connection (app start), every open order read',
            target: null,
            value: round(firstMs, 0),
            note: `once per start; ${answer.queueLength} ready of the open orders`,
            details: { ms: firstMs },
          }),
        );
      } finally {
        await closeCoreFully(core);
      }
    } catch (error) {
      rows.push(isGeneratorMissing(error) ? notAvailable(base, 'the demo generator (loadDemoShop) is not available yet') : failed(base, error));
    }
  }
  return rows;
};
