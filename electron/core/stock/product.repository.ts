import type { ProductRow } from '../../../shared/contract/stock.contract';
import type { VatRate } from '../../../shared/domain/vat';
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from '../db/connection';

export type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/**
 * Reads of products for the stock screens, in raw SQL over better-sqlite3: the list runs on every
 * keystroke and page, where prepared statements (cached per connection) keep it well under a
 * millisecond. Writes go through Kysely in product.service.ts.
 */

/** Columns of a product row as the stock table shows it (with its home shelf's code). */
export const PRODUCT_SELECT = `
  p.id, p.sku, p.name, p.ean, p.unit, p.vat_rate AS vatRate, p.default_location_id AS locationId,
  l.code AS locationCode, p.on_hand AS onHand, p.reserved, p.reorder_point AS reorderPoint,
  p.sale_price_grosze AS salePriceGrosze, p.purchase_price_grosze AS purchasePriceGrosze,
  p.allow_backorder AS allowBackorder, p.archived, p.lead_time_days AS leadTimeDays,
  p.gtu, p.split_payment AS splitPayment, p.category,
  p.created_at AS createdAt, p.updated_at AS updatedAt`;
export const PRODUCT_FROM = `products p LEFT JOIN locations l ON l.id = p.default_location_id`;

export interface RawProduct {
  id: number;
  sku: string;
  name: string;
  ean: string | null;
  unit: string;
  vatRate: string;
  locationId: number | null;
  locationCode: string | null;
  onHand: number;
  reserved: number;
  reorderPoint: number;
  salePriceGrosze: number | null;
  purchasePriceGrosze: number | null;
  allowBackorder: number;
  archived: number;
  leadTimeDays: number | null;
  gtu: string | null;
  splitPayment: number;
  category: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Whether answers may carry purchase prices (never for the helper profile). */
export interface Visibility {
  showCosts: boolean;
}

export function toProductRow(raw: RawProduct, { showCosts }: Visibility): ProductRow {
  const row: ProductRow = {
    id: raw.id,
    sku: raw.sku,
    name: raw.name,
    ean: raw.ean,
    unit: raw.unit,
    vatRate: raw.vatRate as VatRate,
    locationId: raw.locationId,
    locationCode: raw.locationCode,
    onHand: raw.onHand,
    reserved: raw.reserved,
    available: raw.onHand - raw.reserved,
    reorderPoint: raw.reorderPoint,
    salePriceGrosze: raw.salePriceGrosze,
    allowBackorder: raw.allowBackorder === 1,
    archived: raw.archived === 1,
  };
  // The key is left out (not set to null) so the helper's answer does not even say a price exists.
  if (showCosts) row.purchasePriceGrosze = raw.purchasePriceGrosze;
  return row;
}

const statementCache = new WeakMap<SqliteDatabase, Map<string, Statement>>();

/** A prepared statement, compiled once per connection and SQL text. */
export function prepared(sqlite: SqliteDatabase, sql: string): Statement {
  let cache = statementCache.get(sqlite);
  if (!cache) statementCache.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size > 500) cache.clear();
    statement = sqlite.prepare<unknown[], unknown>(sql);
    cache.set(sql, statement);
  }
  return statement;
}

export function findProduct(sqlite: SqliteDatabase, id: number): RawProduct | undefined {
  return prepared(sqlite, `SELECT ${PRODUCT_SELECT} FROM ${PRODUCT_FROM} WHERE p.id = ?`).get(id) as RawProduct | undefined;
}

/**
 * The product a scanner (or a person) named exactly: by EAN first (what scanners type), then by SKU
 * case-insensitively. Archived products are found too — a scanned item is physically here.
 */
export function findByCode(sqlite: SqliteDatabase, code: string): { raw: RawProduct; matchedBy: 'ean' | 'sku' } | null {
  const text = code.trim();
  if (/^\d+$/.test(text)) {
    const byEan = prepared(sqlite, `SELECT ${PRODUCT_SELECT} FROM ${PRODUCT_FROM} WHERE p.ean = ? ORDER BY p.archived, p.id LIMIT 1`).get(text) as RawProduct | undefined;
    if (byEan) return { raw: byEan, matchedBy: 'ean' };
  }
  const bySku =
    (prepared(sqlite, `SELECT ${PRODUCT_SELECT} FROM ${PRODUCT_FROM} WHERE p.sku = ?`).get(text) as RawProduct | undefined) ??
    (prepared(sqlite, `SELECT ${PRODUCT_SELECT} FROM ${PRODUCT_FROM} WHERE p.sku = ? COLLATE NOCASE ORDER BY p.id LIMIT 1`).get(text) as RawProduct | undefined);
  return bySku ? { raw: bySku, matchedBy: 'sku' } : null;
}
