/**
 * "Load demo shop": a realistic Polish Allegro shop, Pod Lipą (home, kitchen and garden goods), with six
 * months of history ending at the core's clock. The same generator, scaled (`zaplecze demo --orders
 * 1000000 --products 100000`), makes benchmark data.
 *
 * Deterministic: the same seed and the same `core.now()` give the same database, row for row.
 *
 * Atomic: everything is written in ONE transaction. An interrupted run (crash, kill, power cut) leaves
 * the file exactly as it was — SQLite discards the uncommitted WAL frames on the next open — so a
 * half-made demo shop cannot exist and the next `demo` starts from an empty shop again (cli.test.ts
 * kills a run midway to prove it). A million orders in one transaction is fine for SQLite: dirty pages
 * spill to the WAL, and memory stays at the page cache (raised to 128 MB while loading) plus the
 * generator's per-product arrays; orders are written as they are made, never held.
 * The caller (shop.handlers.ts) refuses a shop that already has data.
 */
import type { Transaction } from 'kysely';
import type { Core } from '../create-core';
import type { SqliteDatabase } from '../db/connection';
import type { Database } from '../db/schema';
import { reserveOrder } from '../stock/reservations.repository';
import { mixSeed, nameSeed, Prng } from './prng';
import { DemoOrders } from './demo-orders';
import { createDemoWriter } from './demo-writer';
import { placeProducts, writeLocations, writeOffers, writeProducts, writePromotions, writeShopSettings } from './demo-setup';
import { writeCampaignPlans, writeSuppliers } from './demo-planning';
import { planDays, timesOfDay } from './order-times';
import { StockSimulation } from './stock-simulation';
import { flushSearchIndexes } from '../stock/search-index';

export interface DemoOptions {
  /** Orders over the last six months (default 2,000). */
  orders?: number;
  /** Products (default 200). */
  products?: number;
  /** Seed of the random choices (default 1): the same seed and clock give the same shop. */
  seed?: number;
}

export const DEMO_DEFAULTS = { orders: 2_000, products: 200, seed: 1 } as const;

export interface DemoProgress {
  phase: 'catalog' | 'orders' | 'indexes' | 'reservations' | 'done';
  done: number;
  total: number;
}

const DAY_MS = 86_400_000;
/** Six months back from the clock. */
const HISTORY_DAYS = 182;
/** The demo promises dispatch within one working day (settings.handlingTimeDays). */
const HANDLING_TIME_DAYS = 1;
/** Give the event loop a breath this often, so the app's window stays responsive and progress shows. */
const YIELD_EVERY = 20_000;

/** Tables the generator fills in bulk; their secondary indexes are rebuilt once at the end. */
const BULK_TABLES = ['products', 'offers', 'customers', 'orders', 'order_lines', 'shipments', 'stock_ledger', 'returns', 'return_lines', 'complaints', 'audit_log'];
/** Page cache while loading (KiB): the unique UUID indexes of a million orders stay in memory. */
const LOAD_CACHE_KIB = 131_072;

/**
 * Drops the secondary indexes of the bulk tables (whatever migrations defined them, read back from
 * sqlite_master) and returns their SQL to recreate. Inserting into a dozen randomly ordered B-trees
 * row by row thrashes the page cache; building each index once from sorted data is many times faster.
 * It all happens inside the load's transaction, so an interrupted load rolls the indexes back too.
 */
function dropSecondaryIndexes(sqlite: SqliteDatabase): string[] {
  const rows = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')}) ORDER BY name`)
    .all(...BULK_TABLES) as Array<{ name: string; sql: string }>;
  for (const row of rows) sqlite.exec(`DROP INDEX "${row.name.replaceAll('"', '""')}"`);
  return rows.map((r) => r.sql);
}

const progressListeners = new WeakMap<Core, (p: DemoProgress) => void>();

/**
 * Watch a demo load on this core (the command line prints a progress line). Returns the unsubscribe.
 * Kept out of the contract: progress of a one-off, owner-only bulk load is not a renderer event yet.
 */
export function onDemoProgress(core: Core, listener: (p: DemoProgress) => void): () => void {
  progressListeners.set(core, listener);
  return () => progressListeners.delete(core);
}

export async function loadDemoShop(core: Core, options: DemoOptions): Promise<void> {
  const orderCount = options.orders ?? DEMO_DEFAULTS.orders;
  const productCount = options.products ?? DEMO_DEFAULTS.products;
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  if (!Number.isSafeInteger(orderCount) || orderCount < 0) throw new RangeError(`orders must be a whole number ≥ 0, got ${orderCount}`);
  if (!Number.isSafeInteger(productCount) || productCount < 1) throw new RangeError(`products must be a whole number ≥ 1, got ${productCount}`);
  const report = (p: DemoProgress) => progressListeners.get(core)?.(p);
  const previousCache = core.sqlite.pragma('cache_size', { simple: true }) as number;
  core.sqlite.pragma(`cache_size = -${LOAD_CACHE_KIB}`);
  try {
    // Kysely holds the one connection for this transaction (other queries wait); the bulk rows go
    // through raw prepared statements on the same connection, so they are inside the same transaction.
    await core.db.transaction().execute((trx) => generate(core, trx, { orderCount, productCount, seed }, report));
  } finally {
    core.sqlite.pragma(`cache_size = ${previousCache}`);
  }
  // Search indexes are written in batches (triggers only queue rows): write them now, so the first
  // search after a big demo is not the one that pays for a million queued orders.
  flushSearchIndexes(core.sqlite);
  // A big load leaves a WAL as large as the data: fold it into the database file and truncate it.
  core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  report({ phase: 'done', done: orderCount, total: orderCount });
}

