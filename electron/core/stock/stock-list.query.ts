import type { z } from 'zod';
import type { ProductRow, StockSortField, stockListInput } from '../../../shared/contract/stock.contract';
import type { SqliteDatabase } from '../db/connection';
import { PRODUCT_FROM, PRODUCT_SELECT, prepared, type RawProduct, toProductRow, type Visibility } from './product.repository';
import { ftsPrefixQuery, prefixUpperBound, registerSearchFunctions, searchWords } from './search-text';

export type StockListQuery = z.output<typeof stockListInput>;

/**
 * ORDER BY per sortable column. Each matches an index of migration 2026-11-24-02-stock-orders exactly
 * (expression and collation), so a page is read from the index instead of sorting 100k rows; p.id breaks
 * ties so pages never overlap or skip a row.
 */
const ORDER: Record<StockSortField, string> = {
  sku: 'p.sku COLLATE NOCASE',
  name: 'p.name COLLATE NOCASE',
  ean: 'p.ean',
  location: 'l.code COLLATE NOCASE',
  onHand: 'p.on_hand',
  reserved: 'p.reserved',
  available: '(p.on_hand - p.reserved)',
  reorderPoint: 'p.reorder_point',
  salePrice: 'p.sale_price_grosze',
  purchasePrice: 'p.purchase_price_grosze',
};

/**
 * Above this many search candidates the list stops collecting and sorting them and walks the products
 * in sort order, testing each row instead (a one-letter search matches half the shop; the page of 50 is
 * then found after a few hundred rows).
 */
export const CANDIDATE_LIMIT = 2000;

/** Counting stops here; the screen then says "more than 10 000". */
export const COUNT_CAP = 10_000;

export interface StockListResult {
  rows: ProductRow[];
  total: number;
  totalExact: boolean;
}

interface Where {
  clauses: string[];
  params: unknown[];
}

function filterWhere(input: StockListQuery): Where {
  const clauses: string[] = [];
  const params: unknown[] = [];
  clauses.push(input.filter === 'archived' ? 'p.archived = 1' : 'p.archived = 0');
  // These two expressions are the partial indexes' WHERE clauses, word for word: SQLite uses a partial
  // index only when the query repeats its condition.
  if (input.filter === 'low') clauses.push('p.on_hand - p.reserved < p.reorder_point');
  if (input.filter === 'out') clauses.push('p.on_hand - p.reserved <= 0');
  if (input.filter === 'noLocation') clauses.push('p.default_location_id IS NULL');
  if (input.locationId !== undefined) {
    clauses.push('p.default_location_id = ?');
    params.push(input.locationId);
  }
  return { clauses, params };
}

interface SearchParts {
  /** Subquery yielding candidate product ids from the indexes (FTS names, SKU and EAN prefixes). */
  candidates: string;
  candidateParams: unknown[];
  /** The same test on one row, for the broad-term plan. */
  rowTest: string;
  rowParams: unknown[];
}

function searchParts(search: string): SearchParts | null {
  const text = search.trim();
  if (!text) return null;
  const words = searchWords(text);
  const fts = ftsPrefixQuery(words);
  const upper = prefixUpperBound(text);
  const parts: string[] = [];
  const candidateParams: unknown[] = [];
  const tests: string[] = [];
  const rowParams: unknown[] = [];
  if (fts) {
    parts.push('SELECT rowid AS id FROM product_search WHERE product_search MATCH ?');
    candidateParams.push(fts);
    tests.push('zap_words_match(p.name, ?)');
    rowParams.push(JSON.stringify(words));
  }
  if (upper) {
    parts.push('SELECT id FROM products WHERE sku >= ? COLLATE NOCASE AND sku < ? COLLATE NOCASE');
    candidateParams.push(text, upper);
    tests.push('(p.sku >= ? COLLATE NOCASE AND p.sku < ? COLLATE NOCASE)');
    rowParams.push(text, upper);
    if (/^\d+$/.test(text)) {
      parts.push('SELECT id FROM products WHERE ean >= ? AND ean < ?');
      candidateParams.push(text, upper);
      tests.push('(p.ean >= ? AND p.ean < ?)');
      rowParams.push(text, upper);
    }
  }
  if (parts.length === 0) return null;
  return { candidates: parts.join(' UNION '), candidateParams, rowTest: `(${tests.join(' OR ')})`, rowParams };
}

/**
 * One page of the stock table. Plans:
 * - no search: filters + ORDER BY an indexed column + LIMIT/OFFSET;
 * - search with few candidates (≤ CANDIDATE_LIMIT): the candidate ids come from the FTS and prefix
 *   indexes, then are filtered and sorted (at most 2000 rows: well under a millisecond);
 * - search with many candidates: walk the sort index and test each row (zap_words_match etc.).
 */
export function listProducts(sqlite: SqliteDatabase, input: StockListQuery, visibility: Visibility): StockListResult {
  registerSearchFunctions(sqlite);
  const where = filterWhere(input);
  const search = input.search ? searchParts(input.search) : null;
  let exactCount = true;
  if (search) {
    const candidateCount = (
      prepared(sqlite, `SELECT count(*) AS n FROM (SELECT id FROM (${search.candidates}) LIMIT ${CANDIDATE_LIMIT + 1})`).get(...search.candidateParams) as { n: number }
    ).n;
    if (candidateCount <= CANDIDATE_LIMIT) {
      where.clauses.push(`p.id IN (${search.candidates})`);
      where.params.push(...search.candidateParams);
    } else {
      where.clauses.push(search.rowTest);
      where.params.push(...search.rowParams);
      exactCount = false;
    }
  }
  const dir = input.sort.dir === 'desc' ? 'DESC' : 'ASC';
  // Sorting by price puts products without a price last either way (people look for the numbers).
  const nullsLast = input.sort.field === 'salePrice' || input.sort.field === 'purchasePrice' || input.sort.field === 'ean' || input.sort.field === 'location';
  const orderField = ORDER[input.sort.field];
  const orderBy = `${orderField} ${dir}${nullsLast ? ' NULLS LAST' : ''}, p.id ${dir}`;
  const whereSql = where.clauses.length > 0 ? `WHERE ${where.clauses.join(' AND ')}` : '';
  const rows = prepared(sqlite, `SELECT ${PRODUCT_SELECT} FROM ${PRODUCT_FROM} ${whereSql} ORDER BY ${orderBy} LIMIT ? OFFSET ?`).all(
    ...where.params,
    input.limit,
    input.offset,
  ) as RawProduct[];

  let total: number;
  let totalExact: boolean;
  if (exactCount) {
    const counted = (
      prepared(sqlite, `SELECT count(*) AS n FROM (SELECT 1 FROM products p ${whereSql} LIMIT ${COUNT_CAP + 1})`).get(...where.params) as { n: number }
    ).n;
    total = Math.min(counted, COUNT_CAP);
    totalExact = counted <= COUNT_CAP;
  } else {
    // Counting a broad search would test every product: say only what is known.
    total = input.offset + rows.length + (rows.length === input.limit ? 1 : 0);
    totalExact = false;
  }
  return { rows: rows.map((r) => toProductRow(r, visibility)), total, totalExact };
}
