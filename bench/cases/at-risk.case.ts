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
        const probe = await callChannel(core, 'planning.atRisk', {});
        if (!probe.ok) {
          rows.push(probe.unavailable ? notAvailable(base, probe.message) : failed(base, probe.message));
          continue;
        }
        const reasons = [undefined, 'late', 'no_stock', 'queue', 'unpaid'] as const;
        const inputs = Array.from({ length: CALLS_PER_ROUND }, (_, i) => (reasons[i % reasons.length] ? { reason: reasons[i % reasons.length], limit: 50 } : { limit: 50 }));
        const rounds: number[][] = [];
        for (let r = 0; r < ROUNDS; r++) rounds.push(await timeEach(inputs, (input) => mustCall(core, 'planning.atRisk', input), 2));
        const lat = roundsLatency(rounds);
        // After any change (a scan, a payment, an import) the list is computed again from every open order.
        const recomputeRounds: number[][] = [];
        for (let r = 0; r < ROUNDS; r++) recomputeRounds.push(await timeEach(Array.from({ length: 8 }, () => null), () => computeAtRisk(core, core.now()), 1));
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
            what: 'orders at risk: first call after a change, computed from every open order (p95)',
            value: round(re.p95, 2),
            note: `p50 ${round(re.p50, 2)} ms, max ${round(re.max, 1)} ms, ${re.n} computations`,
            details: { ...re },
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
