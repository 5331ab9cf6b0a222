/**
 * Orders at risk (issue 17 point 2) kept up to date instead of recomputed from every open order on each
 * change: at_risk_changes is a short log of what each write touched — an order or its lines ('o', ref =
 * order id), a product's shelf or label ('p', ref = product id), a shipment's dispatch time ('s', at =
 * dispatched_at, for the measured packing capacity of that day). Every write path (the app's services,
 * imports, the demo generator, an import undone) logs through the triggers below, so nothing that writes
 * needs to know about the list. Each reader (one per connection: the app, the import worker, the
 * command line) remembers the last seq it applied and re-reads only the orders and products logged
 * after it (electron/core/results/at-risk/open-work.ts).
 *
 * The log prunes itself: every 5000th entry deletes entries more than 20000 behind. A reader further
 * behind than that (or on a shop that never had it) sees the gap and reads every open order once.
 * Raw SQL only, imports nothing from the app (see the initial migration).
 */
import { type Kysely, sql } from 'kysely';

const log = (kind: 'o' | 'p', ref: string) => `INSERT INTO at_risk_changes (kind, ref) VALUES ('${kind}', ${ref});`;
const logDay = (at: string) => `INSERT INTO at_risk_changes (kind, at) SELECT 's', ${at} WHERE ${at} IS NOT NULL;`;

const statements = [
  `CREATE TABLE at_risk_changes (
     seq  INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL,      -- 'o' order, 'p' product, 's' shipment
     ref  INTEGER,            -- order id ('o') or product id ('p')
     at   TEXT                -- dispatched_at ('s')
   )`,
  `CREATE TRIGGER at_risk_changes_prune AFTER INSERT ON at_risk_changes WHEN NEW.seq % 5000 = 0
     BEGIN DELETE FROM at_risk_changes WHERE seq <= NEW.seq - 20000; END`,
  `CREATE TRIGGER at_risk_orders_ins AFTER INSERT ON orders BEGIN ${log('o', 'NEW.id')} END`,
  `CREATE TRIGGER at_risk_orders_upd AFTER UPDATE OF status, paid_at, payment_type, dispatch_by, bought_at ON orders
     BEGIN ${log('o', 'NEW.id')} END`,
  `CREATE TRIGGER at_risk_orders_del AFTER DELETE ON orders BEGIN ${log('o', 'OLD.id')} END`,
  `CREATE TRIGGER at_risk_lines_ins AFTER INSERT ON order_lines BEGIN ${log('o', 'NEW.order_id')} END`,
  `CREATE TRIGGER at_risk_lines_upd AFTER UPDATE OF order_id, product_id, quantity, packed_quantity ON order_lines
     BEGIN ${log('o', 'NEW.order_id')} INSERT INTO at_risk_changes (kind, ref) SELECT 'o', OLD.order_id WHERE OLD.order_id <> NEW.order_id; END`,
  `CREATE TRIGGER at_risk_lines_del AFTER DELETE ON order_lines BEGIN ${log('o', 'OLD.order_id')} END`,
  `CREATE TRIGGER at_risk_products_upd AFTER UPDATE OF on_hand, sku, name ON products BEGIN ${log('p', 'NEW.id')} END`,
  `CREATE TRIGGER at_risk_shipments_ins AFTER INSERT ON shipments BEGIN ${logDay('NEW.dispatched_at')} END`,
  `CREATE TRIGGER at_risk_shipments_upd AFTER UPDATE ON shipments BEGIN ${logDay('OLD.dispatched_at')} ${logDay('NEW.dispatched_at')} END`,
  `CREATE TRIGGER at_risk_shipments_del AFTER DELETE ON shipments BEGIN ${logDay('OLD.dispatched_at')} END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}
