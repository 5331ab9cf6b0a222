/**
 * FROZEN. The first schema of Zaplecze. Never edit a migration that has shipped: add a new dated one.
 * Migrations use raw SQL only and import nothing from the app, so they mean the same thing forever.
 *
 * Conventions: money in integer minor units (`*_grosze`, in the row's `currency`), quantities integers,
 * times as ISO-8601 UTC text, booleans 0/1. Allegro's enums are stored raw (unknown values kept).
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `CREATE TABLE settings (
     key   TEXT PRIMARY KEY,
     value TEXT NOT NULL -- JSON
   )`,

  `CREATE TABLE import_runs (
     id            INTEGER PRIMARY KEY,
     file_name     TEXT NOT NULL,
     checksum      TEXT NOT NULL,            -- sha256 of the file's bytes
     format        TEXT NOT NULL,            -- detected format, e.g. allegro-checkout-forms
     status        TEXT NOT NULL CHECK (status IN ('committed','rejected','undoing','undone','failed')),
     inserted      INTEGER NOT NULL DEFAULT 0,
     updated       INTEGER NOT NULL DEFAULT 0,
     unchanged     INTEGER NOT NULL DEFAULT 0,
     skipped_rows  INTEGER NOT NULL DEFAULT 0,
     warnings      INTEGER NOT NULL DEFAULT 0,
     actor         TEXT NOT NULL,
     started_at    TEXT NOT NULL,
     finished_at   TEXT,
     undone_at     TEXT,
     details_json  TEXT
   )`,
  `CREATE INDEX import_runs_checksum ON import_runs(checksum)`,

  `CREATE TABLE locations (
     id          INTEGER PRIMARY KEY,
     code        TEXT NOT NULL UNIQUE COLLATE NOCASE, -- e.g. A-01-03 (rack-shelf-level)
     name        TEXT,
     created_at  TEXT NOT NULL
   )`,

  `CREATE TABLE products (
     id                    INTEGER PRIMARY KEY,
     sku                   TEXT NOT NULL UNIQUE,
     name                  TEXT NOT NULL,
     ean                   TEXT CHECK (ean IS NULL OR ean GLOB '[0-9]*'),
     unit                  TEXT NOT NULL DEFAULT 'szt.',
     vat_rate              TEXT NOT NULL DEFAULT '23' CHECK (vat_rate IN ('23','8','5','0','zw','np')),
     purchase_price_grosze INTEGER CHECK (purchase_price_grosze IS NULL OR purchase_price_grosze >= 0),
     sale_price_grosze     INTEGER CHECK (sale_price_grosze IS NULL OR sale_price_grosze >= 0),
     default_location_id   INTEGER REFERENCES locations(id),
     reorder_point         INTEGER NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
     lead_time_days        INTEGER CHECK (lead_time_days IS NULL OR lead_time_days >= 0),
     allow_backorder       INTEGER NOT NULL DEFAULT 0 CHECK (allow_backorder IN (0,1)),
     archived              INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),
     -- Cached totals, maintained only by the triggers below: on_hand = SUM(stock_ledger.quantity),
     -- reserved = SUM(reservations.quantity). Application code never writes them.
     on_hand               INTEGER NOT NULL DEFAULT 0,
     reserved              INTEGER NOT NULL DEFAULT 0,
     import_run_id         INTEGER REFERENCES import_runs(id),
     created_at            TEXT NOT NULL,
     updated_at            TEXT NOT NULL
   )`,
  // Scanner lookups by EAN.
  `CREATE INDEX products_ean ON products(ean) WHERE ean IS NOT NULL`,
  // Name-prefix search in the stock table.
  `CREATE INDEX products_name ON products(name COLLATE NOCASE)`,

  `CREATE TABLE offers (
     id                INTEGER PRIMARY KEY,
     allegro_offer_id  TEXT NOT NULL UNIQUE,
     external_id       TEXT,                -- the seller's SKU on Allegro ("sygnatura")
     product_id        INTEGER REFERENCES products(id) ON DELETE SET NULL,
     title             TEXT,
     ean               TEXT,
     price_grosze      INTEGER,
     currency          TEXT NOT NULL DEFAULT 'PLN',
     stock_quantity    INTEGER,
     status            TEXT,
     marketplace       TEXT,
     raw_json          TEXT,
     import_run_id     INTEGER REFERENCES import_runs(id),
     created_at        TEXT NOT NULL,
     updated_at        TEXT NOT NULL
   )`,
  // Matching order lines by the seller's SKU when the offer id is unknown.
  `CREATE INDEX offers_external_id ON offers(external_id) WHERE external_id IS NOT NULL`,
  `CREATE INDEX offers_product ON offers(product_id)`,

  `CREATE TABLE customers (
     id                INTEGER PRIMARY KEY,
     allegro_buyer_id  TEXT UNIQUE,
     login             TEXT,
     email             TEXT,
     first_name        TEXT,
     last_name         TEXT,
     company_name      TEXT,
     phone             TEXT,
     guest             INTEGER NOT NULL DEFAULT 0 CHECK (guest IN (0,1)),
     created_at        TEXT NOT NULL,
     updated_at        TEXT NOT NULL
   )`,

  `CREATE TABLE orders (
     id                    INTEGER PRIMARY KEY,
     allegro_order_id      TEXT UNIQUE,        -- checkout form id
     source                TEXT NOT NULL DEFAULT 'allegro' CHECK (source IN ('allegro','manual','demo')),
     customer_id           INTEGER REFERENCES customers(id),
     buyer_login           TEXT,               -- denormalised for list search
     buyer_name            TEXT,
     marketplace           TEXT,
     allegro_status        TEXT,               -- BOUGHT / FILLED_IN / READY_FOR_PROCESSING / CANCELLED (raw)
     fulfillment_status    TEXT,               -- Allegro's seller status (raw)
     status                TEXT NOT NULL DEFAULT 'new'
                           CHECK (status IN ('new','to_pick','packed','shipped','delivered','on_hold','cancelled')),
     revision              TEXT,
     allegro_updated_at    TEXT,
     bought_at             TEXT NOT NULL,
     payment_type          TEXT,               -- CASH_ON_DELIVERY, ONLINE, … (raw)
     payment_provider      TEXT,
     paid_at               TEXT,
     paid_grosze           INTEGER,
     total_to_pay_grosze   INTEGER NOT NULL,
     currency              TEXT NOT NULL DEFAULT 'PLN',
     delivery_method_id    TEXT,
     delivery_method_name  TEXT,
     carrier               TEXT,               -- normalised carrier key (inpost, dpd, dhl, poczta, orlen, …)
     delivery_cost_grosze  INTEGER,
     pickup_point_id       TEXT,
     pickup_point_name     TEXT,
     pickup_point_address  TEXT,
     delivery_first_name   TEXT,
     delivery_last_name    TEXT,
     delivery_company      TEXT,
     delivery_street       TEXT,
     delivery_city         TEXT,
     delivery_zip          TEXT,
     delivery_country      TEXT,
     delivery_phone        TEXT,
     invoice_required      INTEGER NOT NULL DEFAULT 0 CHECK (invoice_required IN (0,1)),
     invoice_company_name  TEXT,
     invoice_tax_id        TEXT,               -- NIP for PL companies
     invoice_first_name    TEXT,
     invoice_last_name     TEXT,
     invoice_street        TEXT,
     invoice_city          TEXT,
     invoice_zip           TEXT,
     invoice_country       TEXT,
     document_number       TEXT,               -- the shop's invoice / receipt number, when known
     buyer_message         TEXT,
     seller_note           TEXT,
     dispatch_by           TEXT,               -- promised dispatch deadline
     raw_json              TEXT,               -- the order exactly as Allegro sent it
     import_run_id         INTEGER REFERENCES import_runs(id),
     created_at            TEXT NOT NULL,
     updated_at            TEXT NOT NULL
   )`,
  // Order list: filter by status, newest first.
  `CREATE INDEX orders_status_bought ON orders(status, bought_at)`,
  // Order list without a status filter, and monthly exports by date.
  `CREATE INDEX orders_bought ON orders(bought_at)`,
  `CREATE INDEX orders_customer ON orders(customer_id)`,
  `CREATE INDEX orders_buyer_login ON orders(buyer_login COLLATE NOCASE)`,

  `CREATE TABLE order_lines (
     id                          INTEGER PRIMARY KEY,
     order_id                    INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
     allegro_line_id             TEXT UNIQUE,
     offer_id                    TEXT,         -- Allegro offer id
     external_id                 TEXT,         -- seller's SKU from the offer
     name                        TEXT NOT NULL,
     product_id                  INTEGER REFERENCES products(id),
     quantity                    INTEGER NOT NULL CHECK (quantity > 0),
     unit_price_grosze           INTEGER NOT NULL,
     original_unit_price_grosze  INTEGER,
     currency                    TEXT NOT NULL DEFAULT 'PLN',
     vat_rate                    TEXT,
     packed_quantity             INTEGER NOT NULL DEFAULT 0 CHECK (packed_quantity >= 0 AND packed_quantity <= quantity),
     bought_at                   TEXT
   )`,
  `CREATE INDEX order_lines_order ON order_lines(order_id)`,
  `CREATE INDEX order_lines_product ON order_lines(product_id)`,
  `CREATE INDEX order_lines_offer ON order_lines(offer_id)`,

  `CREATE TABLE reservations (
     id             INTEGER PRIMARY KEY,
     order_line_id  INTEGER NOT NULL UNIQUE REFERENCES order_lines(id) ON DELETE CASCADE,
     product_id     INTEGER NOT NULL REFERENCES products(id),
     quantity       INTEGER NOT NULL CHECK (quantity > 0),
     created_at     TEXT NOT NULL
   )`,
  `CREATE INDEX reservations_product ON reservations(product_id)`,

  `CREATE TABLE shipments (
     id                   INTEGER PRIMARY KEY,
     order_id             INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
     carrier              TEXT,
     tracking_number      TEXT,
     allegro_shipment_id  TEXT,
     dispatched_at        TEXT,
     import_run_id        INTEGER REFERENCES import_runs(id),
     created_at           TEXT NOT NULL,
     UNIQUE (order_id, tracking_number)
   )`,
  `CREATE INDEX shipments_tracking ON shipments(tracking_number)`,

  `CREATE TABLE returns (
     id                INTEGER PRIMARY KEY,
     allegro_return_id TEXT UNIQUE,
     reference_number  TEXT,
     order_id          INTEGER REFERENCES orders(id),
     allegro_status    TEXT,
     status            TEXT NOT NULL DEFAULT 'expected' CHECK (status IN ('expected','received','closed','rejected')),
     withdrawn_at      TEXT,      -- the buyer's declaration of withdrawal (starts the 14-day refund clock)
     received_at       TEXT,
     refund_due_at     TEXT,
     refunded_at       TEXT,
     refund_grosze     INTEGER,
     currency          TEXT NOT NULL DEFAULT 'PLN',
     buyer_message     TEXT,
     note              TEXT,
     raw_json          TEXT,
     import_run_id     INTEGER REFERENCES import_runs(id),
     actor             TEXT NOT NULL,
     created_at        TEXT NOT NULL,
     updated_at        TEXT NOT NULL
   )`,
  `CREATE INDEX returns_order ON returns(order_id)`,
  `CREATE INDEX returns_refund_due ON returns(refund_due_at)`,

  `CREATE TABLE return_lines (
     id              INTEGER PRIMARY KEY,
     return_id       INTEGER NOT NULL REFERENCES returns(id) ON DELETE CASCADE,
     order_line_id   INTEGER REFERENCES order_lines(id),
     product_id      INTEGER REFERENCES products(id),
     offer_id        TEXT,
     name            TEXT,
     quantity        INTEGER NOT NULL CHECK (quantity > 0),
     reason_code     TEXT,      -- Allegro's reason (raw) or the shop's own code
     reason_text     TEXT,
     condition       TEXT CHECK (condition IN ('resellable','damaged','incomplete')),
     decision        TEXT CHECK (decision IN ('restock','write_off','supplier')),
     location_id     INTEGER REFERENCES locations(id),
     decided_at      TEXT
   )`,
  `CREATE INDEX return_lines_return ON return_lines(return_id)`,

  `CREATE TABLE complaints (
     id             INTEGER PRIMARY KEY,
     order_id       INTEGER REFERENCES orders(id),
     product_id     INTEGER REFERENCES products(id),
     received_at    TEXT NOT NULL,   -- the law's 14-day answer clock starts here
     answer_due_at  TEXT NOT NULL,
     description    TEXT NOT NULL,
     demand         TEXT,            -- repair / replacement / price reduction / withdrawal
     status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','accepted','rejected','closed')),
     answer         TEXT,
     answered_at    TEXT,
     actor          TEXT NOT NULL,
     created_at     TEXT NOT NULL,
     updated_at     TEXT NOT NULL
   )`,
  `CREATE INDEX complaints_due ON complaints(status, answer_due_at)`,

  `CREATE TABLE promotions (
     id          INTEGER PRIMARY KEY,
     name        TEXT NOT NULL,
     starts_at   TEXT NOT NULL,
     ends_at     TEXT NOT NULL,
     note        TEXT,
     created_at  TEXT NOT NULL,
     updated_at  TEXT NOT NULL,
     CHECK (ends_at >= starts_at)
   )`,
  `CREATE TABLE promotion_items (
     promotion_id        INTEGER NOT NULL REFERENCES promotions(id) ON DELETE CASCADE,
     product_id          INTEGER NOT NULL REFERENCES products(id),
     promo_price_grosze  INTEGER,
     expected_units      INTEGER,
     PRIMARY KEY (promotion_id, product_id)
   )`,

  `CREATE TABLE stock_ledger (
     id                INTEGER PRIMARY KEY,
     product_id        INTEGER NOT NULL REFERENCES products(id),
     location_id       INTEGER REFERENCES locations(id),
     kind              TEXT NOT NULL CHECK (kind IN ('receipt','sale','return','adjustment','stocktake','move')),
     quantity          INTEGER NOT NULL CHECK (quantity <> 0), -- signed change of on-hand
     reason            TEXT NOT NULL,
     document          TEXT,          -- source document: supplier's delivery note, order id, return number…
     order_id          INTEGER REFERENCES orders(id),
     return_id         INTEGER REFERENCES returns(id),
     import_run_id     INTEGER REFERENCES import_runs(id),
     unit_cost_grosze  INTEGER,
     actor             TEXT NOT NULL,
     created_at        TEXT NOT NULL
   )`,
  // Movement history of one product, newest first.
  `CREATE INDEX stock_ledger_product ON stock_ledger(product_id, created_at)`,
  `CREATE INDEX stock_ledger_order ON stock_ledger(order_id) WHERE order_id IS NOT NULL`,
  `CREATE INDEX stock_ledger_import ON stock_ledger(import_run_id) WHERE import_run_id IS NOT NULL`,

  // The ledger is append-only: corrections are new entries. The only deletion allowed is undoing a
  // whole import (its run is first marked 'undoing' in the same transaction).
  `CREATE TRIGGER stock_ledger_no_update BEFORE UPDATE ON stock_ledger
   BEGIN SELECT RAISE(ABORT, 'stock_ledger is append-only'); END`,
  `CREATE TRIGGER stock_ledger_no_delete BEFORE DELETE ON stock_ledger
   WHEN NOT EXISTS (SELECT 1 FROM import_runs r WHERE r.id = OLD.import_run_id AND r.status = 'undoing')
   BEGIN SELECT RAISE(ABORT, 'stock_ledger is append-only'); END`,
  `CREATE TRIGGER stock_ledger_apply AFTER INSERT ON stock_ledger
   BEGIN UPDATE products SET on_hand = on_hand + NEW.quantity WHERE id = NEW.product_id; END`,
  `CREATE TRIGGER stock_ledger_unapply AFTER DELETE ON stock_ledger
   BEGIN UPDATE products SET on_hand = on_hand - OLD.quantity WHERE id = OLD.product_id; END`,
  // On-hand never goes below zero unless the owner allowed backorders for the product. This is the last
  // line of defence when two people pack the last unit at once.
  `CREATE TRIGGER stock_never_negative AFTER UPDATE OF on_hand ON products
   WHEN NEW.on_hand < 0 AND NEW.allow_backorder = 0 AND NEW.on_hand < OLD.on_hand
   BEGIN SELECT RAISE(ABORT, 'insufficient_stock'); END`,

  `CREATE TRIGGER reservations_apply AFTER INSERT ON reservations
   BEGIN UPDATE products SET reserved = reserved + NEW.quantity WHERE id = NEW.product_id; END`,
  `CREATE TRIGGER reservations_unapply AFTER DELETE ON reservations
   BEGIN UPDATE products SET reserved = reserved - OLD.quantity WHERE id = OLD.product_id; END`,
  `CREATE TRIGGER reservations_change AFTER UPDATE OF quantity, product_id ON reservations
   BEGIN
     UPDATE products SET reserved = reserved - OLD.quantity WHERE id = OLD.product_id;
     UPDATE products SET reserved = reserved + NEW.quantity WHERE id = NEW.product_id;
   END`,

  `CREATE TABLE audit_log (
     id            INTEGER PRIMARY KEY,
     at            TEXT NOT NULL,
     actor         TEXT NOT NULL CHECK (actor IN ('owner','helper','system')),
     action        TEXT NOT NULL,     -- e.g. order.status, stock.adjust, import.commit
     entity        TEXT,              -- e.g. order, product, import
     entity_id     TEXT,
     details_json  TEXT
   )`,
  // Timeline of one order / product.
  `CREATE INDEX audit_entity ON audit_log(entity, entity_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The initial schema cannot be rolled back; restore a backup instead.');
}
