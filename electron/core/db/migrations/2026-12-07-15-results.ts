/**
 * Wyniki (issue 17): what the results screen reads instead of scanning the whole history on each open.
 * Raw SQL only, imports nothing from the app (see the initial migration).
 *
 * results_orders: one row of facts per order (when it was bought, paid, packed, shipped, delivered; its
 * promised dispatch deadline; who packed it; what went wrong after), written by the core
 * (electron/core/results/results-facts.ts) and indexed by the Warsaw day it was due and shipped, so a
 * period is an index range.
 *
 * results_dirty / results_dirty_products: the orders and products whose facts must be recomputed. Every
 * write path (the app's services, imports, the demo generator, an import undone) marks them through
 * the triggers below, so nothing that writes needs to know about Wyniki; the core recomputes only the
 * marked rows before answering.
 *
 * results_stockout_days: the Warsaw days a selling product had nothing on the shelf.
 * results_products: per product, where its stock-out days were computed up to (a product still at zero
 * gets today's day added on the next read).
 *
 * results_days / results_cycle / results_packer_days / results_product_days: per Warsaw day sums of
 * results_orders (counts, cycle-time buckets, per packer, units per product), kept by the core as facts
 * change (the old row taken out, the new one put in) — a month is ~31 rows whatever the size of the shop.
 */
import { type Kysely, sql } from 'kysely';

const markOrder = (expr: string) => `INSERT OR IGNORE INTO results_dirty (order_id) SELECT ${expr} WHERE ${expr} IS NOT NULL;`;

