/**
 * Suppliers and purchase orders (reorder proposals), campaign plans (the campaign check before a
 * promotion), and two indexes the planning reads need. Raw SQL only, imports nothing from the app (see
 * the initial migration).
 *
 * suppliers: who the shop buys from — NIP (10 digits, checked by the app), lead time in working days,
 * minimum order value in grosze.
 * product_suppliers: each product's (main) supplier; kept apart from products so the product columns
 * the import writes stay as they were.
 * purchase_orders / purchase_order_lines: an order to a supplier made from the proposals; receiving
 * against it books ordinary receipts in the ledger (document = the order's number) and counts what came.
 * campaign_plans: what the owner expects of a promotion (uplift as a multiple ×100 of normal sales,
 * or units per product in promotion_items.expected_units).
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `CREATE TABLE suppliers (
     id                    INTEGER PRIMARY KEY,
     name                  TEXT NOT NULL,
     nip                   TEXT,
     lead_time_days        INTEGER NOT NULL CHECK (lead_time_days BETWEEN 0 AND 365),
     minimum_order_grosze  INTEGER NOT NULL DEFAULT 0 CHECK (minimum_order_grosze >= 0),
     email                 TEXT,
     created_at            TEXT NOT NULL,
     updated_at            TEXT NOT NULL
   )`,
  `CREATE UNIQUE INDEX suppliers_name ON suppliers(name COLLATE NOCASE)`,
  `CREATE TABLE product_suppliers (
     product_id   INTEGER PRIMARY KEY REFERENCES products(id),
     supplier_id  INTEGER NOT NULL REFERENCES suppliers(id)
   )`,
  `CREATE INDEX product_suppliers_supplier ON product_suppliers(supplier_id)`,
  `CREATE TABLE purchase_orders (
     id           INTEGER PRIMARY KEY,
     number       TEXT NOT NULL UNIQUE,
     supplier_id  INTEGER NOT NULL REFERENCES suppliers(id),
     status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','partly_received','received','cancelled')),
     service_level INTEGER NOT NULL,
     created_at   TEXT NOT NULL,
     expected_at  TEXT NOT NULL,   -- YYYY-MM-DD (Warsaw): ordered today + lead time in working days
     received_at  TEXT,
     actor        TEXT NOT NULL
   )`,
  `CREATE INDEX purchase_orders_open ON purchase_orders(supplier_id) WHERE status IN ('open','partly_received')`,
  `CREATE TABLE purchase_order_lines (
     id                 INTEGER PRIMARY KEY,
     purchase_order_id  INTEGER NOT NULL REFERENCES purchase_orders(id),
     product_id         INTEGER NOT NULL REFERENCES products(id),
     quantity           INTEGER NOT NULL CHECK (quantity > 0),
     received_quantity  INTEGER NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
     unit_cost_grosze   INTEGER
   )`,
  `CREATE INDEX purchase_order_lines_order ON purchase_order_lines(purchase_order_id)`,
  `CREATE INDEX purchase_order_lines_product ON purchase_order_lines(product_id)`,
  `CREATE TABLE campaign_plans (
     promotion_id  INTEGER PRIMARY KEY REFERENCES promotions(id) ON DELETE CASCADE,
     uplift_x100   INTEGER CHECK (uplift_x100 IS NULL OR uplift_x100 BETWEEN 100 AND 10000)
   )`,
  // Sales velocity and stock-out days read the ledger of the last weeks, not one product's history.
  `CREATE INDEX stock_ledger_created ON stock_ledger(created_at)`,
  // The day's measured packing capacity: parcels shipped per working day.
  `CREATE INDEX shipments_dispatched ON shipments(dispatched_at) WHERE cancelled_at IS NULL`,
  // Orders at risk read every open order's promise and payment, and its lines' needs, from indexes
  // alone: the order rows (with their raw Allegro JSON) are read only for the orders listed.
  `CREATE INDEX orders_open_promise ON orders(status, id, bought_at, paid_at, payment_type, dispatch_by) WHERE status IN ('new','to_pick','packed','on_hold')`,
  `CREATE INDEX order_lines_needs ON order_lines(order_id, product_id, quantity, packed_quantity)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}
