import { closeCoreFully } from '../../electron/core/backup/restore.service';
import type { Core } from '../../electron/core/create-core';
import { callChannel, mustCall } from '../lib/api';
import type { BenchCase } from '../lib/context';
import { failed, judged, notAvailable, type Row, skipped } from '../lib/report';
import { openShop, shopLabel } from '../lib/shops';
import { round, ROUNDS, roundsLatency, timeEach } from '../lib/stats';
import { isGeneratorMissing } from './orders-list.case';

const TARGET = { op: '<' as const, limit: 300, unit: 'ms' };
const TARGET_SCALE = 1_000_000;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The periods the owner clicks through on Wyniki: this and the last weeks and months before `today`. */
function periods(today: string): Array<{ from: string; to: string }> {
  const out: Array<{ from: string; to: string }> = [];
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(today, -weekday);
  for (let w = 0; w < 4; w++) out.push({ from: addDays(monday, -7 * w), to: addDays(monday, -7 * w + 6) });
  let first = `${today.slice(0, 7)}-01`;
  for (let m = 0; m < 4; m++) {
    const [y, mo] = first.split('-').map(Number) as [number, number];
    const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
    out.push({ from: first, to: addDays(next, -1) });
    first = `${addDays(first, -1).slice(0, 7)}-01`;
  }
  return out;
}

/**
 * The demo shop plans campaigns for listed products only; Wyniki also reads campaigns for a whole
 * category (each product of the category on each campaign day), so the shop gets one, over the weeks
 * and months switched below, once (it is kept in the cached shop).
 */
async function ensureCategoryCampaign(core: Core, today: string, log: (line: string) => void): Promise<void> {
  const planned = core.sqlite.prepare('SELECT count(*) AS n FROM campaign_plans WHERE category IS NOT NULL').get() as { n: number };
  if (planned.n > 0) return;
  const biggest = core.sqlite
    .prepare('SELECT category, count(*) AS n FROM products WHERE category IS NOT NULL AND archived = 0 GROUP BY category ORDER BY n DESC, category LIMIT 1')
    .get() as { category: string; n: number } | undefined;
  if (!biggest) return;
  await mustCall(core, 'planning.saveCampaign', { name: `Bench: ${biggest.category}`, startsOn: addDays(today, -100), endsOn: addDays(today, 14), category: biggest.category, upliftX100: 200 });
  log(`  planned a campaign for the whole category '${biggest.category}' (${biggest.n} products)`);
}

/**
 * Wyniki's period switch (`results.summary`: a week or a month and the one before it, every number,
 * chart series and table of the fulfilment tab). The first call on a shop that never opened Wyniki
 * computes the kept facts of every order once (reported as its own row); afterwards a switch reads only
 * the period's index range.
 */
export const resultsCase: BenchCase = async (ctx) => {
  const rows: Row[] = [];
  const scales = ctx.full ? ctx.orderScales : [...ctx.orderScales, TARGET_SCALE];
  for (const orders of scales) {
    const base = { id: `results.summary@${shopLabel(orders)}`, what: 'Wyniki: switch the period, week or month (p95)', scale: `${shopLabel(orders)} orders`, unit: 'ms', target: orders >= TARGET_SCALE ? TARGET : null };
    if (orders > Math.max(...ctx.orderScales)) {
      rows.push(skipped(base, 'the target is set for 1M orders: run `npm run bench -- --full --only results`'));
      continue;
    }
    try {
      const shop = await ctx.shop({ orders });
      const core = await openShop(shop.file);
      try {
        const today = new Date().toISOString().slice(0, 10);
        const list = periods(today);
        await ensureCategoryCampaign(core, today, ctx.log);
        const t0 = performance.now();
        const probe = await callChannel<{ pendingOrders: number }>(core, 'results.summary', list[0]);
        if (!probe.ok) {
          rows.push(probe.unavailable ? notAvailable(base, probe.message) : failed(base, probe.message));
          continue;
        }
        // A shop that never opened Wyniki is summarised in slices of the app's time budget, one per call,
        // each answer partial (pendingOrders > 0) and each switch slowed by its slice: call until every
        // order is counted, as the screen does, so the switches below measure the steady state.
        let pending = probe.data.pendingOrders;
        let calls = 1;
        while (pending > 0) {
          pending = (await mustCall<{ pendingOrders: number }>(core, 'results.summary', list[0])).pendingOrders;
          calls++;
        }
        const firstMs = performance.now() - t0;
        const rounds: number[][] = [];
        for (let r = 0; r < ROUNDS; r++) rounds.push(await timeEach(list, (input) => mustCall(core, 'results.summary', input), 2));
        const lat = roundsLatency(rounds);
        rows.push(
          judged({
            ...base,
            value: round(lat.p95, 2),
            note: `p50 ${round(lat.p50, 2)} ms, max ${round(lat.max, 1)} ms, ${lat.n} switches over 4 weeks and 4 months${base.target ? '' : '; target (p95 < 300 ms) applies at 1M'}`,
            details: { ...lat },
          }),
          judged({
            ...base,
            id: `results.firstOpen@${shopLabel(orders)}`,
            what: 'Wyniki: first open after the upgrade, every order summarised once',
            target: null,
            value: round(firstMs, 0),
            note: `once per shop (${calls} calls of the 1.5 s budget${calls === 1 ? ', or the shop was summarised by an earlier run' : ''}); later opens recompute only what changed`,
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
