import { calendarDay } from '../../../shared/contract/export.contract';
import { handlingTimeAdvice } from '../../core/results/handling-time.service';
import { resultsSummary } from '../../core/results/results.service';
import type { CliCommand } from '../cli-types';
import { CliError, dbOption } from '../cli-types';
import { openCore } from '../open-core';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)} %`);
const hours = (h: number | null) => (h === null ? '—' : `${h} h`);

/**
 * `zaplecze results --from YYYY-MM-DD --to YYYY-MM-DD --json` prints ONE JSON object on stdout, the
 * numbers of Wyniki (keys are stable; new ones may be added, none renamed — README "Wyniki"):
 * - period {from, to} (Warsaw days, both included), previousPeriod (the same length just before),
 *   computedAt (ISO instant late-but-unshipped orders are judged against);
 * - current, previous: dueOrders, onTime, late, onTimeRate, notYetDue; shippedOrders, shippedUnits,
 *   perfect, perfectRate, failures {late, damaged, wrongItem, incomplete, complaintUpheld}; cycle
 *   {boughtToPaid, paidToPacked, packedToShipped, shippedToDelivered, boughtToShipped} each {count,
 *   medianHours, p90Hours}; returnedOrders, returnedUnits, returnRate, complaints, complaintsUpheld,
 *   complaintRate; stockoutDays, stockoutProducts, campaignStockoutDays, campaignProductDays,
 *   campaignStockoutRate, ordersWaitedForStock; packedOrders, packedUnits, wrongScans,
 *   wrongScansPer100Units. Rates are fractions 0…1, null when there was nothing to count;
 * - lateOrders [{orderId, allegroOrderId, buyer, dueAt, shippedAt, daysLate}], lateOrdersTruncated;
 * - daily [{day, due, onTime, late, shipped, perfect, stockoutDays}];
 * - returnsByProduct, returnsByReason, returnsByPacker, complaintsByProduct, complaintsByDemand,
 *   complaintsByPacker, packing, stockoutsByProduct (tables of Wyniki);
 * - handlingTime: {windowFrom, windowTo, orders, currentDays, recommendedDays, distribution, options
 *   [{days, onTimeRate, lateOrders}], byWeekday, byHour, cutoffHour} — the last 90 days, whatever the period.
 * Exit codes: 0 printed; 1 no database at --db or a period Wyniki refuses; 2 wrong usage.
 */
export const resultsCommand: CliCommand = {
  summary: 'Fulfilment numbers of a period against the one before, and the handling time the shop keeps (--json: one object, stable keys).',
  usage: 'zaplecze results --from YYYY-MM-DD --to YYYY-MM-DD [--db <file>] [--json]',
  options: { ...dbOption, json: { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' } },
  async run({ values }, io) {
    const from = calendarDay.safeParse(values.from);
    const to = calendarDay.safeParse(values.to);
    if (!from.success || !to.success) throw new CliError('Give the period as --from YYYY-MM-DD --to YYYY-MM-DD (real calendar days).', 2);
    if (from.data > to.data) throw new CliError('--to is before --from.', 2);
    const core = await openCore(values, { mustExist: true, io });
    try {
      // No time budget here: the command counts every order, so `pendingOrders` (the app's "still counting") is always 0
      // and is left out, keeping the documented --json keys as they were.
      const { pendingOrders: _summaryPending, ...summary } = resultsSummary(core, { from: from.data, to: to.data });
      const { pendingOrders: _advicePending, ...handlingTime } = handlingTimeAdvice(core);
      if (values.json) {
        io.out(JSON.stringify({ ...summary, handlingTime }));
        return 0;
      }
      const c = summary.current;
      const p = summary.previous;
      io.out(
        [
          `Period:            ${summary.period.from} – ${summary.period.to} (before: ${summary.previousPeriod.from} – ${summary.previousPeriod.to})`,
          `On-time dispatch:  ${pct(c.onTimeRate)} of ${c.dueOrders} (late ${c.late}; before ${pct(p.onTimeRate)})`,
          `Perfect orders:    ${pct(c.perfectRate)} of ${c.shippedOrders} shipped (late ${c.failures.late}, damaged ${c.failures.damaged}, wrong item ${c.failures.wrongItem}, incomplete ${c.failures.incomplete}, complaint upheld ${c.failures.complaintUpheld})`,
          `Paid → shipped:    median ${hours(c.cycle.boughtToShipped.medianHours)}, 90 % within ${hours(c.cycle.boughtToShipped.p90Hours)} (bought → shipped)`,
          `Returns:           ${pct(c.returnRate)} of shipped orders; complaints ${pct(c.complaintRate)} (upheld ${c.complaintsUpheld})`,
          `Stock-outs:        ${c.stockoutDays} product-days (${c.stockoutProducts} products), in campaigns ${c.campaignStockoutDays} of ${c.campaignProductDays}; orders that waited ${c.ordersWaitedForStock}`,
          `Packing:           ${c.packedOrders} orders, ${c.packedUnits} units, wrong scans ${c.wrongScansPer100Units ?? '—'} per 100 units`,
          `Handling time:     declared ${handlingTime.currentDays} working day(s); kept for 95 %: ${handlingTime.recommendedDays ?? '—'} (last 90 days, ${handlingTime.orders} orders)`,
        ].join('\n'),
      );
      return 0;
    } finally {
      await core.close();
    }
  },
};
