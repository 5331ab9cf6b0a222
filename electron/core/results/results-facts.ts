import type { SqliteDatabase } from '../db/connection';
import { effectiveDispatchBy } from '../packing/dispatch-by';
import { handlingTimeDays } from '../packing/handling-time';
import { AggregateWriter, type OrderFacts } from './aggregates';
import { warsawDayOf, workingStart } from './warsaw-days';

/**
 * Keeps results_orders (one row of facts per order) in step with the shop. Triggers of migration
 * 2026-12-07-15-results mark every order whose data changed in results_dirty; this recomputes only
 * those, in batches, before Wyniki answers — so opening or switching a period never rescans history.
 */

/** Allegro / shop return reasons that mean the parcel arrived damaged, wrong or incomplete. */
const DAMAGED_REASONS = new Set(['DAMAGED', 'TRANSPORT']);
const WRONG_ITEM_REASONS = new Set(['DIFFERENT', 'SHOP_WRONG_ITEM_SENT']);
const INCOMPLETE_REASONS = new Set(['INCOMPLETE']);

const BATCH = 1_000;

const FACTS_SQL = `
  SELECT o.id, o.bought_at AS boughtAt, o.paid_at AS paidAt, o.dispatch_by AS dispatchBy, o.status,
    (SELECT min(coalesce(s.dispatched_at, s.created_at)) FROM shipments s WHERE s.order_id = o.id AND s.cancelled_at IS NULL) AS shippedAt,
    (SELECT a.at || '|' || a.actor FROM audit_log a WHERE a.entity = 'order' AND a.entity_id = CAST(o.id AS TEXT)
       AND a.action IN ('packing.complete', 'packing.force') ORDER BY a.id DESC LIMIT 1) AS packed,
    (SELECT a.at FROM audit_log a WHERE a.entity = 'order' AND a.entity_id = CAST(o.id AS TEXT)
       AND a.action = 'order.status' AND a.details_json LIKE '%"to":"delivered"%' ORDER BY a.id DESC LIMIT 1) AS deliveredAt,
    (SELECT coalesce(sum(l.quantity), 0) || '|' || coalesce(sum(l.forced_quantity), 0) FROM order_lines l WHERE l.order_id = o.id) AS lineUnits,
    (SELECT group_concat(l.product_id || ':' || l.quantity, ',') FROM order_lines l WHERE l.order_id = o.id AND l.product_id IS NOT NULL) AS productUnits,
    (SELECT coalesce(sum(CASE ps.outcome WHEN 'ok' THEN ps.quantity WHEN 'unpacked' THEN -ps.quantity ELSE 0 END), 0) || '|' ||
            coalesce(sum(CASE WHEN ps.outcome IN ('wrong_item', 'too_many', 'unknown_code') THEN 1 ELSE 0 END), 0) || '|' ||
            coalesce((SELECT p2.actor FROM packing_scans p2 WHERE p2.order_id = o.id AND p2.outcome = 'ok' ORDER BY p2.id DESC LIMIT 1), '')
       FROM packing_scans ps WHERE ps.order_id = o.id) AS scans,
    (SELECT count(*) FROM returns r WHERE r.order_id = o.id AND r.cancelled_at IS NULL) AS returns,
    (SELECT group_concat(coalesce(rl.reason_code, '') || ':' || coalesce(rl.condition, '') || ':' || rl.quantity, ',')
       FROM returns r JOIN return_lines rl ON rl.return_id = r.id WHERE r.order_id = o.id AND r.cancelled_at IS NULL) AS returnLines,
    (SELECT count(*) || '|' || coalesce(sum(c.status = 'accepted'), 0) FROM complaints c WHERE c.order_id = o.id) AS complaints
  FROM orders o WHERE o.id IN (SELECT order_id FROM results_dirty ORDER BY order_id LIMIT ${BATCH})`;

