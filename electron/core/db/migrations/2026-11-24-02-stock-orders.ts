/**
 * Stock and orders screens: search and list indexes sized for 100k products and 1M orders.
 * Raw SQL only, imports nothing from the app (see the initial migration).
 *
 * Search strategy (why FTS5, and why these settings):
 * - Names are searched by the beginning of any word ("kowal" finds "Jan Kowalski", "kubek" finds
 *   "Duży kubek"), regardless of case and Polish accents. A B-tree can only do the beginning of the whole
 *   text, and LIKE '%x%' scans every row, so names go into FTS5 tables.
 * - `content=''` + `contentless_delete=1`: the tables store only the index (no second copy of the names),
 *   and a row can still be removed by rowid — the triggers below need no old values.
 * - `detail=none` for product names: we only ask "which rows contain these word prefixes", never
 *   phrases or positions; the smallest and fastest-to-write index. (Orders use detail=column, see there.)
 * - `unicode61 remove_diacritics 2` folds case and accents (ż→z, ó→o, ć→c); it does not fold "ł", which
 *   Unicode does not decompose, so the triggers replace ł/Ł by l/L and the core does the same to queries.
 * - `prefix=...`: extra index entries for 2–5 letter prefixes (what people type: "kowa", "piotr"), so a
 *   prefix query reads one ready list instead of merging every word that starts with it — measured at 1M
 *   orders: "kowa*" + status, newest 50, from ~2 ms (with prefix='3' only) to ~0.1 ms, for about twice the
 *   index-writing time per order (≈ +6 µs). Orders skip 2-letter prefixes (a two-letter search is rare and
 *   still fast enough), products have them (they are written rarely).
 * - products: rowid = products.id; orders: rowid = a key in purchase order that contains the id.
 * Order numbers, logins, SKUs and EANs are searched by their beginning through B-tree indexes (range
 * scans), which are exact and cost nothing extra to keep.
 */
import { type Kysely, sql } from 'kysely';

/** The text of one order that buyer search looks at (ł folded, see above). */
const orderDoc = (row: 'NEW' | 'OLD') =>
  `replace(replace(coalesce(${row}.buyer_login,'') || ' ' || coalesce(${row}.buyer_name,'') || ' ' || coalesce(${row}.invoice_company_name,''), 'ł', 'l'), 'Ł', 'L')`;
/** The status as one word: to_pick → xstopick (the tokenizer would split at "_"). */
const orderSt = (row: 'NEW' | 'OLD') => `'xs' || replace(${row}.status, '_', '')`;
/**
 * The purchase-ordered key (see order_search below). Orders before 2000 or with an unreadable date all get
 * second 0 and sort by id; the key is never NULL (a NULL rowid would make FTS5 pick one itself).
 */
const orderKey = (row: 'NEW' | 'OLD') =>
  `(max(0, coalesce(CAST(strftime('%s', ${row}.bought_at) AS INTEGER), 0) - 946684800) * 2147483648 + ${row}.id)`;
const productDoc = (row: 'NEW' | 'OLD') => `replace(replace(${row}.name, 'ł', 'l'), 'Ł', 'L')`;

