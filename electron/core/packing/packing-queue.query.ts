import type { z } from 'zod';
import type { PackingQueueOutput, PackingQueueRow, packingQueueInput } from '../../../shared/contract/packing.contract';
import type { Core } from '../create-core';
import { writeStamp } from '../db/write-stamp';
import { paymentOf } from '../orders/order-row';
import { prepared } from '../stock/product.repository';
import { effectiveDispatchBy } from './dispatch-by';
import { handlingTimeDays as readHandlingTimeDays } from './handling-time';
import { orderNumber } from './order-code';

type QueueInput = z.output<typeof packingQueueInput>;

interface RawQueueRow {
  id: number;
  allegroOrderId: string | null;
  status: 'to_pick' | 'packed';
  boughtAt: string;
  paidAt: string | null;
  paymentType: string | null;
  buyerLogin: string | null;
  buyerName: string | null;
  deliveryMethodName: string | null;
  carrier: string | null;
  dispatchBy: string | null;
  buyerMessage: string | null;
  lineCount: number;
  itemCount: number | null;
  packedCount: number | null;
  firstItemName: string | null;
}

// The literal status term matches the partial index orders_packing_queue (migration 03). The queue is
// the shop's open work — dozens to a few hundred orders — so it is read whole and sorted here, where
// orders without a stored promise get the computed one.
const QUEUE_SQL = `
  SELECT o.id, o.allegro_order_id AS allegroOrderId, o.status, o.bought_at AS boughtAt, o.paid_at AS paidAt, o.payment_type AS paymentType,
         o.buyer_login AS buyerLogin, o.buyer_name AS buyerName, o.delivery_method_name AS deliveryMethodName,
         o.carrier, o.dispatch_by AS dispatchBy, o.buyer_message AS buyerMessage,
         count(l.id) AS lineCount, sum(l.quantity) AS itemCount, sum(l.packed_quantity) AS packedCount,
         (SELECT l2.name FROM order_lines l2 WHERE l2.order_id = o.id ORDER BY l2.id LIMIT 1) AS firstItemName
  FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id
  WHERE o.status IN ('to_pick','packed')
  GROUP BY o.id`;

/** Lower case without Polish accents, for matching what people type. */
export function fold(text: string): string {
  return text.toLocaleLowerCase('pl').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l');
}

function matches(row: PackingQueueRow, term: string): boolean {
  const hay = [row.number, `zap-${row.id}`, String(row.id), row.allegroOrderId ?? '', row.buyerLogin ?? '', row.buyerName ?? ''];
  return hay.some((h) => {
    const f = fold(h);
    return f.startsWith(term) || f.split(/\s+/).some((word) => word.startsWith(term));
  });
}

/**
 * The whole queue, mapped and sorted, kept until the shop changes (db/write-stamp.ts): on a big shop
 * (1,776 waiting of 100k orders) reading and sorting it took 50–130 ms of every visit, page and scan
 * (issue 16). `overdue` depends on the clock and is worked out on each call.
 */
const queues = new WeakMap<Core, { stamp: string; rows: Array<Omit<PackingQueueRow, 'overdue'>> }>();

function wholeQueue(core: Core): Array<Omit<PackingQueueRow, 'overdue'>> {
  const stamp = writeStamp(core.sqlite);
  const kept = queues.get(core);
  if (kept && kept.stamp === stamp) return kept.rows;
  const handlingTimeDays = readHandlingTimeDays(core.sqlite);
  const raw = prepared(core.sqlite, QUEUE_SQL).all() as RawQueueRow[];
  const rows = raw.map((r) => {
    const dispatchBy = effectiveDispatchBy(r, handlingTimeDays).at;
    return {
      id: r.id,
      number: orderNumber(r),
      allegroOrderId: r.allegroOrderId,
      status: r.status,
      boughtAt: r.boughtAt,
      buyerLogin: r.buyerLogin,
      buyerName: r.buyerName,
      deliveryMethodName: r.deliveryMethodName,
      carrier: r.carrier,
      dispatchBy,
      lineCount: r.lineCount,
      itemCount: r.itemCount ?? 0,
      packedCount: r.packedCount ?? 0,
      firstItemName: r.firstItemName,
      buyerMessage: r.buyerMessage,
      payment: paymentOf(r),
    };
  });
  // Oldest promise first; the same deadline: bought earlier first; then by number for a stable order.
  rows.sort((a, b) => a.dispatchBy.localeCompare(b.dispatchBy) || a.boughtAt.localeCompare(b.boughtAt) || a.id - b.id);
  queues.set(core, { stamp, rows });
  return rows;
}

export async function packingQueue(core: Core, input: QueueInput): Promise<PackingQueueOutput> {
  const now = core.now().getTime();
  let rows: PackingQueueRow[] = wholeQueue(core).map((r) => ({ ...r, overdue: Date.parse(r.dispatchBy) < now }));
  if (input.filter === 'toPack') rows = rows.filter((r) => r.status === 'to_pick');
  else if (input.filter === 'packed') rows = rows.filter((r) => r.status === 'packed');
  const term = input.search ? fold(input.search.trim()) : '';
  if (term) rows = rows.filter((r) => matches(r, term));
  let overdueCount = 0;
  let unpaidCount = 0;
  for (const r of rows) {
    if (r.overdue) overdueCount++;
    if (r.payment === 'unpaid') unpaidCount++;
  }
  return { rows: rows.slice(input.offset, input.offset + input.limit), total: rows.length, overdueCount, unpaidCount };
}