const UPSERT_SQL = `INSERT OR REPLACE INTO results_orders (order_id, bought_at, paid_at, packed_at, shipped_at, delivered_at, due_at,
  due_day, ship_day, packed_day, cancelled, units, packer, scanned_units, wrong_scans, forced_units, returned, returned_units,
  fail_damaged, fail_wrong_item, fail_incomplete, complaint, complaint_upheld, paid_wd_needed, waited, product_units)
  VALUES (@orderId, @boughtAt, @paidAt, @packedAt, @shippedAt, @deliveredAt, @dueAt, @dueDay, @shipDay, @packedDay, @cancelled, @units,
  @packer, @scannedUnits, @wrongScans, @forcedUnits, @returned, @returnedUnits, @failDamaged, @failWrongItem, @failIncomplete,
  @complaint, @complaintUpheld, @paidWdNeeded, @waited, @productUnits)`;

interface FactsSource {
  id: number;
  boughtAt: string;
  paidAt: string | null;
  dispatchBy: string | null;
  status: string;
  shippedAt: string | null;
  packed: string | null;
  deliveredAt: string | null;
  lineUnits: string;
  productUnits: string | null;
  scans: string | null;
  returns: number;
  returnLines: string | null;
  complaints: string;
}

function factsOf(row: FactsSource, handlingDays: number, waitedFor: (orderId: number, from: string, to: string) => boolean, today: string) {
  const [units = 0, forced = 0] = row.lineUnits.split('|').map(Number);
  const [scanned = 0, wrong = 0, scanActor = ''] = (row.scans ?? '0|0|').split('|');
  const [packedAt, packedBy] = row.packed ? row.packed.split('|') : [null, null];
  let returnedUnits = 0;
  let damaged = 0;
  let wrongItem = 0;
  let incomplete = 0;
  for (const part of row.returnLines ? row.returnLines.split(',') : []) {
    const [reason = '', condition = '', quantity = '0'] = part.split(':');
    returnedUnits += Number(quantity);
    if (DAMAGED_REASONS.has(reason) || condition === 'damaged') damaged = 1;
    if (WRONG_ITEM_REASONS.has(reason)) wrongItem = 1;
    if (INCOMPLETE_REASONS.has(reason) || condition === 'incomplete') incomplete = 1;
  }
  const [complaintCount = 0, upheld = 0] = row.complaints.split('|').map(Number);
  const cancelled = row.status === 'cancelled' ? 1 : 0;
  const dueAt = cancelled ? null : effectiveDispatchBy(row, handlingDays).at;
  // Working days from payment (purchase, when nothing was paid before shipping) to the parcel leaving.
  const start = row.paidAt && (!row.shippedAt || row.paidAt <= row.shippedAt) ? row.paidAt : row.boughtAt;
  const shipDay = warsawDayOf(row.shippedAt);
  const needed = shipDay ? Math.max(0, workingStart(shipDay) - workingStart(warsawDayOf(start)!)) : null;
  return {
    orderId: row.id,
    boughtAt: row.boughtAt,
    paidAt: row.paidAt,
    packedAt: packedAt ?? null,
    shippedAt: row.shippedAt,
    deliveredAt: row.deliveredAt,
    dueAt,
    dueDay: warsawDayOf(dueAt),
    shipDay,
    packedDay: warsawDayOf(packedAt ?? null),
    cancelled,
    units,
    packer: packedBy || scanActor || null,
    scannedUnits: Number(scanned),
    wrongScans: Number(wrong),
    forcedUnits: forced,
    returned: row.returns > 0 ? 1 : 0,
    returnedUnits,
    failDamaged: damaged,
    failWrongItem: wrongItem,
    failIncomplete: incomplete,
    complaint: complaintCount > 0 ? 1 : 0,
    complaintUpheld: upheld > 0 ? 1 : 0,
    paidWdNeeded: needed,
    productUnits: row.productUnits,
    waited: cancelled ? 0 : waitedFor(row.id, warsawDayOf(row.boughtAt)!, shipDay ?? today) ? 1 : 0,
  };
}

const HANDLING_KEY = 'handlingTimeDays';

