import type { z } from 'zod';
import type { AtRiskAction, AtRiskOutput, AtRiskReason, AtRiskRow, atRiskInput } from '../../../../shared/contract/planning.contract';
import type { Core } from '../../create-core';
import type { SqliteDatabase } from '../../db/connection';
import { addWorkingDays, warsawDate } from '../../orders/dispatch-promise';
import { orderNumber } from '../../packing/order-code';
import { prepared } from '../../stock/product.repository';
import { openWork, queueOrder, type OpenOrder } from './open-work';
import { packingCapacity } from './packing-capacity';
import { workingDaysBetween } from './working-days';

type AtRiskInput = z.output<typeof atRiskInput>;
type Summary = Omit<AtRiskOutput, 'rows' | 'total'>;

// Names and numbers are read for the listed page only (the rest is kept in open-work.ts).
const NAMES_SQL = 'SELECT allegro_order_id AS allegroOrderId, buyer_login AS buyerLogin, buyer_name AS buyerName FROM orders WHERE id = ?';

/** The last answer per connection, with what it was computed from: nothing changed → the same answer. */
const memo = new WeakMap<SqliteDatabase, { key: string; listing: AtRiskListing }>();

/**
 * What the answer depends on, cheaply: writes of this connection (total_changes), commits of any other
 * (data_version: the import worker, the command line), and the clock to the minute (late, today).
 */
function changeKey(sqlite: SqliteDatabase, nowMs: number): string {
  const version = sqlite.pragma('data_version', { simple: true }) as number;
  const changes = prepared(sqlite, 'SELECT total_changes()').pluck().get() as number;
  return `${version}|${changes}|${Math.floor(nowMs / 60_000)}`;
}

// Reasons as bits of one number per listed order (a big shop lists thousands: no object per order
// until it is shown).
const BIT: Record<AtRiskReason, number> = { no_stock: 1, unpaid: 2, queue: 4, on_hold: 8 };
const LATE = 16;
const REASONS: AtRiskReason[] = ['no_stock', 'unpaid', 'queue', 'on_hold'];

/**
 * The list, compact: the listed orders (late first, then in the packing queue's order: nearest
 * promise, bought earlier, number) with their reasons as bits, queue place and slots; rows are made
 * for the page that is shown (rowAt).
 */
export interface AtRiskListing {
  orders: OpenOrder[];
  flags: Uint8Array;
  /** 0 = not in the queue of ready orders. */
  queuePosition: Int32Array;
  /** -1 = not judged (not ready, late, or no measured capacity). */
  slots: Int32Array;
  missing: Map<number, AtRiskRow['missing']>;
  daysLeft: Map<string, number>;
  summary: Summary;
}

