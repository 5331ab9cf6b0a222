import type { SqliteDatabase } from '../../db/connection';
import { effectiveDispatchBy } from '../../packing/dispatch-by';
import { handlingTimeDays as readHandlingTimeDays } from '../../packing/handling-time';
import type { PaymentFilter } from '../../../../shared/contract/orders.contract';
import { paymentOf } from '../../orders/order-row';
import { prepared } from '../../stock/product.repository';
import { warsawDayOf } from './working-days';

export interface OpenLine {
  /** The product's place in OpenWork.shelf (dense: the computation indexes arrays, not maps). */
  slot: number;
  productId: number;
  quantity: number;
  packed: number;
}

export interface OpenOrder {
  id: number;
  status: 'new' | 'to_pick' | 'packed' | 'on_hold';
  boughtAt: string;
  paidAt: string | null;
  paymentType: string | null;
  dispatchBy: string | null;
  /** The promised dispatch deadline (stored, else the handling time from payment), canonical ISO. */
  deadline: string;
  deadlineMs: number;
  /** The deadline's Warsaw day, and its place in OpenWork.days. */
  dueDay: string;
  day: number;
  payment: PaymentFilter;
  lines: OpenLine[];
}

export interface ShelfProduct {
  productId: number;
  onHand: number;
  sku: string;
  name: string;
}

/**
 * Every open order with its lines and the shelf of the products they need, kept per connection and
 * brought up to date from the at_risk_changes log (migration 2026-12-07-20): only what was written
 * since the last read is read again.
 */
export interface OpenWork {
  orders: Map<number, OpenOrder>;
  /** The products open orders need, by slot (a slot is never reused while kept). */
  shelf: ShelfProduct[];
  slotOf: Map<number, number>;
  /** The distinct deadline days, by index. */
  days: string[];
  dayOf: Map<string, number>;
  /** Open orders in the packing queue's order (nearest promise, bought earlier, id); null = to sort again. */
  sorted: OpenOrder[] | null;
  /** Warsaw days whose shipments changed since the last read (their parcel counts must be counted again). */
  shipmentDays: Set<string>;
  /** Every open order was read again on this refresh (the first read, a gap in the log, a big import). */
  reloaded: boolean;
}

interface Kept extends OpenWork {
  seq: number;
  handlingTime: number;
}

const OPEN = "('new','to_pick','packed','on_hold')";
const ORDER_COLUMNS = 'id, status, bought_at AS boughtAt, paid_at AS paidAt, payment_type AS paymentType, dispatch_by AS dispatchBy';
// Every open order from the covering index orders_open_promise; lines from the covering index order_lines_needs.
const ALL_ORDERS_SQL = `SELECT ${ORDER_COLUMNS} FROM orders INDEXED BY orders_open_promise WHERE status IN ${OPEN}`;
const ALL_LINES_SQL = `SELECT l.order_id AS orderId, l.product_id AS productId, l.quantity, l.packed_quantity AS packed
  FROM orders o INDEXED BY orders_open_promise JOIN order_lines l INDEXED BY order_lines_needs ON l.order_id = o.id
  WHERE o.status IN ${OPEN} AND l.product_id IS NOT NULL`;
/** More logged changes than this since the last read: reading every open order is cheaper than each by id. */
const MAX_DELTA = 5000;
const CHUNK = 500;

/**
 * A write that logged nothing row by row (a big import suspends the log's triggers, see
 * import/apply/row-upkeep.ts): one entry further ahead than MAX_DELTA, so every reader, however recent,
 * reads every open order again. ref NULL: it names no order.
 */
export function markAtRiskGap(sqlite: SqliteDatabase): void {
  sqlite
    .prepare(`INSERT INTO at_risk_changes (seq, kind, ref) SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'at_risk_changes'), 0) + ${MAX_DELTA + 1}, 'o', NULL`)
    .run();
}

const kept = new WeakMap<SqliteDatabase, Kept>();

type OrderRow = Omit<OpenOrder, 'deadline' | 'deadlineMs' | 'dueDay' | 'payment' | 'lines'>;

/** An order as read, with what every computation needs from it worked out once. */
function withDeadline(work: Pick<OpenWork, 'days' | 'dayOf'>, o: OrderRow, handlingTime: number): OpenOrder {
  // A stored promise already in the canonical form needs no parsing (the common case, thousands of orders).
  const stored = o.dispatchBy;
  const deadline = stored && stored.length === 24 && stored.endsWith('Z') ? stored : effectiveDispatchBy(o, handlingTime).at;
  const dueDay = warsawDayOf(deadline);
  let day = work.dayOf.get(dueDay);
  if (day === undefined) {
    work.dayOf.set(dueDay, (day = work.days.length));
    work.days.push(dueDay);
  }
  // Every property written out (not spread from the driver's row): one shape for all, fast to walk.
  return {
    id: o.id, status: o.status, boughtAt: o.boughtAt, paidAt: o.paidAt, paymentType: o.paymentType, dispatchBy: o.dispatchBy,
    deadline, deadlineMs: Date.parse(deadline), dueDay, day, payment: paymentOf(o), lines: [],
  };
}

