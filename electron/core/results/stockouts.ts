import type { SqliteDatabase } from '../db/connection';
import { addDays, warsawDayOf } from './warsaw-days';

/**
 * Stock-out days: the Warsaw days on which a selling product had nothing on the shelf at some moment
 * (its ledger balance reached 0 or below). "Selling" = sold at least once in the 90 days up to that day,
 * so a product the shop stopped selling does not count as out of stock forever. Recomputed per product
 * when its ledger changes (results_dirty_products, marked by triggers) and extended to today for the
 * products still at zero.
 */
export const SELLING_WINDOW_DAYS = 90;

interface LedgerMove {
  at: string;
  quantity: number;
  kind: string;
}

/** The stock-out days of one product from its whole ledger, up to `today` included. */
export function stockoutDaysOf(moves: readonly LedgerMove[], today: string): { days: string[]; finalBalance: number } {
  const days: string[] = [];
  if (moves.length === 0) return { days, finalBalance: 0 };
  let balance = 0;
  let index = 0;
  let lastSaleDay: string | null = null;
  let day = warsawDayOf(moves[0]!.at)!;
  while (day <= today) {
    let lowest = balance;
    while (index < moves.length && warsawDayOf(moves[index]!.at)! <= day) {
      const move = moves[index]!;
      balance += move.quantity;
      if (balance < lowest) lowest = balance;
      if (move.kind === 'sale') lastSaleDay = day;
      index += 1;
    }
    if (Math.min(lowest, balance) <= 0 && lastSaleDay !== null && lastSaleDay >= addDays(day, -SELLING_WINDOW_DAYS)) days.push(day);
    // Skip quiet stretches with stock on the shelf: nothing can change until the next move.
    if (balance > 0 && index < moves.length) {
      const next = warsawDayOf(moves[index]!.at)!;
      day = next > day ? next : addDays(day, 1);
    } else if (balance > 0) break;
    else day = addDays(day, 1);
  }
  return { days, finalBalance: balance };
}

const BATCH = 500;
/** How far back an order may have been bought and still be waiting on a stock-out day. */
const MAX_WAIT_DAYS = 60;

function firstDifference(a: readonly string[], b: readonly string[]): string | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return [a[i], b[i]].filter((x): x is string => x !== undefined).sort()[0]!;
  }
  return null;
}

/** Recomputes stock-out days of every marked product, and of those still at zero on a new day. */
export function refreshStockouts(sqlite: SqliteDatabase, today: string): number {
  sqlite
    .prepare('INSERT OR IGNORE INTO results_dirty_products (product_id) SELECT product_id FROM results_products WHERE final_balance <= 0 AND through_day < ?')
    .run(today);
  const pending = sqlite.prepare(`SELECT product_id AS id FROM results_dirty_products ORDER BY product_id LIMIT ${BATCH}`);
  const moves = sqlite.prepare('SELECT created_at AS at, quantity, kind FROM stock_ledger WHERE product_id = ? ORDER BY created_at, id');
  const clear = sqlite.prepare('DELETE FROM results_stockout_days WHERE product_id = ?');
  const before = sqlite.prepare('SELECT day FROM results_stockout_days WHERE product_id = ? ORDER BY day');
  // Orders of this product bought from shortly before the first changed day: their "waited for stock" may change.
  const markOrders = sqlite.prepare(
    `INSERT OR IGNORE INTO results_dirty (order_id)
     SELECT l.order_id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.product_id = ? AND o.bought_at >= ?`,
  );
  const insert = sqlite.prepare('INSERT OR IGNORE INTO results_stockout_days (product_id, day) VALUES (?, ?)');
  const state = sqlite.prepare('INSERT OR REPLACE INTO results_products (product_id, through_day, final_balance) VALUES (?, ?, ?)');
  const done = sqlite.prepare('DELETE FROM results_dirty_products WHERE product_id = ?');
  let total = 0;
  const batch = sqlite.transaction(() => {
    const ids = (pending.all() as Array<{ id: number }>).map((r) => r.id);
    for (const id of ids) {
      const result = stockoutDaysOf(moves.all(id) as LedgerMove[], today);
      const old = (before.all(id) as Array<{ day: string }>).map((r) => r.day);
      const changed = firstDifference(old, result.days);
      if (changed !== null) markOrders.run(id, `${addDays(changed, -MAX_WAIT_DAYS)}T00:00:00.000Z`);
      clear.run(id);
      for (const day of result.days) insert.run(id, day);
      state.run(id, today, result.finalBalance);
      done.run(id);
    }
    return ids.length;
  });
  for (;;) {
    const n = batch.immediate();
    total += n;
    if (n < BATCH) break;
  }
  return total;
}