/**
 * The orders that will miss their promised dispatch unless something changes, computed from the open
 * orders, the shelf and the measured packing capacity:
 * - no_stock: the goods on hand, given first to what is already in boxes and then in deadline order
 *   (the packing queue's order), do not cover the order's lines;
 * - unpaid: not paid (cash on delivery aside) with at most one working day left;
 * - queue: its place among the orders still to pack (not packed ones: they wait only for the courier) is beyond the parcels the packer ships (the median
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
    computed = { key, listing: computeAtRisk(core, new Date(nowMs)) };
    memo.set(sqlite, computed);
  }
  const { listing } = computed;
  const want = input.reason === undefined ? 0xff : input.reason === 'late' ? LATE : BIT[input.reason as AtRiskReason];
  const page: AtRiskRow[] = [];
  let total = 0;
  for (let i = 0; i < listing.orders.length; i++) {
    if ((listing.flags[i]! & want) === 0) continue;
    if (total >= input.offset && page.length < input.limit) page.push(withNames(sqlite, rowAt(listing, i)));
    total++;
  }
  return { ...listing.summary, rows: page, total };
}

function withNames(sqlite: SqliteDatabase, r: AtRiskRow): AtRiskRow {
  const names = prepared(sqlite, NAMES_SQL).get(r.orderId) as { allegroOrderId: string | null; buyerLogin: string | null; buyerName: string | null };
  return { ...r, ...names, number: orderNumber({ id: r.orderId, allegroOrderId: names.allegroOrderId }) };
}

/** The row of the i-th listed order, with why and what can be done (names are added for the page). */
export function rowAt(listing: AtRiskListing, i: number): AtRiskRow {
  const o = listing.orders[i]!;
  const f = listing.flags[i]!;
  const late = (f & LATE) !== 0;
  const reasons = REASONS.filter((r) => (f & BIT[r]) !== 0);
  const ready = listing.queuePosition[i]! > 0;
  const actions: AtRiskAction[] = [];
  if (f & BIT.on_hold) actions.push('release_hold');
  if (f & BIT.no_stock) actions.push('receive_goods');
  if (f & BIT.queue || (late && ready)) actions.push('pack_first');
  if (f & BIT.unpaid || late || f & BIT.no_stock) actions.push('contact_buyer');
  return {
    orderId: o.id,
    number: '',
    allegroOrderId: null,
    status: o.status,
    buyerLogin: null,
    buyerName: null,
    boughtAt: o.boughtAt,
    dispatchBy: o.deadline,
    late,
    workingDaysLeft: late ? 0 : listing.daysLeft.get(o.dueDay)!,
    payment: o.payment,
    reasons,
    actions,
    missing: listing.missing.get(o.id) ?? [],
    queuePosition: ready ? listing.queuePosition[i]! : null,
    slotsBeforeDeadline: listing.slots[i]! >= 0 ? listing.slots[i]! : null,
  };
}

/** Past days' parcel counts of the measured capacity, per connection (see packingCapacity). */
const capacityDays = new WeakMap<SqliteDatabase, Map<string, number>>();