async function generate(
  core: Core,
  trx: Transaction<Database>,
  { orderCount, productCount, seed }: { orderCount: number; productCount: number; seed: number },
  report: (p: DemoProgress) => void,
): Promise<void> {
  const nowMs = core.now().getTime();
  const startMs = nowMs - HISTORY_DAYS * DAY_MS;
  const setupAt = new Date(startMs - 2 * DAY_MS).toISOString();
  const stocktakeAt = new Date(startMs - DAY_MS);
  const indexes = dropSecondaryIndexes(core.sqlite);
  const writer = createDemoWriter(core.sqlite);
  const stream = (name: string) => new Prng(mixSeed(seed, nameSeed(name)));
  report({ phase: 'catalog', done: 0, total: productCount });

  writeShopSettings(writer, seed, setupAt);
  const locationCount = writeLocations(writer, productCount, setupAt);
  const places = placeProducts(stream('catalog'), productCount, locationCount);
  const { catalog, locationOf } = places;
  // Units sold per day shop-wide (≈1.4 lines × ≈1.3 units per order): sizes shelves and reorder points.
  const unitsPerDay = Math.max(0.5, (orderCount * 1.8) / HISTORY_DAYS);
  const stock = new StockSimulation({ catalog, locationOf, writer, rng: stream('stock'), unitsPerDay });
  writeProducts(writer, places, stock.reorderPoint, setupAt);
  const offers = writeOffers(writer, stream('offers'), catalog, setupAt);
  const promotions = writePromotions(writer, stream('promotions'), catalog, nowMs, unitsPerDay, setupAt);
  writeSuppliers(core.sqlite, stream('suppliers'), catalog, setupAt);
  stock.openingStocktake(stocktakeAt.getTime());
  writer.audit(stocktakeAt.toISOString(), 'stock.stocktake', 'document', `INW 1/${stocktakeAt.getUTCFullYear()}`, { products: productCount });
  report({ phase: 'catalog', done: productCount, total: productCount });

  const orders = new DemoOrders({
    seed, rng: stream('orders'), nowMs, writer, catalog, locationOf, offers, promotions, stock, handlingTimeDays: HANDLING_TIME_DAYS,
  });
  const promoBoost = (day: { startMs: number }) => (promotions.some((p) => day.startMs + DAY_MS > p.startMs && day.startMs <= p.endMs) ? 1.3 : 1);
  const timesRng = stream('order-times');
  let done = 0;
  for (const day of planDays(startMs, nowMs, orderCount, promoBoost)) {
    for (const t of timesOfDay(timesRng, day, startMs, nowMs)) {
      orders.add(t);
      if (++done % YIELD_EVERY === 0) {
        report({ phase: 'orders', done, total: orderCount });
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  stock.advanceTo(nowMs);
  orders.finish();
  report({ phase: 'orders', done, total: orderCount });

  report({ phase: 'indexes', done: 0, total: indexes.length });
  for (const sql of indexes) core.sqlite.exec(sql);

  // Open orders hold their goods the way the app itself reserves them. Packed orders keep their
  // reservation until shipping (reserveOrder reserves quantity − packed, so lines are marked packed after).
  report({ phase: 'reservations', done: 0, total: orders.open.length });
  const markPacked = core.sqlite.prepare('UPDATE order_lines SET packed_quantity = quantity WHERE order_id = ?');
  for (const open of orders.open) {
    await reserveOrder(trx, open.id, open.at);
    if (open.packed) markPacked.run(open.id);
  }
  writeCampaignPlans(core.sqlite, promotions, nowMs);
  // What Allegro shows as offer stock: the units free to sell.
  core.sqlite.exec(`UPDATE offers SET
      stock_quantity = (SELECT MAX(0, p.on_hand - p.reserved) FROM products p WHERE p.id = offers.product_id),
      status = CASE WHEN (SELECT p.on_hand - p.reserved FROM products p WHERE p.id = offers.product_id) > 0 THEN 'ACTIVE' ELSE 'ENDED' END`);
  writer.audit(new Date(nowMs).toISOString(), 'demo.load', 'shop', null, {
    seed, orders: orderCount, products: productCount, customers: orders.counts.customers, cancelled: orders.counts.cancelled,
    returns: orders.counts.returns, complaints: orders.counts.complaints, openOrders: orders.open.length,
  });
}
