/**
 * Packing and returns: the scan log, and the indexes the packing queue, the returns and complaints
 * lists and the "already returned" caps read. Raw SQL only, imports nothing from the app (see the
 * initial migration).
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  // Every scan at the packing table, accepted or refused, with who scanned: the order's packing
  // history ("the helper scanned a wrong mug twice") and the evidence behind a completed order.
  // order_lines.packed_quantity stays the state; this table is only the log. Lines and orders
  // removed by undoing an import take their scans with them.
  `CREATE TABLE packing_scans (
     id             INTEGER PRIMARY KEY,
     order_id       INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
     order_line_id  INTEGER REFERENCES order_lines(id) ON DELETE CASCADE,
     product_id     INTEGER REFERENCES products(id),
     code           TEXT NOT NULL,    -- what the scanner typed (EAN, SKU)
     outcome        TEXT NOT NULL CHECK (outcome IN ('ok','wrong_item','too_many','unknown_code','not_packable','unpacked')),
     quantity       INTEGER NOT NULL DEFAULT 1, -- units ticked (ok) or taken back out (unpacked)
     actor          TEXT NOT NULL,
     at             TEXT NOT NULL
   )`,
  // The scan history of one order.
  `CREATE INDEX packing_scans_order ON packing_scans(order_id)`,
  // Foreign-key checks when an import undo deletes order lines (SQLite looks up child rows by this column).
  `CREATE INDEX packing_scans_line ON packing_scans(order_line_id) WHERE order_line_id IS NOT NULL`,

  // The packing queue: only orders to pick and packed-not-shipped, in promised-dispatch order. A few
  // dozen rows among a million shipped; the partial index holds just them. The core repeats the exact
  // status IN (...) term so the planner may use it.
  `CREATE INDEX orders_packing_queue ON orders(dispatch_by) WHERE status IN ('to_pick','packed')`,

  // "Already returned" per order line caps a new return; one sum per line of the order.
  `CREATE INDEX return_lines_order_line ON return_lines(order_line_id) WHERE order_line_id IS NOT NULL`,
  // Open returns by refund deadline (the returns list's first page), without walking closed ones.
  `CREATE INDEX returns_open_due ON returns(refund_due_at) WHERE status IN ('expected','received')`,
  // Returns and complaints of one order (order timeline, "is this order already being returned").
  `CREATE INDEX complaints_order ON complaints(order_id) WHERE order_id IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}
