import { closeCoreFully } from '../../electron/core/backup/restore.service';
import { callChannel, mustCall } from '../lib/api';
import type { BenchCase } from '../lib/context';
import { failed, judged, notAvailable, type Row, skipped } from '../lib/report';
import { openShop, shopLabel } from '../lib/shops';
import { round, ROUNDS, roundsLatency, timeEach } from '../lib/stats';
import { pickSearchTerms } from './search-terms';

const TARGET = { op: '<' as const, limit: 5, unit: 'ms' };
const TARGET_SCALE = 1_000_000;

/**
 * The order list as the Orders screen asks for it: a status filter, a text search (buyer name or login
 * beginning, order number, SKU) and newest first, one page of 50 — through the real `orders.list` call.
 */
export const ordersListCase: BenchCase = async (ctx) => {
  const rows: Row[] = [];
  const scales = ctx.full ? ctx.orderScales : [...ctx.orderScales, TARGET_SCALE];
  for (const orders of scales) {
    const base = { id: `orders.list@${shopLabel(orders)}`, what: 'order list: status + search + date sort, page of 50 (p95)', scale: `${shopLabel(orders)} orders`, unit: 'ms', target: orders >= TARGET_SCALE ? TARGET : null };
    if (orders > Math.max(...ctx.orderScales)) {
      rows.push(skipped(base, 'the target is set for 1M orders: run `npm run bench -- --full`'));
      continue;
    }
    try {
      const shop = await ctx.shop({ orders });
      const core = await openShop(shop.file);
      try {
        const probe = await callChannel(core, 'orders.list', { status: ['new'], search: 'kow', limit: 50 });
        if (!probe.ok) {
          rows.push(probe.unavailable ? notAvailable(base, probe.message) : failed(base, probe.message));
          continue;
        }
        const terms = pickSearchTerms(core.sqlite, 60);
        const statuses = [['new'], ['to_pick'], ['new', 'to_pick'], ['shipped'], ['new', 'to_pick', 'packed', 'on_hold']];
        const inputs = terms.map((search, i) => ({ status: statuses[i % statuses.length], search, sort: { field: 'boughtAt', dir: 'desc' }, limit: 50 }));
        // Also the plain first page of each status (what the screen shows before anyone types).
        for (const status of statuses) inputs.push({ status, search: '', sort: { field: 'boughtAt', dir: 'desc' }, limit: 50 });
        const rounds: number[][] = [];
        for (let r = 0; r < ROUNDS; r++) rounds.push(await timeEach(inputs, (input) => mustCall(core, 'orders.list', input)));
        const lat = roundsLatency(rounds);
        rows.push(
          judged({
            ...base,
            value: round(lat.p95, 3),
            note: `p50 ${round(lat.p50, 3)} ms, max ${round(lat.max, 2)} ms, ${lat.n} queries (median p95 of ${ROUNDS} rounds: ${lat.roundP95s.map((x) => round(x, 2)).join(' / ')} ms)${base.target ? '' : '; target (p95 < 5 ms) applies at 1M'}`,
            details: { ...lat },
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

export function isGeneratorMissing(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'internal' && /demo shop generator|not available yet/i.test(e.message ?? '');
}
