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
import { warsawDayOf, workingDaysBetween } from './working-days';

type AtRiskInput = z.output<typeof atRiskInput>;
type Summary = Omit<AtRiskOutput, 'rows' | 'total'>;

interface OpenOrder {
  id: number;
  status: 'new' | 'to_pick' | 'packed' | 'on_hold';
  boughtAt: string;
  paidAt: string | null;
  paymentType: string | null;
  dispatchBy: string | null;
}

interface OpenLine {
  orderId: number;
  productId: number;
  quantity: number;
  packed: number;
}

// Every open order, read from the covering index orders_open_promise alone; a shop's open work is a
// small part of its history (about 2.5 % of the orders of the generated million-order shop). Lines
// come from the covering index order_lines_needs. Names and numbers are read for the listed page only.
const ORDERS_SQL = `SELECT id, status, bought_at AS boughtAt, paid_at AS paidAt, payment_type AS paymentType, dispatch_by AS dispatchBy
  FROM orders INDEXED BY orders_open_promise WHERE status IN ('new','to_pick','packed','on_hold')`;
const LINES_SQL = `SELECT l.order_id AS orderId, l.product_id AS productId, l.quantity, l.packed_quantity AS packed
  FROM orders o INDEXED BY orders_open_promise JOIN order_lines l INDEXED BY order_lines_needs ON l.order_id = o.id
  WHERE o.status IN ('new','to_pick','packed','on_hold') AND l.product_id IS NOT NULL`;
const NAMES_SQL = 'SELECT allegro_order_id AS allegroOrderId, buyer_login AS buyerLogin, buyer_name AS buyerName FROM orders WHERE id = ?';

/** The last answer per connection, with what it was computed from: nothing changed → the same answer. */
const memo = new WeakMap<SqliteDatabase, { key: string; rows: AtRiskRow[]; summary: Summary }>();

/**
 * What the answer depends on, cheaply: writes of this connection (total_changes), commits of any other
 * (data_version: the import worker, the command line), and the clock to the minute (late, today).
 */
function changeKey(sqlite: SqliteDatabase, nowMs: number): string {
  const version = sqlite.pragma('data_version', { simple: true }) as number;
  const changes = prepared(sqlite, 'SELECT total_changes()').pluck().get() as number;
  return `${version}|${changes}|${Math.floor(nowMs / 60_000)}`;
}

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
  const nowMs = core.now().getTime();
  const key = changeKey(sqlite, nowMs);
  let computed = memo.get(sqlite);
  if (!computed || computed.key !== key) {
    computed = { key, ...computeAtRisk(core, new Date(nowMs)) };
    memo.set(sqlite, computed);
  }
  const { rows, summary } = computed;
  const filtered = input.reason === undefined ? rows : input.reason === 'late' ? rows.filter((r) => r.late) : rows.filter((r) => r.reasons.includes(input.reason as AtRiskReason));
  const page = filtered.slice(input.offset, input.offset + input.limit).map((r) => {
    const names = prepared(sqlite, NAMES_SQL).get(r.orderId) as { allegroOrderId: string | null; buyerLogin: string | null; buyerName: string | null };
    return { ...r, ...names, number: orderNumber({ id: r.orderId, allegroOrderId: names.allegroOrderId }) };
  });
  return { ...summary, rows: page, total: filtered.length };
}

export function computeAtRisk(core: Core, now: Date): { rows: AtRiskRow[]; summary: Summary } {
  const sqlite = core.sqlite;
  const nowMs = now.getTime();
  const today = warsawDate(now);
  const handlingTime = readHandlingTimeDays(sqlite);
  const orders = prepared(sqlite, ORDERS_SQL).all() as OpenOrder[];
  const lines = prepared(sqlite, LINES_SQL).all() as OpenLine[];

  const deadline = new Map<number, string>();
  for (const o of orders) {
    // A stored promise already in the canonical form needs no parsing (the common case, thousands of orders).
    const stored = o.dispatchBy;
    deadline.set(o.id, stored && stored.length === 24 && stored.endsWith('Z') ? stored : effectiveDispatchBy(o, handlingTime).at);
  }
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
  const leftCache = new Map<string, number>();
  const daysLeft = (day: string): number => {
    let left = leftCache.get(day);
    if (left === undefined) leftCache.set(day, (left = workingDaysBetween(today, day)));
    return left;
  };
  const slotsCache = new Map<string, number>();
  const slotsBefore = (deadlineDay: string): number => {
    let slots = slotsCache.get(deadlineDay);
    if (slots === undefined) {
      const perDay = capacity.perDay ?? 0;
      const todayWorks = workingDaysBetween(today, today) === 1;
      const today0 = todayWorks ? Math.max(0, perDay - capacity.shippedToday) : 0;
      slots = deadlineDay < today ? 0 : today0 + perDay * Math.max(0, daysLeft(deadlineDay) - (todayWorks ? 1 : 0));
      slotsCache.set(deadlineDay, slots);
    }
    return slots;
  };

  const rows: AtRiskRow[] = [];
  const counts = { late: 0, no_stock: 0, unpaid: 0, queue: 0, on_hold: 0 };
  let queueLength = 0;
  for (const o of orders) {
    const due = deadline.get(o.id)!;
    const dueDay = warsawDayOf(due);
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
      number: '',
      allegroOrderId: null,
      status: o.status,
      buyerLogin: null,
      buyerName: null,
      boughtAt: o.boughtAt,
      dispatchBy: due,
      late,
      workingDaysLeft: late ? 0 : daysLeft(dueDay),
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
  return {
    rows,
    summary: {
    counts,
    queueLength,
    capacityPerDay: capacity.perDay,
    capacityMeasuredDays: capacity.measuredDays,
    shippedToday: capacity.shippedToday,
    computedAt: now.toISOString(),
    },
  };
}