const statements = [
  `CREATE TABLE results_orders (
     order_id        INTEGER PRIMARY KEY,
     bought_at       TEXT NOT NULL,
     paid_at         TEXT,
     packed_at       TEXT,
     shipped_at      TEXT,
     delivered_at    TEXT,
     due_at          TEXT,              -- promised dispatch deadline (stored, else the handling time from payment)
     due_day         TEXT,              -- Warsaw day of due_at
     ship_day        TEXT,              -- Warsaw day of shipped_at
     packed_day      TEXT,              -- Warsaw day of packed_at
     cancelled       INTEGER NOT NULL DEFAULT 0,
     units           INTEGER NOT NULL DEFAULT 0,
     packer          TEXT,              -- who marked it packed (audit actor)
     scanned_units   INTEGER NOT NULL DEFAULT 0,
     wrong_scans     INTEGER NOT NULL DEFAULT 0,
     forced_units    INTEGER NOT NULL DEFAULT 0,
     returned        INTEGER NOT NULL DEFAULT 0,
     returned_units  INTEGER NOT NULL DEFAULT 0,
     fail_damaged    INTEGER NOT NULL DEFAULT 0,
     fail_wrong_item INTEGER NOT NULL DEFAULT 0,
     fail_incomplete INTEGER NOT NULL DEFAULT 0,
     complaint       INTEGER NOT NULL DEFAULT 0,
     complaint_upheld INTEGER NOT NULL DEFAULT 0,
     paid_wd_needed  INTEGER,           -- working days from payment to shipping (0 = same working day)
     waited          INTEGER NOT NULL DEFAULT 0, -- a product of it was out of stock between purchase and shipping
     product_units   TEXT               -- "productId:units,…" of its lines (kept to take them out of results_product_days)
   )`,
  `CREATE INDEX results_orders_due ON results_orders(due_day)`,
  `CREATE INDEX results_orders_ship ON results_orders(ship_day)`,
  `CREATE INDEX results_orders_packed ON results_orders(packed_day)`,
  // Late (or still unshipped) orders of a period without walking the punctual ones.
  `CREATE INDEX results_orders_late ON results_orders(due_day) WHERE cancelled = 0 AND (shipped_at IS NULL OR shipped_at > due_at)`,
  `CREATE INDEX results_orders_returned ON results_orders(ship_day) WHERE returned = 1`,
  // Per Warsaw day sums of results_orders, kept by the core as facts change (old row out, new row in):
  // a month is ~31 rows whatever the size of the shop. due_* by the deadline's day, shipped..complaints_upheld
  // by the shipping day, packed_* by the packing day.
  `CREATE TABLE results_days (
     day TEXT PRIMARY KEY,
     due_on_time INTEGER NOT NULL DEFAULT 0, due_late_shipped INTEGER NOT NULL DEFAULT 0, due_unshipped INTEGER NOT NULL DEFAULT 0,
     shipped INTEGER NOT NULL DEFAULT 0, shipped_units INTEGER NOT NULL DEFAULT 0, perfect INTEGER NOT NULL DEFAULT 0,
     fail_late INTEGER NOT NULL DEFAULT 0, fail_damaged INTEGER NOT NULL DEFAULT 0, fail_wrong_item INTEGER NOT NULL DEFAULT 0,
     fail_incomplete INTEGER NOT NULL DEFAULT 0, fail_upheld INTEGER NOT NULL DEFAULT 0,
     returned INTEGER NOT NULL DEFAULT 0, returned_units INTEGER NOT NULL DEFAULT 0, complaints INTEGER NOT NULL DEFAULT 0,
     packed_orders INTEGER NOT NULL DEFAULT 0, packed_units INTEGER NOT NULL DEFAULT 0, wrong_scans INTEGER NOT NULL DEFAULT 0,
     waited INTEGER NOT NULL DEFAULT 0
   ) WITHOUT ROWID`,
  // Cycle-stage durations of the orders shipped that day, in buckets of 0.1 h (1 h above 100 h): medians
  // and 90th percentiles of any period come from summed buckets.
  `CREATE TABLE results_cycle (
     day TEXT NOT NULL, stage TEXT NOT NULL, bucket INTEGER NOT NULL, n INTEGER NOT NULL,
     PRIMARY KEY (day, stage, bucket)
   ) WITHOUT ROWID`,
  // Units shipped per product and shipping day (the base of a product's return rate).
  `CREATE TABLE results_product_days (
     product_id INTEGER NOT NULL, day TEXT NOT NULL, units INTEGER NOT NULL,
     PRIMARY KEY (product_id, day)
   ) WITHOUT ROWID`,
  // Per packer: orders/units/wrong scans by packing day, shipped/returned orders by shipping day.
  `CREATE TABLE results_packer_days (
     day TEXT NOT NULL, packer TEXT NOT NULL,
     packed_orders INTEGER NOT NULL DEFAULT 0, packed_units INTEGER NOT NULL DEFAULT 0, wrong_scans INTEGER NOT NULL DEFAULT 0,
     shipped_orders INTEGER NOT NULL DEFAULT 0, returned_orders INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (day, packer)
   ) WITHOUT ROWID`,
  // Shipments of one order are read per order (the app looked them up by tracking number only).
  `CREATE INDEX IF NOT EXISTS results_shipments_order ON shipments(order_id)`,
  `CREATE TABLE results_dirty (order_id INTEGER PRIMARY KEY)`,
  // What the facts were computed with (the declared handling time): a change recomputes them.
  `CREATE TABLE results_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE results_dirty_products (product_id INTEGER PRIMARY KEY)`,
  `CREATE TABLE results_stockout_days (
     product_id INTEGER NOT NULL,
     day        TEXT NOT NULL,
     PRIMARY KEY (product_id, day)
   ) WITHOUT ROWID`,
  `CREATE INDEX results_stockout_days_day ON results_stockout_days(day)`,
  `CREATE TABLE results_products (
     product_id    INTEGER PRIMARY KEY,
     through_day   TEXT NOT NULL,      -- stock-out days computed up to and including this Warsaw day
     final_balance INTEGER NOT NULL
   )`,
  // Everything existing is computed on the first read.
  `INSERT INTO results_dirty (order_id) SELECT id FROM orders`,
  `INSERT INTO results_dirty_products (product_id) SELECT id FROM products`,
  `CREATE TRIGGER results_orders_ins AFTER INSERT ON orders BEGIN ${markOrder('NEW.id')} END`,
  `CREATE TRIGGER results_orders_upd AFTER UPDATE OF status, paid_at, dispatch_by, bought_at ON orders BEGIN ${markOrder('NEW.id')} END`,
  `CREATE TRIGGER results_orders_del AFTER DELETE ON orders BEGIN ${markOrder('OLD.id')} END`,
  `CREATE TRIGGER results_lines_ins AFTER INSERT ON order_lines BEGIN ${markOrder('NEW.order_id')} END`,
  `CREATE TRIGGER results_lines_upd AFTER UPDATE OF quantity, forced_quantity, product_id ON order_lines BEGIN ${markOrder('NEW.order_id')} END`,
  `CREATE TRIGGER results_lines_del AFTER DELETE ON order_lines BEGIN ${markOrder('OLD.order_id')} END`,
  `CREATE TRIGGER results_shipments_ins AFTER INSERT ON shipments BEGIN ${markOrder('NEW.order_id')} END`,
  `CREATE TRIGGER results_shipments_upd AFTER UPDATE ON shipments BEGIN ${markOrder('NEW.order_id')} END`,
  `CREATE TRIGGER results_shipments_del AFTER DELETE ON shipments BEGIN ${markOrder('OLD.order_id')} END`,
  `CREATE TRIGGER results_scans_ins AFTER INSERT ON packing_scans BEGIN ${markOrder('NEW.order_id')} END`,
  `CREATE TRIGGER results_audit_ins AFTER INSERT ON audit_log
     WHEN NEW.entity = 'order' AND NEW.action IN ('packing.complete', 'packing.force', 'order.status')
     BEGIN ${markOrder('CAST(NEW.entity_id AS INTEGER)')} END`,
  `CREATE TRIGGER results_returns_ins AFTER INSERT ON returns BEGIN ${markOrder('NEW.order_id')} END`,
  `CREATE TRIGGER results_returns_upd AFTER UPDATE ON returns BEGIN ${markOrder('NEW.order_id')} ${markOrder('OLD.order_id')} END`,
  `CREATE TRIGGER results_returns_del AFTER DELETE ON returns BEGIN ${markOrder('OLD.order_id')} END`,
  `CREATE TRIGGER results_return_lines_ins AFTER INSERT ON return_lines BEGIN ${markOrder('(SELECT order_id FROM returns WHERE id = NEW.return_id)')} END`,
  `CREATE TRIGGER results_return_lines_upd AFTER UPDATE ON return_lines BEGIN ${markOrder('(SELECT order_id FROM returns WHERE id = NEW.return_id)')} END`,
  `CREATE TRIGGER results_complaints_ins AFTER INSERT ON complaints BEGIN ${markOrder('NEW.order_id')} END`,
  `CREATE TRIGGER results_complaints_upd AFTER UPDATE ON complaints BEGIN ${markOrder('NEW.order_id')} ${markOrder('OLD.order_id')} END`,
  `CREATE TRIGGER results_ledger_ins AFTER INSERT ON stock_ledger BEGIN INSERT OR IGNORE INTO results_dirty_products (product_id) VALUES (NEW.product_id); END`,
  `CREATE TRIGGER results_ledger_del AFTER DELETE ON stock_ledger BEGIN INSERT OR IGNORE INTO results_dirty_products (product_id) VALUES (OLD.product_id); END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}
