import { rmSync } from 'node:fs';
import { closeCoreFully } from '../../electron/core/backup/restore.service';
import { callChannel, mustCall } from '../lib/api';
import type { BenchCase } from '../lib/context';
import { failed, judged, notAvailable, type Row } from '../lib/report';
import { copyShop, openShop } from '../lib/shops';
import { round, ROUNDS, roundsLatency } from '../lib/stats';
import { isGeneratorMissing } from './orders-list.case';

const TARGET = { op: '<' as const, limit: 2, unit: 'ms' };
/** Three rounds of this many orders each; the median of the rounds' p95 is reported (see roundsLatency). */
const ORDERS_PER_ROUND = 150;

interface Candidate {
  orderId: number;
  codes: string[];
}

/**
 * The helper's loop at the packing table on the 100k-order shop: every unit scanned (`packing.scan`),
 * the order completed once all lines are verified (`packing.complete`), then shipped with a tracking
 * number (`packing.ship`: shipment, reservations released, sales written to the ledger). Each call is
 * timed on its own; the target is per call. Runs on a private copy of the shop.
 */
export const packingCase: BenchCase = async (ctx) => {
  const ids = [
    { id: 'packing.scan', what: 'packing: one scan → line verified (p95)' },
    { id: 'packing.complete', what: 'packing: complete the order (p95)' },
    { id: 'packing.ship', what: 'packing: mark shipped, ledger sales written (p95)' },
  ];
  const base = (k: (typeof ids)[number]) => ({ ...k, scale: '100k orders', unit: 'ms', target: TARGET });
  let file: string;
  try {
    file = copyShop(await ctx.shop({ orders: 100_000 }), 'packing');
  } catch (error) {
    return ids.map((k) => (isGeneratorMissing(error) ? notAvailable(base(k), 'the demo generator (loadDemoShop) is not available yet') : failed(base(k), error)));
  }
  const core = await openShop(file);
  try {
    // Open orders, paid or cash on delivery (an unpaid one goes to packing only by the owner's decision, with a
    // reason), whose every line is a product with an EAN; a delivery (untimed) then makes sure the
    // stock is there, so no shipment is refused for lack of goods.
    const candidates = core.sqlite
      .prepare(
        `SELECT o.id AS orderId, group_concat(p.ean || ':' || (l.quantity - l.packed_quantity), ',') AS codes
         FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
         WHERE o.status = 'new' AND (o.paid_at IS NOT NULL OR o.payment_type = 'CASH_ON_DELIVERY')
         GROUP BY o.id
         HAVING count(*) = (SELECT count(*) FROM order_lines x WHERE x.order_id = o.id)
            AND min(p.ean IS NOT NULL) = 1
         ORDER BY o.id DESC LIMIT ${ORDERS_PER_ROUND * ROUNDS}`,
      )
      .all() as Array<{ orderId: number; codes: string }>;
    const orders: Candidate[] = candidates.map((c) => ({
      orderId: c.orderId,
      codes: c.codes.split(',').flatMap((pair) => {
        const [ean, qty] = pair.split(':');
        return Array.from({ length: Number(qty) }, () => ean!);
      }),
    }));
    if (orders.length < ORDERS_PER_ROUND * ROUNDS) return ids.map((k) => failed(base(k), `only ${orders.length} open orders with EANs in the generated shop`));
    const needed = core.sqlite
      .prepare(`SELECT product_id AS productId, SUM(quantity) AS quantity FROM order_lines WHERE order_id IN (${orders.map((o) => o.orderId).join(',')}) GROUP BY product_id`)
      .all() as Array<{ productId: number; quantity: number }>;
    const delivery = await callChannel(core, 'stock.receive', { document: 'BENCH/1', lines: needed });
    if (!delivery.ok) return ids.map((k) => (delivery.unavailable ? notAvailable(base(k), delivery.message) : failed(base(k), delivery.message)));
    const toPick = await callChannel(core, 'orders.setStatus', { ids: orders.map((o) => o.orderId), status: 'to_pick' });
    if (!toPick.ok) return ids.map((k) => (toPick.unavailable ? notAvailable(base(k), toPick.message) : failed(base(k), toPick.message)));
    const probe = await callChannel(core, 'packing.scan', { orderId: orders[0]!.orderId, code: orders[0]!.codes[0] });
    if (!probe.ok) return ids.map((k) => (probe.unavailable ? notAvailable(base(k), probe.message) : failed(base(k), probe.message)));
    orders[0]!.codes.shift();

    const scan: number[][] = Array.from({ length: ROUNDS }, () => []);
    const complete: number[][] = Array.from({ length: ROUNDS }, () => []);
    const ship: number[][] = Array.from({ length: ROUNDS }, () => []);
    let refused = 0;
    for (const [i, order] of orders.entries()) {
      const r = Math.min(ROUNDS - 1, Math.floor(i / ORDERS_PER_ROUND));
      for (const code of order.codes) {
        const t0 = performance.now();
        const answer = await mustCall<{ ok: boolean }>(core, 'packing.scan', { orderId: order.orderId, code });
        scan[r]!.push(performance.now() - t0);
        if (!answer.ok) refused++;
      }
      let t0 = performance.now();
      await mustCall(core, 'packing.complete', { orderId: order.orderId });
      complete[r]!.push(performance.now() - t0);
      t0 = performance.now();
      await mustCall(core, 'packing.ship', { orderId: order.orderId, carrier: 'inpost', trackingNumber: `6${String(order.orderId).padStart(23, '0')}` });
      ship[r]!.push(performance.now() - t0);
    }
    const rows: Row[] = [];
    for (const [k, samples] of [[ids[0]!, scan], [ids[1]!, complete], [ids[2]!, ship]] as const) {
      const lat = roundsLatency(samples);
      rows.push(
        judged({
          ...base(k),
          value: round(lat.p95, 3),
          note: `p50 ${round(lat.p50, 3)} ms, max ${round(lat.max, 2)} ms, ${lat.n} calls over ${orders.length} orders (median p95 of ${ROUNDS} rounds: ${lat.roundP95s.map((x) => round(x, 2)).join(' / ')} ms)${k === ids[0] && refused ? `, ${refused} scans refused` : ''}`,
          details: { ...lat },
        }),
      );
    }
    return rows;
  } catch (error) {
    return ids.map((k) => failed(base(k), error));
  } finally {
    await closeCoreFully(core);
    rmSync(file, { force: true });
  }
};
