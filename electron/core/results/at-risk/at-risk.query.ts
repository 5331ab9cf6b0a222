import type { z } from 'zod';
import type { AtRiskAction, AtRiskOutput, AtRiskReason, AtRiskRow, atRiskInput } from '../../../../shared/contract/planning.contract';
import type { Core } from '../../create-core';
import type { SqliteDatabase } from '../../db/connection';
import { addWorkingDays, warsawDate } from '../../orders/dispatch-promise';
import { paymentOf } from '../../orders/order-row';
import { effectiveDispatchBy } from '../../packing/dispatch-by';
import { handlingTimeDays as readHandlingTimeDays } from '../../packing/handling-time';
import { orderNumber } from '../../packing/order-code';
import { prepared } from '../../stock/product.repository';
import { packingCapacity } from './packing-capacity';
import { workingDaysBetween } from './working-days';

type AtRiskInput = z.output<typeof atRiskInput>;

interface OpenOrder {
  id: number;
  allegroOrderId: string | null;
  status: 'new' | 'to_pick' | 'packed' | 'on_hold';
  boughtAt: string;
  paidAt: string | null;
  paymentType: string | null;
  buyerLogin: string | null;
  buyerName: string | null;
  dispatchBy: string | null;
}

interface OpenLine {
  orderId: number;
  productId: number;
  quantity: number;
  packed: number;
}

// Every open order (index orders_open_bought covers the status term); a shop's open work is a small
// part of its history — about 2.5 % of the orders of the generated million-order shop.
const ORDERS_SQL = `SELECT id, allegro_order_id AS allegroOrderId, status, bought_at AS boughtAt, paid_at AS paidAt, payment_type AS paymentType,
  buyer_login AS buyerLogin, buyer_name AS buyerName, dispatch_by AS dispatchBy
  FROM orders WHERE status IN ('new','to_pick','packed','on_hold') AND bought_at IS NOT NULL`;
const LINES_SQL = `SELECT l.order_id AS orderId, l.product_id AS productId, l.quantity, l.packed_quantity AS packed
  FROM orders o JOIN order_lines l ON l.order_id = o.id
  WHERE o.status IN ('new','to_pick','packed','on_hold') AND o.bought_at IS NOT NULL AND l.product_id IS NOT NULL`;