/**
 * Recomputes the facts of the orders marked dirty (all of them after the migration, or when the
 * declared handling time changed, since deadlines computed from it move), in batches of 1000 until
 * none is left or `deadline` (performance.now()) has passed — the app passes one so the first open of a
 * big shop answers with what is counted so far instead of holding the window for minutes.
 */
export function refreshOrderFacts(sqlite: SqliteDatabase, today: string, deadline = Number.POSITIVE_INFINITY): { done: number; remaining: number } {
  const handlingDays = handlingTimeDays(sqlite);
  const remembered = sqlite.prepare('SELECT value FROM results_meta WHERE key = ?').get(HANDLING_KEY) as { value: string } | undefined;
  if (remembered && Number(remembered.value) !== handlingDays) {
    sqlite.prepare('INSERT OR IGNORE INTO results_dirty (order_id) SELECT order_id FROM results_orders').run();
  }
  const select = sqlite.prepare(FACTS_SQL);
  const upsert = sqlite.prepare(UPSERT_SQL);
  const forget = sqlite.prepare('DELETE FROM results_orders WHERE order_id = ?');
  const old = sqlite.prepare(
    `SELECT bought_at AS boughtAt, paid_at AS paidAt, packed_at AS packedAt, shipped_at AS shippedAt, delivered_at AS deliveredAt,
       due_at AS dueAt, due_day AS dueDay, ship_day AS shipDay, packed_day AS packedDay, cancelled, units, packer, wrong_scans AS wrongScans,
       returned, returned_units AS returnedUnits, fail_damaged AS failDamaged, fail_wrong_item AS failWrongItem,
       fail_incomplete AS failIncomplete, complaint, complaint_upheld AS complaintUpheld, waited, product_units AS productUnits
     FROM results_orders WHERE order_id = ?`,
  );
  const sums = new AggregateWriter(sqlite);
  const waitedStmt = sqlite.prepare(
    'SELECT 1 FROM order_lines l JOIN results_stockout_days s ON s.product_id = l.product_id WHERE l.order_id = ? AND s.day BETWEEN ? AND ? LIMIT 1',
  );
  const waitedFor = (orderId: number, from: string, to: string) => waitedStmt.get(orderId, from, to) !== undefined;
  const clean = sqlite.prepare(`DELETE FROM results_dirty WHERE order_id IN (SELECT order_id FROM results_dirty ORDER BY order_id LIMIT ${BATCH})`);
  const pending = sqlite.prepare(`SELECT order_id AS id FROM results_dirty ORDER BY order_id LIMIT ${BATCH}`);
  let done = 0;
  const batch = sqlite.transaction(() => {
    const ids = (pending.all() as Array<{ id: number }>).map((r) => r.id);
    if (ids.length === 0) return 0;
    const rows = select.all() as FactsSource[];
    const seen = new Set<number>();
    for (const row of rows) {
      const before = old.get(row.id) as OrderFacts | undefined;
      if (before) sums.apply(before, -1);
      const facts = factsOf(row, handlingDays, waitedFor, today);
      upsert.run(facts);
      sums.apply(facts, 1);
      seen.add(row.id);
    }
    // Orders removed (an import undone) leave no facts behind.
    for (const id of ids) {
      if (seen.has(id)) continue;
      const before = old.get(id) as OrderFacts | undefined;
      if (before) sums.apply(before, -1);
      forget.run(id);
    }
    clean.run();
    return ids.length;
  });
  let remaining = 0;
  for (;;) {
    const n = batch.immediate();
    done += n;
    if (n < BATCH) break;
    if (performance.now() >= deadline) {
      remaining = (sqlite.prepare('SELECT count(*) AS n FROM results_dirty').get() as { n: number }).n;
      break;
    }
  }
  if (!remembered || Number(remembered.value) !== handlingDays) {
    sqlite.prepare('INSERT INTO results_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(HANDLING_KEY, String(handlingDays));
  }
  return { done, remaining };
}
