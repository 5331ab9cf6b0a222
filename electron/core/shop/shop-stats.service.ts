import type { SqliteDatabase } from '../db/connection';
import { writeStamp } from '../db/write-stamp';
import type { ShopStats } from '../../../shared/contract/system.contract';

/** The amount of all orders per currency: read from index orders_currency_total alone (migration 2026-12-07-19). */
export const CURRENCY_TOTALS_SQL = 'SELECT currency, SUM(total_to_pay_grosze) AS total FROM orders GROUP BY currency ORDER BY currency';

/**
 * The cancelled orders' amount, to take off the total above. A shop selling in one currency (nearly all)
 * sums it from index orders_status_total alone (0.4 ms at 300k orders); per currency the rows themselves
 * are read (25 ms there, ~9k cancelled), so only when the shop has orders in more than one currency.
 */
const CANCELLED_TOTAL_SQL = "SELECT COALESCE(SUM(total_to_pay_grosze), 0) FROM orders WHERE status = 'cancelled'";
const CANCELLED_TOTALS_SQL = "SELECT currency, SUM(total_to_pay_grosze) AS total FROM orders WHERE status = 'cancelled' GROUP BY currency";

function cancelledTotals(sqlite: SqliteDatabase, totals: Array<{ currency: string; total: number }>): Array<{ currency: string; total: number }> {
  if (totals.length === 0) return [];
  if (totals.length === 1) return [{ currency: totals[0]!.currency, total: sqlite.prepare(CANCELLED_TOTAL_SQL).pluck().get() as number }];
  return sqlite.prepare(CANCELLED_TOTALS_SQL).all() as Array<{ currency: string; total: number }>;
}

/** Currency → all orders' amount minus the cancelled ones'; a currency only cancelled orders had is left out. */
function withoutCancelled(all: Array<{ currency: string; total: number }>, cancelled: Array<{ currency: string; total: number }>): Record<string, number> {
  const off = new Map(cancelled.map((c) => [c.currency, c.total]));
  const left = all.map((a) => [a.currency, a.total - (off.get(a.currency) ?? 0)] as const);
  return Object.fromEntries(left.filter(([, total]) => total !== 0));
}

/**
 * Shop-wide counts in one read transaction (consistent with each other even while an import writes).
 * The keys are a public interface: `zaplecze stats --json` prints this object.
 */
export function shopStats(sqlite: SqliteDatabase): ShopStats {
  const read = sqlite.transaction((): ShopStats => {
    const count = (sql: string) => (sqlite.prepare(sql).pluck().get() as number | null) ?? 0;
    const totals = sqlite.prepare(CURRENCY_TOTALS_SQL).all() as Array<{ currency: string; total: number }>;
    return {
      products: count('SELECT count(*) FROM products'),
      offers: count('SELECT count(*) FROM offers'),
      orders: count('SELECT count(*) FROM orders'),
      orderLines: count('SELECT count(*) FROM order_lines'),
      cancelledOrders: count("SELECT count(*) FROM orders WHERE status = 'cancelled'"),
      openOrders: count("SELECT count(*) FROM orders WHERE status IN ('new','to_pick','packed','on_hold')"),
      // A return the owner cancelled as entered by mistake never happened (Wyniki skips it the same way).
      returns: count('SELECT count(*) FROM returns WHERE cancelled_at IS NULL'),
      returnedUnits: count('SELECT COALESCE(SUM(rl.quantity), 0) FROM return_lines rl JOIN returns r ON r.id = rl.return_id WHERE r.cancelled_at IS NULL'),
      ledgerEntries: count('SELECT count(*) FROM stock_ledger'),
      onHandUnits: count('SELECT COALESCE(SUM(on_hand), 0) FROM products'),
      reservedUnits: count('SELECT COALESCE(SUM(reserved), 0) FROM products'),
      locations: count('SELECT count(*) FROM locations'),
      shipments: count('SELECT count(*) FROM shipments'),
      totalToPayGrosze: Object.fromEntries(totals.map((t) => [t.currency, t.total])),
      totalToPayNotCancelledGrosze: withoutCancelled(totals, cancelledTotals(sqlite, totals)),
    };
  });
  return read.deferred();
}

/**
 * shopStats kept until the shop changes (db/write-stamp.ts: this app's writes and other connections'
 * commits): the dashboard asks on every visit, and the counts read whole tables — 50–130 ms at 100k
 * orders, ~260 ms at 1M on a loaded 2-core machine (issue 16). The stamp is read before the counts: a
 * write during them moves it, so that answer is never kept past the write.
 */
const kept = new WeakMap<SqliteDatabase, { stamp: string; stats: ShopStats }>();

export function keptShopStats(sqlite: SqliteDatabase): ShopStats {
  const stamp = writeStamp(sqlite);
  const hit = kept.get(sqlite);
  if (hit && hit.stamp === stamp) return hit.stats;
  const stats = shopStats(sqlite);
  kept.set(sqlite, { stamp, stats });
  return stats;
}

/** True when the shop has no products and no orders (the "Load demo shop" offer is shown). */
export function isShopEmpty(sqlite: SqliteDatabase): boolean {
  return !sqlite.prepare('SELECT 1 FROM products UNION ALL SELECT 1 FROM orders LIMIT 1').get();
}
