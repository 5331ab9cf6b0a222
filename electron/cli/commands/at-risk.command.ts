import { ordersAtRisk } from '../../core/results/at-risk/at-risk.query';
import type { CliCommand } from '../cli-types';
import { dbOption } from '../cli-types';
import { openCore } from '../open-core';

const REASON_TEXT: Record<string, string> = {
  no_stock: 'not enough stock',
  unpaid: 'unpaid, deadline near',
  queue: 'behind the packing queue',
  on_hold: 'on hold',
};

/**
 * `zaplecze at-risk --json` prints ONE JSON object on stdout, the same as the app's list (keys are
 * stable; new ones may be added):
 * - rows: orders that will miss their promised dispatch unless something changes, late ones first; each
 *   with orderId, number, status, dispatchBy (ISO), late, workingDaysLeft, payment, reasons
 *   (no_stock | unpaid | queue | on_hold), actions (receive_goods | contact_buyer | pack_first |
 *   release_hold), missing (products short, units), queuePosition and slotsBeforeDeadline;
 * - total, counts {late, no_stock, unpaid, queue, on_hold};
 * - queueLength (orders still to pack; packed ones wait only for the courier), queueToPick, queueNew, packedWaiting,
 *   capacityPerDay (parcels a working day, measured; null = not yet), capacityMeasuredDays,
 *   shippedToday, computedAt.
 * Exit codes: 0 printed; 1 no database at --db; 2 wrong usage.
 */
export const atRiskCommand: CliCommand = {
  summary: 'Orders that will miss their promised dispatch unless something changes (--json: one object, stable keys).',
  usage: 'zaplecze at-risk [--db <file>] [--json]',
  options: { ...dbOption, json: { type: 'boolean' } },
  async run({ values }, io) {
    const core = await openCore(values, { mustExist: true, io });
    try {
      const result = ordersAtRisk(core, { limit: 5000, offset: 0 });
      if (values.json) {
        io.out(JSON.stringify(result));
        return 0;
      }
      const c = result.counts;
      io.out(`At risk: ${result.total} (late ${c.late}, no stock ${c.no_stock}, unpaid ${c.unpaid}, queue ${c.queue}, on hold ${c.on_hold})`);
      io.out(`Packing capacity: ${result.capacityPerDay ?? 'not measured yet'} a day; queue ${result.queueLength}; shipped today ${result.shippedToday}`);
      for (const r of result.rows) {
        io.out(`  ${r.number.padEnd(14)} ${r.dispatchBy.slice(0, 16).replace('T', ' ')}  ${r.late ? 'LATE  ' : '      '}${r.reasons.map((x) => REASON_TEXT[x]).join(', ')}`);
      }
      return 0;
    } finally {
      await core.close();
    }
  },
};
