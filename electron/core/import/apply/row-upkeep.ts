import type { SqliteDatabase } from '../../db/connection';
import { markAtRiskGap } from '../../results/at-risk/open-work';

/**
 * A big import writes hundreds of thousands of orders, lines and shipments in one transaction, and
 * every insert fired up to three bookkeeping triggers (the search queue, the Wyniki dirty list, the
 * orders-at-risk log): 770k extra rows for 100k orders, and with triggers present SQLite keeps a
 * statement journal for every single-row INSERT. Measured on the 100k-order floor (bench/child/
 * import-floor.ts, the app's pragmas): 11.3 s CPU with the triggers, 8.3 s without.
 *
 * For such an import the insert triggers are dropped at the start of its transaction and created again,
 * from the very SQL sqlite_master held, before it ends — with their effect done set-wise in between: the
 * rows inserted (every id above the largest before the import: the import holds the write lock, so no one
 * else inserted them) are queued for the search index and marked dirty for Wyniki, and the at-risk log
 * gets a gap, which makes every reader read the open orders again — what more than 5000 logged changes
 * do anyway. The drop, the fill and the re-creation are inside the import's transaction: a rollback
 * (preview, error, killed process) leaves the triggers as they were; nothing outside the transaction ever
 * sees the schema without them. Update and delete triggers are not touched.
 */

/** Records in a file from which the row triggers are suspended: the at-risk readers' full-read threshold. */
export const BULK_RECORDS = 5000;

type Fill = (sqlite: SqliteDatabase, before: Map<string, number>) => void;

const fills: Record<string, { table: string; fill: Fill }> = {
  order_search_insert: { table: 'orders', fill: (s, b) => s.prepare("INSERT INTO search_pending (kind, ref_id) SELECT 'order', id FROM orders WHERE id > ? ORDER BY id").run(b.get('orders')) },
  results_orders_ins: { table: 'orders', fill: (s, b) => s.prepare('INSERT OR IGNORE INTO results_dirty (order_id) SELECT id FROM orders WHERE id > ?').run(b.get('orders')) },
  results_lines_ins: { table: 'order_lines', fill: (s, b) => s.prepare('INSERT OR IGNORE INTO results_dirty (order_id) SELECT order_id FROM order_lines WHERE id > ? AND order_id IS NOT NULL').run(b.get('order_lines')) },
  results_shipments_ins: { table: 'shipments', fill: (s, b) => s.prepare('INSERT OR IGNORE INTO results_dirty (order_id) SELECT order_id FROM shipments WHERE id > ? AND order_id IS NOT NULL').run(b.get('shipments')) },
  at_risk_orders_ins: { table: 'orders', fill: markAtRiskGap },
  at_risk_lines_ins: { table: 'order_lines', fill: markAtRiskGap },
  at_risk_shipments_ins: { table: 'shipments', fill: markAtRiskGap },
};

export interface SuspendedUpkeep {
  /** Does set-wise what the dropped triggers would have done row by row, and creates them again. */
  restore(): void;
}

/** Drops the row triggers (see above); call inside the import's transaction, before its first write. */
export function suspendRowUpkeep(sqlite: SqliteDatabase): SuspendedUpkeep {
  const names = Object.keys(fills);
  const triggers = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${names.map(() => '?').join(', ')})`)
    .all(...names) as Array<{ name: string; sql: string }>;
  const before = new Map<string, number>();
  for (const { name } of triggers) {
    const { table } = fills[name]!;
    if (!before.has(table)) before.set(table, Number(sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get()));
  }
  for (const { name } of triggers) sqlite.exec(`DROP TRIGGER "${name}"`);
  let restored = false;
  return {
    restore() {
      if (restored) return;
      restored = true;
      const done = new Set<Fill>();
      for (const { name } of triggers) {
        const { fill } = fills[name]!;
        if (done.has(fill)) continue; // one gap in the at-risk log is enough
        done.add(fill);
        fill(sqlite, before);
      }
      for (const { sql } of triggers) sqlite.exec(sql);
    },
  };
}