function slotFor(work: Pick<OpenWork, 'shelf' | 'slotOf'>, productId: number): number {
  let slot = work.slotOf.get(productId);
  if (slot === undefined) {
    work.slotOf.set(productId, (slot = work.shelf.length));
    work.shelf.push({ productId, onHand: 0, sku: '', name: '' });
  }
  return slot;
}

function inChunks<T>(sqlite: SqliteDatabase, ids: number[], sql: (marks: string) => string): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    out.push(...(sqlite.prepare(sql(part.map(() => '?').join(','))).all(...part) as T[]));
  }
  return out;
}

function readProducts(sqlite: SqliteDatabase, ids: number[], work: Pick<OpenWork, 'shelf' | 'slotOf'>): void {
  for (const r of inChunks<{ id: number; onHand: number; sku: string; name: string }>(sqlite, ids, (m) => `SELECT id, on_hand AS onHand, sku, name FROM products WHERE id IN (${m})`)) {
    const p = work.shelf[slotFor(work, r.id)]!;
    p.onHand = r.onHand;
    p.sku = r.sku;
    p.name = r.name;
  }
}

function reloadAll(sqlite: SqliteDatabase, seq: number, handlingTime: number): Kept {
  const work: Kept = { seq, handlingTime, orders: new Map(), shelf: [], slotOf: new Map(), days: [], dayOf: new Map(), sorted: null, shipmentDays: new Set(), reloaded: true };
  for (const o of prepared(sqlite, ALL_ORDERS_SQL).all() as OrderRow[]) work.orders.set(o.id, withDeadline(work, o, handlingTime));
  // In (order, product) order: the covering index's order, which the computation relies on.
  for (const l of prepared(sqlite, ALL_LINES_SQL).all() as Array<Omit<OpenLine, 'slot'> & { orderId: number }>) {
    work.orders.get(l.orderId)?.lines.push({ slot: slotFor(work, l.productId), productId: l.productId, quantity: l.quantity, packed: l.packed });
  }
  for (const o of work.orders.values()) if (o.lines.length > 1) o.lines.sort((a, b) => a.productId - b.productId);
  readProducts(sqlite, [...work.slotOf.keys()], work);
  return work;
}

/** Reads again the given orders: open ones replace the kept copy, others (shipped, cancelled, deleted) leave it. */
function rereadOrders(sqlite: SqliteDatabase, work: Kept, ids: number[]): void {
  for (const id of ids) work.orders.delete(id);
  const fresh = inChunks<OrderRow>(sqlite, ids, (m) => `SELECT ${ORDER_COLUMNS} FROM orders WHERE id IN (${m}) AND status IN ${OPEN}`);
  for (const o of fresh) work.orders.set(o.id, withDeadline(work, o, work.handlingTime));
  const openIds = fresh.map((o) => o.id);
  const lines = inChunks<Omit<OpenLine, 'slot'> & { orderId: number }>(
    sqlite,
    openIds,
    (m) => `SELECT order_id AS orderId, product_id AS productId, quantity, packed_quantity AS packed FROM order_lines WHERE order_id IN (${m}) AND product_id IS NOT NULL ORDER BY order_id, product_id`,
  );
  const missing = new Set<number>();
  for (const l of lines) {
    if (!work.slotOf.has(l.productId)) missing.add(l.productId);
    work.orders.get(l.orderId)!.lines.push({ slot: slotFor(work, l.productId), productId: l.productId, quantity: l.quantity, packed: l.packed });
  }
  readProducts(sqlite, [...missing], work);
}

/**
 * The open work of this connection, brought up to date: the log entries after the last applied one are
 * read (orders and products by id, shipment days noted); a gap in the log (pruned past this reader),
 * too many entries, or another handling time read everything again.
 */
