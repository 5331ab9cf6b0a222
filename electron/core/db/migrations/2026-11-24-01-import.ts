/**
 * Import bookkeeping: what undo needs, remembered column mappings and product links, and the billing
 * entries Allegro's fee export brings. Raw SQL only, imports nothing from the app (see the initial one).
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  // Every row an import inserted, updated or deleted, in order, so that undo can put each back exactly:
  // `before_json` is the full prior row (updates, deletes), `after_hash` a hash of the row as the import
  // left it (inserts, updates) — a row whose current hash differs was changed later, and undo refuses.
  // Ledger rows are not listed here: they carry import_run_id themselves.
  `CREATE TABLE import_changes (
     run_id       INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
     seq          INTEGER NOT NULL,
     table_name   TEXT NOT NULL,
     row_id       INTEGER NOT NULL,
     op           TEXT NOT NULL CHECK (op IN ('insert','update','delete')),
     before_json  TEXT,
     after_hash   TEXT,
     PRIMARY KEY (run_id, seq)
   ) WITHOUT ROWID`,
  // "Which run last touched this row?" when explaining why an older run cannot be undone.
  `CREATE INDEX import_changes_row ON import_changes(table_name, row_id)`,

  // Column mappings of the owner's own sheets, remembered per layout (signature of the header texts).
  `CREATE TABLE import_mappings (
     id            INTEGER PRIMARY KEY,
     name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
     signature     TEXT NOT NULL,
     mapping_json  TEXT NOT NULL,
     headers_json  TEXT NOT NULL,
     created_at    TEXT NOT NULL,
     updated_at    TEXT NOT NULL
   )`,
  // Finding the saved mapping of a sheet being previewed.
  `CREATE INDEX import_mappings_signature ON import_mappings(signature)`,

  // The owner's answers to "which product is this?" for order lines nothing matched: by Allegro offer
  // id, by the seller's SKU on the offer, or by EAN. Applied to later imports and retroactively.
  `CREATE TABLE import_links (
     id          INTEGER PRIMARY KEY,
     kind        TEXT NOT NULL CHECK (kind IN ('offer','external','ean')),
     value       TEXT NOT NULL,
     product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
     actor       TEXT NOT NULL,
     created_at  TEXT NOT NULL,
     UNIQUE (kind, value)
   )`,
  // Deleting a product must find its links (ON DELETE CASCADE) without a scan.
  `CREATE INDEX import_links_product ON import_links(product_id)`,

  // Allegro fees and commissions (GET /billing/billing-entries): negative amounts are charges.
  `CREATE TABLE billing_entries (
     id                INTEGER PRIMARY KEY,
     allegro_entry_id  TEXT NOT NULL UNIQUE,
     occurred_at       TEXT NOT NULL,
     type_id           TEXT,
     type_name         TEXT,
     offer_id          TEXT,
     offer_name        TEXT,
     allegro_order_id  TEXT,
     amount_grosze     INTEGER NOT NULL,
     currency          TEXT NOT NULL DEFAULT 'PLN',
     tax_percentage    TEXT,
     balance_grosze    INTEGER,
     raw_json          TEXT,
     import_run_id     INTEGER REFERENCES import_runs(id),
     created_at        TEXT NOT NULL,
     updated_at        TEXT NOT NULL
   )`,
  // Fees of one month (the accountant's export) and of one order.
  `CREATE INDEX billing_entries_occurred ON billing_entries(occurred_at)`,
  `CREATE INDEX billing_entries_order ON billing_entries(allegro_order_id) WHERE allegro_order_id IS NOT NULL`,

  // The "unmatched lines" list: lines without a product, grouped by offer — a small partial index
  // instead of scanning every order line.
  `CREATE INDEX order_lines_unmatched ON order_lines(offer_id, external_id) WHERE product_id IS NULL`,
  // Matching order lines by the seller's SKU (offers.external_id has its own index already).
  `CREATE INDEX order_lines_external ON order_lines(external_id) WHERE external_id IS NOT NULL`,
  // Returns' lines looked up by the shipment/return import, and shipments by order for re-imports are
  // covered by existing indexes (return_lines_return, UNIQUE(order_id, tracking_number)).
  // Import history newest first.
  `CREATE INDEX import_runs_started ON import_runs(started_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not rolled back; restore a backup instead.');
}
