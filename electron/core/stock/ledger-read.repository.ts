import type { LedgerEntryRow } from '../../../shared/contract/stock.contract';
import type { LedgerKind } from '../../../shared/domain/order-status';
import type { SqliteDatabase } from '../db/connection';
import { prepared, type Visibility } from './product.repository';

/** Reads of the stock ledger for the screens (writes only through ledger.repository appendLedger). */

const LEDGER_SELECT = `
  e.id, e.created_at AS at, e.actor, e.kind, e.quantity, e.reason, e.document, e.location_id AS locationId,
  l.code AS locationCode, e.order_id AS orderId, e.return_id AS returnId, e.import_run_id AS importRunId,
  e.unit_cost_grosze AS unitCostGrosze`;

interface RawEntry extends Omit<LedgerEntryRow, 'kind' | 'unitCostGrosze'> {
  kind: string;
  unitCostGrosze: number | null;
}

function toEntry(raw: RawEntry, { showCosts }: Visibility): LedgerEntryRow {
  const { unitCostGrosze, ...rest } = raw;
  const entry: LedgerEntryRow = { ...rest, kind: raw.kind as LedgerKind };
  if (showCosts) entry.unitCostGrosze = unitCostGrosze;
  return entry;
}

/** A product's movements, newest first (index stock_ledger_product walked backwards). */
export function productHistory(sqlite: SqliteDatabase, productId: number, offset: number, limit: number, visibility: Visibility): { rows: LedgerEntryRow[]; total: number } {
  const rows = prepared(
    sqlite,
    `SELECT ${LEDGER_SELECT} FROM stock_ledger e LEFT JOIN locations l ON l.id = e.location_id
     WHERE e.product_id = ? ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?`,
  ).all(productId, limit, offset) as RawEntry[];
  const total = (prepared(sqlite, 'SELECT count(*) AS n FROM stock_ledger WHERE product_id = ?').get(productId) as { n: number }).n;
  return { rows: rows.map((r) => toEntry(r, visibility)), total };
}

export function entriesByIds(sqlite: SqliteDatabase, ids: readonly number[], visibility: Visibility): LedgerEntryRow[] {
  if (ids.length === 0) return [];
  const rows = sqlite
    .prepare(`SELECT ${LEDGER_SELECT} FROM stock_ledger e LEFT JOIN locations l ON l.id = e.location_id WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id`)
    .all(JSON.stringify(ids)) as RawEntry[];
  return rows.map((r) => toEntry(r, visibility));
}

/**
 * Units of a product on one shelf according to the ledger. Entries written without a shelf (imports,
 * sales) count on the product's home shelf; `locationId` null asks for them when it has no home shelf.
 */
export function quantityAt(sqlite: SqliteDatabase, productId: number, homeLocationId: number | null, locationId: number | null): number {
  const sum = (sql: string, ...params: unknown[]) => (prepared(sqlite, sql).get(...params) as { q: number | null }).q ?? 0;
  const unplaced = () => sum('SELECT SUM(quantity) AS q FROM stock_ledger WHERE product_id = ? AND location_id IS NULL', productId);
  if (locationId === null) return homeLocationId === null ? unplaced() : 0;
  const here = sum('SELECT SUM(quantity) AS q FROM stock_ledger WHERE product_id = ? AND location_id = ?', productId, locationId);
  return locationId === homeLocationId ? here + unplaced() : here;
}

/** Units per shelf for the product detail (zero shelves left out). */
export function quantitiesByLocation(
  sqlite: SqliteDatabase,
  productId: number,
  homeLocationId: number | null,
): Array<{ locationId: number | null; locationCode: string | null; quantity: number }> {
  const rows = prepared(
    sqlite,
    `SELECT e.location_id AS locationId, SUM(e.quantity) AS quantity FROM stock_ledger e WHERE e.product_id = ? GROUP BY e.location_id`,
  ).all(productId) as Array<{ locationId: number | null; quantity: number }>;
  const totals = new Map<number | null, number>();
  for (const row of rows) {
    const key = row.locationId ?? homeLocationId;
    totals.set(key, (totals.get(key) ?? 0) + row.quantity);
  }
  const codes = prepared(sqlite, 'SELECT code FROM locations WHERE id = ?');
  return [...totals.entries()]
    .filter(([, quantity]) => quantity !== 0)
    .map(([locationId, quantity]) => ({
      locationId,
      locationCode: locationId === null ? null : ((codes.get(locationId) as { code: string } | undefined)?.code ?? null),
      quantity,
    }))
    .sort((a, b) => (a.locationCode ?? '').localeCompare(b.locationCode ?? ''));
}