export function openWork(sqlite: SqliteDatabase): OpenWork {
  // Two statements: SQLite reads min() or max() alone from the end of the key, but both in one statement scan the table.
  const hi = prepared(sqlite, 'SELECT coalesce(max(seq), 0) FROM at_risk_changes').pluck().get() as number;
  const lo = prepared(sqlite, 'SELECT coalesce(min(seq), 0) FROM at_risk_changes').pluck().get() as number;
  const handlingTime = readHandlingTimeDays(sqlite);
  let work = kept.get(sqlite);
  if (!work || work.handlingTime !== handlingTime || hi < work.seq || (hi > work.seq && lo > work.seq + 1) || hi - work.seq > MAX_DELTA) {
    work = reloadAll(sqlite, hi, handlingTime);
    kept.set(sqlite, work);
    return work;
  }
  work.reloaded = false;
  work.shipmentDays = new Set();
  if (hi === work.seq) return work;
  const entries = prepared(sqlite, 'SELECT kind, ref, at FROM at_risk_changes WHERE seq > ? AND seq <= ?').raw(true).all(work.seq, hi) as Array<[string, number | null, string | null]>;
  const orderIds = new Set<number>();
  const productIds = new Set<number>();
  for (const [kind, ref, at] of entries) {
    if (kind === 'o' && ref !== null) orderIds.add(ref);
    else if (kind === 'p' && ref !== null) productIds.add(ref);
    else if (kind === 's' && at) work.shipmentDays.add(warsawDayOf(new Date(at).toISOString()));
  }
  // A product no open order needs is not kept; one that a re-read order needs is read with it.
  const shelf = [...productIds].filter((id) => work.slotOf.has(id));
  readProducts(sqlite, shelf, work);
  if (orderIds.size) {
    rereadOrders(sqlite, work, [...orderIds]);
    resort(work, orderIds);
  }
  work.seq = hi;
  return work;
}

/** The packing queue's order: nearest promise first, then bought earlier, then number. */
function queueCompare(a: OpenOrder, b: OpenOrder): number {
  return a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.boughtAt < b.boughtAt ? -1 : a.boughtAt > b.boughtAt ? 1 : a.id - b.id;
}

/** Fewer re-read orders than this are moved into place one by one; more sort the queue again. */
const RESORT_ABOVE = 200;

/** The kept queue after some orders were read again: theirs taken out, the open ones put back in place. */
function resort(work: OpenWork, changed: Set<number>): void {
  if (!work.sorted || changed.size > RESORT_ABOVE) {
    work.sorted = null;
    return;
  }
  const queue = work.sorted.filter((o) => !changed.has(o.id));
  for (const id of changed) {
    const o = work.orders.get(id);
    if (!o) continue;
    let lo = 0;
    let hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (queueCompare(queue[mid]!, o) < 0) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, o);
  }
  work.sorted = queue;
}

/**
 * The queue as flat arrays, rebuilt only when an order changed: the computation after a change on the
 * shelf or of the clock walks numbers, not thousands of objects. Lines of order i are
 * lineStart[i]..lineStart[i+1]-1, in product order.
 */
export interface Queue {
  orders: OpenOrder[];
  deadlineMs: Float64Array;
  day: Int32Array;
  /** 1 on hold, 2 unpaid (not cash on delivery). */
  kind: Uint8Array;
  lineStart: Int32Array;
  lineSlot: Int32Array;
  /** Units still to pack. */
  lineNeed: Int32Array;
  /** Units already in the box (set aside from the shelf first). */
  lineHeld: Int32Array;
}

const queues = new WeakMap<OpenOrder[], Queue>();

export function queueOrder(work: OpenWork): Queue {
  if (!work.sorted) work.sorted = [...work.orders.values()].sort(queueCompare);
  const orders = work.sorted;
  let queue = queues.get(orders);
  if (queue) return queue;
  const n = orders.length;
  let lines = 0;
  for (const o of orders) lines += o.lines.length;
  queue = {
    orders,
    deadlineMs: new Float64Array(n),
    day: new Int32Array(n),
    kind: new Uint8Array(n),
    lineStart: new Int32Array(n + 1),
    lineSlot: new Int32Array(lines),
    lineNeed: new Int32Array(lines),
    lineHeld: new Int32Array(lines),
  };
  let j = 0;
  for (let i = 0; i < n; i++) {
    const o = orders[i]!;
    queue.deadlineMs[i] = o.deadlineMs;
    queue.day[i] = o.day;
    queue.kind[i] = (o.status === 'on_hold' ? 1 : 0) | (o.payment === 'unpaid' ? 2 : 0);
    queue.lineStart[i] = j;
    for (const l of o.lines) {
      queue.lineSlot[j] = l.slot;
      queue.lineNeed[j] = l.quantity - l.packed;
      queue.lineHeld[j] = l.packed > 0 ? Math.min(l.packed, l.quantity) : 0;
      j++;
    }
  }
  queue.lineStart[n] = j;
  queues.set(orders, queue);
  return queue;
}