export function computeAtRisk(core: Core, now: Date): AtRiskListing {
  const sqlite = core.sqlite;
  const nowMs = now.getTime();
  const today = warsawDate(now);
  // The open orders, their lines and the shelf, kept per connection and refreshed from the change log.
  const work = openWork(sqlite);
  const queue = queueOrder(work);
  const orders = queue.orders;
  const shelf = work.shelf;

  // Stock: what is in boxes already is set aside first; the rest goes to orders in queue order (each
  // order's lines in product order, as kept).
  const free = new Int32Array(shelf.length);
  for (let p = 0; p < shelf.length; p++) free[p] = shelf[p]!.onHand;
  const { lineStart, lineSlot, lineNeed, lineHeld } = queue;
  const lineCount = lineStart[orders.length]!;
  for (let j = 0; j < lineCount; j++) free[lineSlot[j]!]! -= lineHeld[j]!;
  const n = orders.length;
  const isShort = new Uint8Array(n);
  const missing = new Map<number, AtRiskRow['missing']>();
  for (let i = 0; i < n; i++) {
    for (let j = lineStart[i]!; j < lineStart[i + 1]!; j++) {
      const need = lineNeed[j]!;
      if (need <= 0) continue;
      const slot = lineSlot[j]!;
      const have = free[slot]! > 0 ? free[slot]! : 0;
      if (need <= have) {
        free[slot] = have - need;
        continue;
      }
      free[slot] = 0;
      const o = orders[i]!;
      const p = shelf[slot]!;
      const list = missing.get(o.id) ?? [];
      list.push({ productId: p.productId, sku: p.sku, name: p.name, units: need - have });
      missing.set(o.id, list);
      isShort[i] = 1;
    }
  }

  let days = capacityDays.get(sqlite);
  if (!days) capacityDays.set(sqlite, (days = new Map()));
  const capacity = packingCapacity(sqlite, today, { days, changed: work.reloaded ? 'all' : work.shipmentDays });
  const nextWorkingDay = addWorkingDays(new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000), 0);
  const perDay = capacity.perDay ?? 0;
  const todayWorks = workingDaysBetween(today, today) === 1;
  const todaySlots = todayWorks ? Math.max(0, perDay - capacity.shippedToday) : 0;
  // Per deadline day (a few dozen distinct days): working days left, the parcels the packer ships before it.
  const dayCount = work.days.length;
  const leftOn = new Int32Array(dayCount);
  const slotsOn = new Int32Array(dayCount);
  const unpaidOn = new Uint8Array(dayCount);
  const daysLeft = new Map<string, number>();
  for (let d = 0; d < dayCount; d++) {
    const day = work.days[d]!;
    leftOn[d] = workingDaysBetween(today, day);
    daysLeft.set(day, leftOn[d]!);
    slotsOn[d] = day < today ? 0 : todaySlots + perDay * Math.max(0, leftOn[d]! - (todayWorks ? 1 : 0));
    unpaidOn[d] = day <= nextWorkingDay ? 1 : 0;
  }

  const flags = new Uint8Array(n);
  const position = new Int32Array(n);
  const slots = new Int32Array(n).fill(-1);
  const counts = { late: 0, no_stock: 0, unpaid: 0, queue: 0, on_hold: 0 };
  let queueLength = 0;
  let queueToPick = 0;
  let queueNew = 0;
  let packedWaiting = 0;
  let listed = 0;
  let lateCount = 0;
  const { deadlineMs, day, kind } = queue;
  for (let i = 0; i < n; i++) {
    const late = deadlineMs[i]! < nowMs;
    const short = isShort[i] === 1;
    const k = kind[i]!;
    const d = day[i]!;
    const status = orders[i]!.status;
    let f = late ? LATE : 0;
    if (short) f |= BIT.no_stock;
    if (k & 2 && unpaidOn[d] === 1) f |= BIT.unpaid;
    if (status === 'to_pick') queueToPick++;
    else if (status === 'new' && k === 0) queueNew++;
    else if (status === 'packed') packedWaiting++;
    // The queue is the packing still to do: a packed order waits only for the courier and takes no place
    // in it (its parcel is in the measured capacity when it leaves); a paid "Nowe" one will have to be packed.
    if (k === 0 && !short && status !== 'packed') {
      position[i] = ++queueLength;
      if (capacity.perDay !== null && !late) {
        slots[i] = slotsOn[d]!;
        if (queueLength > slots[i]!) f |= BIT.queue;
      }
    }
    if (k & 1) f |= BIT.on_hold;
    flags[i] = f;
    if (f === 0) continue;
    listed++;
    if (late) lateCount++;
    if (f & BIT.no_stock) counts.no_stock++;
    if (f & BIT.unpaid) counts.unpaid++;
    if (f & BIT.queue) counts.queue++;
    if (f & BIT.on_hold) counts.on_hold++;
  }
  counts.late = lateCount;
  // Late first (in deadline order: the longest overdue first), then the nearest deadline; a stable
  // partition of the queue's order, so no sort.
  const order = new Int32Array(listed);
  let head = 0;
  let tail = lateCount;
  for (let i = 0; i < n; i++) {
    const f = flags[i]!;
    if (f === 0) continue;
    if (f & LATE) order[head++] = i;
    else order[tail++] = i;
  }
  // Plain loops: Array.from with a mapping function is many times slower over thousands of entries.
  const listedOrders = new Array<OpenOrder>(listed);
  const listedFlags = new Uint8Array(listed);
  const listedPosition = new Int32Array(listed);
  const listedSlots = new Int32Array(listed);
  for (let j = 0; j < listed; j++) {
    const i = order[j]!;
    listedOrders[j] = orders[i]!;
    listedFlags[j] = flags[i]!;
    listedPosition[j] = position[i]!;
    listedSlots[j] = slots[i]!;
  }
  const listing: AtRiskListing = {
    orders: listedOrders,
    flags: listedFlags,
    queuePosition: listedPosition,
    slots: listedSlots,
    missing,
    daysLeft,
    summary: {
      counts,
      queueLength,
      queueToPick,
      queueNew,
      packedWaiting,
      capacityPerDay: capacity.perDay,
      capacityMeasuredDays: capacity.measuredDays,
      shippedToday: capacity.shippedToday,
      computedAt: now.toISOString(),
    },
  };
  return listing;
}