function onHandOf(sqlite: SqliteDatabase, productIds: number[]): Map<number, { onHand: number; sku: string; name: string }> {
  const out = new Map<number, { onHand: number; sku: string; name: string }>();
  const CHUNK = 500;
  for (let i = 0; i < productIds.length; i += CHUNK) {
    const ids = productIds.slice(i, i + CHUNK);
    const rows = sqlite.prepare(`SELECT id, on_hand AS onHand, sku, name FROM products WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Array<{ id: number; onHand: number; sku: string; name: string }>;
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/**
 * The orders that will miss their promised dispatch unless something changes, computed from the open
 * orders, the shelf and the measured packing capacity:
 * - no_stock: the goods on hand, given first to what is already in boxes and then in deadline order
 *   (the packing queue's order), do not cover the order's lines;
 * - unpaid: not paid (cash on delivery aside) with at most one working day left;
 * - queue: its place among the orders ready to pack is beyond the parcels the packer ships (the median
 *   day of the last 20 working days) before its deadline, less what already left today;
 * - on_hold: held by the owner.
 * A late order (deadline passed, not shipped) is listed whatever its reasons, until it is shipped.
 */
export function ordersAtRisk(core: Core, input: AtRiskInput): AtRiskOutput {
  const sqlite = core.sqlite;
  const now = core.now();
  const nowMs = now.getTime();
  const today = warsawDate(now);
  const handlingTime = readHandlingTimeDays(sqlite);
  const orders = prepared(sqlite, ORDERS_SQL).all() as OpenOrder[];
  const lines = prepared(sqlite, LINES_SQL).all() as OpenLine[];

  const deadline = new Map<number, string>();
  for (const o of orders) deadline.set(o.id, effectiveDispatchBy(o, handlingTime).at);
  // The packing queue's order: nearest promise first, then bought earlier, then number.
  orders.sort((a, b) => deadline.get(a.id)!.localeCompare(deadline.get(b.id)!) || a.boughtAt.localeCompare(b.boughtAt) || a.id - b.id);
  const rank = new Map<number, number>();
  orders.forEach((o, i) => rank.set(o.id, i));

  // Stock: what is in boxes already is set aside first; the rest goes to orders in queue order.
  const productIds = [...new Set(lines.map((l) => l.productId))];
  const products = onHandOf(sqlite, productIds);
  const free = new Map<number, number>();
  for (const [pid, p] of products) free.set(pid, p.onHand);
  for (const l of lines) if (l.packed > 0) free.set(l.productId, (free.get(l.productId) ?? 0) - Math.min(l.packed, l.quantity));
  lines.sort((a, b) => rank.get(a.orderId)! - rank.get(b.orderId)! || a.productId - b.productId);
  const missing = new Map<number, AtRiskRow['missing']>();
  for (const l of lines) {
    const need = l.quantity - l.packed;
    if (need <= 0) continue;
    const have = Math.max(0, free.get(l.productId) ?? 0);
    const short = Math.max(0, need - have);
    free.set(l.productId, have - Math.min(have, need));
    if (short > 0) {
      const p = products.get(l.productId);
      const list = missing.get(l.orderId) ?? [];
      list.push({ productId: l.productId, sku: p?.sku ?? '', name: p?.name ?? '', units: short });
      missing.set(l.orderId, list);
    }
  }

  const capacity = packingCapacity(sqlite, today);
  const nextWorkingDay = addWorkingDays(new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000), 0);
  const slotsCache = new Map<string, number>();
  const slotsBefore = (deadlineDay: string): number => {
    let slots = slotsCache.get(deadlineDay);
    if (slots === undefined) {
      const perDay = capacity.perDay ?? 0;
      const todayWorks = workingDaysBetween(today, today) === 1;
      const today0 = todayWorks ? Math.max(0, perDay - capacity.shippedToday) : 0;
      slots = deadlineDay < today ? 0 : today0 + perDay * Math.max(0, workingDaysBetween(today, deadlineDay) - (todayWorks ? 1 : 0));
      slotsCache.set(deadlineDay, slots);
    }
    return slots;
  };

  const rows: AtRiskRow[] = [];
  const counts = { late: 0, no_stock: 0, unpaid: 0, queue: 0, on_hold: 0 };
  let queueLength = 0;
  for (const o of orders) {
    const due = deadline.get(o.id)!;
    const dueDay = warsawDate(new Date(due));
    const late = Date.parse(due) < nowMs;
    const payment = paymentOf(o);
    const short = missing.get(o.id) ?? [];
    const reasons: AtRiskReason[] = [];
    if (short.length) reasons.push('no_stock');
    if (payment === 'unpaid' && dueDay <= nextWorkingDay) reasons.push('unpaid');
    let queuePosition: number | null = null;
    let slots: number | null = null;
    const ready = o.status !== 'on_hold' && payment !== 'unpaid' && short.length === 0;
    if (ready) {
      queueLength++;
      queuePosition = queueLength;
      if (capacity.perDay !== null && !late) {
        slots = slotsBefore(dueDay);
        if (queuePosition > slots) reasons.push('queue');
      }
    }
    if (o.status === 'on_hold') reasons.push('on_hold');
    if (!late && reasons.length === 0) continue;
    const actions: AtRiskAction[] = [];
    if (reasons.includes('on_hold')) actions.push('release_hold');
    if (reasons.includes('no_stock')) actions.push('receive_goods');
    if (reasons.includes('queue') || (late && ready)) actions.push('pack_first');
    if (reasons.includes('unpaid') || late || reasons.includes('no_stock')) actions.push('contact_buyer');
    if (late) counts.late++;
    for (const r of reasons) counts[r]++;
    rows.push({
      orderId: o.id,
      number: orderNumber(o),
      allegroOrderId: o.allegroOrderId,
      status: o.status,
      buyerLogin: o.buyerLogin,
      buyerName: o.buyerName,
      boughtAt: o.boughtAt,
      dispatchBy: due,
      late,
      workingDaysLeft: late ? 0 : workingDaysBetween(today, dueDay),
      payment,
      reasons,
      actions,
      missing: short,
      queuePosition,
      slotsBeforeDeadline: slots,
    });
  }
  // Late first (longest overdue first), then the nearest deadline.
  rows.sort((a, b) => Number(b.late) - Number(a.late) || a.dispatchBy.localeCompare(b.dispatchBy) || a.orderId - b.orderId);
  const filtered = input.reason === undefined ? rows : input.reason === 'late' ? rows.filter((r) => r.late) : rows.filter((r) => r.reasons.includes(input.reason as AtRiskReason));
  return {
    rows: filtered.slice(input.offset, input.offset + input.limit),
    total: filtered.length,
    counts,
    queueLength,
    capacityPerDay: capacity.perDay,
    capacityMeasuredDays: capacity.measuredDays,
    shippedToday: capacity.shippedToday,
    computedAt: now.toISOString(),
  };
}
