import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** A sample file copied from ../shared/allegro/samples into test/fixtures/allegro (real-shaped Allegro exports). */
export function allegroFixture(name: string): string {
  const path = resolve('test/fixtures/allegro', name);
  if (!existsSync(path)) throw new Error(`Missing fixture ${path}`);
  return path;
}

/** Counts that must not move when a file is rejected. */
export function dbCounts(sqlite: { prepare(sql: string): { get(): unknown } }): Record<string, number> {
  return sqlite
    .prepare(
      `SELECT (SELECT count(*) FROM products) products, (SELECT count(*) FROM offers) offers, (SELECT count(*) FROM orders) orders,
              (SELECT count(*) FROM order_lines) orderLines, (SELECT count(*) FROM stock_ledger) ledger,
              (SELECT COALESCE(SUM(on_hand),0) FROM products) onHand, (SELECT COALESCE(SUM(reserved),0) FROM products) reserved`,
    )
    .get() as Record<string, number>;
}