const statements = [
  // Rows whose search entry must be (re)written: see the triggers. old_key = the index entry to remove
  // first (NULL for a new row). No index: the core reads and empties the whole table at once.
  `CREATE TABLE search_pending (
     kind     TEXT NOT NULL CHECK (kind IN ('order','product')),
     ref_id   INTEGER NOT NULL,
     old_key  INTEGER
   )`,

  // ---------------------------------------------------------------- products
  `CREATE VIRTUAL TABLE product_search USING fts5(
     name, content='', contentless_delete=1, detail=none,
     tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5'
   )`,
  // What the index holds per product (the core's flush reads it, so the expression lives only here).
  `CREATE VIEW product_search_source AS SELECT id, ${productDoc('NEW').replaceAll('NEW.', '')} AS name FROM products`,
  `INSERT INTO product_search(rowid, name) SELECT id, name FROM product_search_source`,
  // The triggers only note which rows changed; the core copies them into the index in one batch before a
  // search (flushSearchIndexes). Writing FTS5 from a trigger costs ~25-35 µs a row — FTS5 flushes its
  // buffer at every statement savepoint — against ~5 µs in a batch: for a 100k-row import that is seconds.
  `CREATE TRIGGER product_search_insert AFTER INSERT ON products
   BEGIN INSERT INTO search_pending(kind, ref_id) VALUES ('product', NEW.id); END`,
  // Only a changed name touches the index: on-hand updates (every ledger entry) do not fire this.
  `CREATE TRIGGER product_search_update AFTER UPDATE OF name ON products WHEN OLD.name IS NOT NEW.name
   BEGIN INSERT INTO search_pending(kind, ref_id, old_key) VALUES ('product', NEW.id, OLD.id); END`,
  `CREATE TRIGGER product_search_delete AFTER DELETE ON products
   BEGIN INSERT INTO search_pending(kind, ref_id, old_key) VALUES ('product', OLD.id, OLD.id); END`,

  // SKU search is case-insensitive ("kub-01" finds "KUB-01") and the table sorts by SKU: the UNIQUE
  // index from the initial schema is case-sensitive, so it serves neither.
  `CREATE INDEX products_sku_nocase ON products(sku COLLATE NOCASE)`,
  // Filter by shelf, "no shelf" filter (NULL), the stocktake sheet of a shelf, and sorting by shelf
  // (the planner walks locations by code and products per location in name order).
  `CREATE INDEX products_location_name ON products(default_location_id, name COLLATE NOCASE)`,
  // Sorting the stock table by a numeric column takes the first page from an index instead of sorting
  // 100k rows per page. The expression index serves "available" (= on_hand − reserved).
  `CREATE INDEX products_on_hand ON products(on_hand)`,
  `CREATE INDEX products_reserved ON products(reserved)`,
  `CREATE INDEX products_available ON products((on_hand - reserved))`,
  `CREATE INDEX products_reorder_point ON products(reorder_point)`,
  `CREATE INDEX products_sale_price ON products(sale_price_grosze)`,
  `CREATE INDEX products_purchase_price ON products(purchase_price_grosze)`,
  // Sorting by EAN including products without one (the initial index skips NULLs).
  `CREATE INDEX products_ean_sort ON products(ean)`,
  // The "low stock" and "out of stock" filters: small sets, kept in partial indexes (in name order) so
  // the filter never scans all products. The core repeats these exact expressions in its WHERE clause.
  `CREATE INDEX products_low_stock ON products(name COLLATE NOCASE) WHERE on_hand - reserved < reorder_point`,
  `CREATE INDEX products_out_of_stock ON products(name COLLATE NOCASE) WHERE on_hand - reserved <= 0`,

  // ---------------------------------------------------------------- ledger
  // What the books say is on one shelf (stocktake sheet, move between shelves): entries by shelf and
  // product. Entries without a shelf are not indexed here; they count on the product's home shelf.
  `CREATE INDEX stock_ledger_location ON stock_ledger(location_id, product_id) WHERE location_id IS NOT NULL`,

  // ---------------------------------------------------------------- orders
  // Buyer search over up to millions of orders. The rowid is not the order id but a key in purchase
  // order: (seconds since 2000 of bought_at) × 2^31 + id, so "matches, newest first" is FTS5 reading its
  // own index backwards and stopping after one page — no sorting of thousands of matches. The order id is
  // key & (2^31 − 1). A second column `st` holds the shop status as one word (xsnew, xstopick…), so
  // "status = new AND name starts with kowa" is answered inside the index too; detail=column is the
  // cheapest detail level that allows restricting words to a column.
  `CREATE VIRTUAL TABLE order_search USING fts5(
     doc, st, content='', contentless_delete=1, detail=column,
     tokenize='unicode61 remove_diacritics 2', prefix='3 4 5'
   )`,
  `CREATE VIEW order_search_source AS
   SELECT id, ${orderKey('NEW').replaceAll('NEW.', '')} AS key, ${orderDoc('NEW').replaceAll('NEW.', '')} AS doc, ${orderSt('NEW').replaceAll('NEW.', '')} AS st FROM orders`,
  `INSERT INTO order_search(rowid, doc, st) SELECT key, doc, st FROM order_search_source`,
  `CREATE TRIGGER order_search_insert AFTER INSERT ON orders
   BEGIN INSERT INTO search_pending(kind, ref_id) VALUES ('order', NEW.id); END`,
  // Imports upsert every column of an order again; the WHEN keeps unchanged orders out of the queue.
  `CREATE TRIGGER order_search_update
   AFTER UPDATE OF buyer_login, buyer_name, invoice_company_name, status, bought_at ON orders
   WHEN OLD.buyer_login IS NOT NEW.buyer_login OR OLD.buyer_name IS NOT NEW.buyer_name
     OR OLD.invoice_company_name IS NOT NEW.invoice_company_name OR OLD.status IS NOT NEW.status
     OR OLD.bought_at IS NOT NEW.bought_at
   BEGIN INSERT INTO search_pending(kind, ref_id, old_key) VALUES ('order', NEW.id, ${orderKey('OLD')}); END`,
  `CREATE TRIGGER order_search_delete AFTER DELETE ON orders
   BEGIN INSERT INTO search_pending(kind, ref_id, old_key) VALUES ('order', OLD.id, ${orderKey('OLD')}); END`,

  // Open orders (the ones people work on) are a small part of years of history. These partial indexes
  // hold only them: the "overdue" filter and the packing queue read them in promise order or purchase
  // order without touching the shipped million. The core adds the literal status IN (...) term so the
  // planner may use them.
  // Promise order with missing promises last: SQLite sorts NULL first, so the index holds the date with
  // NULL mapped past any real date; the core sorts and filters by the same expression.
  `CREATE INDEX orders_open_dispatch ON orders(coalesce(dispatch_by, '9999-12-31')) WHERE status IN ('new','to_pick','packed','on_hold')`,
  `CREATE INDEX orders_open_bought ON orders(bought_at) WHERE status IN ('new','to_pick','packed','on_hold')`,
  // Search by Allegro's order number is by its beginning, case-insensitively (people type the first
  // characters from a slip); the UNIQUE index is case-sensitive.
  `CREATE INDEX orders_allegro_id_nocase ON orders(allegro_order_id COLLATE NOCASE) WHERE allegro_order_id IS NOT NULL`,

  // ---------------------------------------------------------------- order lines
  // Search orders by the offer signature (seller's SKU) written on the line, by its beginning. order_id
  // is in the index so the matching orders come from the index alone, without reading the lines.
  `CREATE INDEX order_lines_external_nocase ON order_lines(external_id COLLATE NOCASE, order_id) WHERE external_id IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}
