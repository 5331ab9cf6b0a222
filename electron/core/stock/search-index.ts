import type { SqliteDatabase } from '../db/connection';
import { prepared } from './product.repository';

/**
 * Brings the FTS5 search indexes (product_search, order_search) up to date with the rows the triggers
 * queued in search_pending (see migration 2026-11-24-02-stock-orders for why the triggers only queue).
 * One batch: removes the old entries, writes the current ones from the *_search_source views, empties the
 * queue. The lists call it before every search; imports and generators may call it at the end of their
 * own transaction so the first search after them is instant. Returns how many queued rows it handled.
 *
 * Rows go in in rowid order: FTS5 keeps a transaction's new entries in memory only while rowids rise and
 * writes a segment to disk each time one falls; the order key (purchase time) is not the order id, so
 * unsorted, 100k imported orders made ~100k tiny segments and the flush took 10 s instead of 0.4 s.
 */
export function flushSearchIndexes(sqlite: SqliteDatabase): number {
  if (!prepared(sqlite, 'SELECT 1 FROM search_pending LIMIT 1').get()) return 0;
  const flush = sqlite.transaction(() => {
    prepared(sqlite, `DELETE FROM order_search WHERE rowid IN (SELECT old_key FROM search_pending WHERE kind = 'order' AND old_key IS NOT NULL)`).run();
    prepared(sqlite, `INSERT INTO order_search(rowid, doc, st) SELECT key, doc, st FROM order_search_source WHERE id IN (SELECT ref_id FROM search_pending WHERE kind = 'order') ORDER BY key`).run();
    prepared(sqlite, `DELETE FROM product_search WHERE rowid IN (SELECT old_key FROM search_pending WHERE kind = 'product' AND old_key IS NOT NULL)`).run();
    prepared(sqlite, `INSERT INTO product_search(rowid, name) SELECT id, name FROM product_search_source WHERE id IN (SELECT ref_id FROM search_pending WHERE kind = 'product') ORDER BY id`).run();
    return prepared(sqlite, 'DELETE FROM search_pending').run().changes;
  });
  try {
    return flush.immediate();
  } catch (error) {
    // Another process holds the write lock past the busy timeout (a long import): search what is indexed
    // now; the queue is flushed on the next search.
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return 0;
    throw error;
  }
}
