import type { z } from 'zod';
import type { ProductRow, StockSortField, stockListInput } from '../../../shared/contract/stock.contract';
import type { SqliteDatabase } from '../db/connection';
import { PRODUCT_FROM, PRODUCT_SELECT, prepared, type RawProduct, toProductRow, type Visibility } from './product.repository';
import { flushSearchIndexes } from './search-index';
import { ftsPrefixQuery, indexableWords, prefixUpperBound, registerSearchFunctions, searchWords } from './search-text';

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
const NULLS_LAST: ReadonlySet<StockSortField> = new Set(['ean', 'location', 'salePrice', 'purchasePrice']);

/**
 * With an explicit column sort, a search collects at most this many candidates and sorts them; above it
 * the list walks the column's index and tests each row instead.
 */
export const CANDIDATE_LIMIT = 2000;
/** Counting stops here; the screen then says "more than 10 000". */
export const COUNT_CAP = 10_000;
/** Searches count fewer: each counted match may cost a row read. */
export const SEARCH_COUNT_CAP = 200;

export interface StockListResult {
  rows: ProductRow[];
  total: number;
  totalExact: boolean;
}

interface Clauses {
  sql: string[];
  params: unknown[];
}

function filterClauses(input: StockListQuery): Clauses {
  const sql: string[] = [];
  const params: unknown[] = [];
  sql.push(input.filter === 'archived' ? 'p.archived = 1' : 'p.archived = 0');
  // These two expressions are the partial indexes' WHERE clauses, word for word: SQLite uses a partial
  // index only when the query repeats its condition.
  if (input.filter === 'low') sql.push('p.on_hand - p.reserved < p.reorder_point');
  if (input.filter === 'out') sql.push('p.on_hand - p.reserved <= 0');
  if (input.filter === 'noLocation') sql.push('p.default_location_id IS NULL');
  if (input.locationId !== undefined) {
    sql.push('p.default_location_id = ?');
    params.push(input.locationId);
  }
  if (input.category !== undefined && input.category !== '') {
    // Served by the partial index products_category (migration 2026-12-07-22).
    sql.push('p.category IS NOT NULL AND p.category = ?');
    params.push(input.category);
  }
  return { sql, params };
}

const where = (parts: string[]) => (parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '');

interface Search {
  text: string;
  upper: string | null;
  words: string[];
  fts: string | null;
  /** FTS matches must also pass zap_words_match on the name (see indexableWords). */
  rowTest: boolean;
  digits: boolean;
}

function parseSearch(raw: string | undefined): Search | null {
  const text = raw?.trim() ?? '';
  if (!text) return null;
  const words = searchWords(text);
  const { ftsWords, rowTest } = indexableWords(words);
  return { text, upper: prefixUpperBound(text), words, fts: ftsPrefixQuery(ftsWords), rowTest, digits: /^\d+$/.test(text) };
}

/** Candidate ids from the indexes: FTS name words, SKU prefix, EAN prefix (UNION ALL: streams, may repeat). */
function candidateSql(s: Search): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (s.fts && s.rowTest) {
    parts.push('SELECT s.rowid AS id FROM product_search s JOIN products p ON p.id = s.rowid WHERE product_search MATCH ? AND zap_words_match(p.name, ?)');
    params.push(s.fts, JSON.stringify(s.words));
  } else if (s.fts) {
    parts.push('SELECT rowid AS id FROM product_search WHERE product_search MATCH ?');
    params.push(s.fts);
  }
  if (s.upper) {
    parts.push('SELECT id FROM products WHERE sku >= ? COLLATE NOCASE AND sku < ? COLLATE NOCASE');
    params.push(s.text, s.upper);
    if (s.digits) {
      parts.push('SELECT id FROM products WHERE ean >= ? AND ean < ?');
      params.push(s.text, s.upper);
    }
  }
  return { sql: parts.join(' UNION ALL '), params };
}

function selectPage(sqlite: SqliteDatabase, clauses: Clauses, orderBy: string, limit: number, offset: number): RawProduct[] {
  // Deferred join: the offset is skipped on the index (ids only); full rows are read for the page alone.
  return prepared(
    sqlite,
    `SELECT ${PRODUCT_SELECT} FROM ${PRODUCT_FROM}
     WHERE p.id IN (SELECT p.id FROM ${PRODUCT_FROM} ${where(clauses.sql)} ORDER BY ${orderBy} LIMIT ? OFFSET ?)
     ORDER BY ${orderBy}`,
  ).all(...clauses.params, limit, offset) as RawProduct[];
}

function countCapped(sqlite: SqliteDatabase, clauses: Clauses, cap: number): { total: number; totalExact: boolean } {
  const n = (prepared(sqlite, `SELECT count(*) AS n FROM (SELECT 1 FROM products p ${where(clauses.sql)} LIMIT ${cap + 1})`).get(...clauses.params) as { n: number }).n;
  return { total: Math.min(n, cap), totalExact: n <= cap };
}

/**
 * One page of the stock table. Plans:
 * - no search: filters + ORDER BY an indexed column + LIMIT/OFFSET;
 * - search, no column sort (what typing into the box does): relevance tiers — exact SKU/EAN, names
 *   starting with the text, SKUs/EANs starting with it, then names with a word starting with it — each
 *   tier read in its own index order and stopped after one page, so it costs about a page of rows however
 *   common the word is;
 * - search sorted by a column: the candidates (≤ CANDIDATE_LIMIT) are sorted; for more, the column's
 *   index is walked and each row tested (zap_words_match etc.).
 */
export function listProducts(sqlite: SqliteDatabase, input: StockListQuery, visibility: Visibility): StockListResult {
  registerSearchFunctions(sqlite);
  const filters = filterClauses(input);
  const search = parseSearch(input.search);
  if (search) flushSearchIndexes(sqlite);
  let page: { raws: RawProduct[]; total: number; totalExact: boolean };
  if (!search) {
    const sort = input.sort ?? { field: 'name', dir: 'asc' };
    const raws = selectPage(sqlite, filters, orderBy(sort), input.limit, input.offset);
    page = { raws, ...countCapped(sqlite, filters, COUNT_CAP) };
  } else if (!input.sort) {
    page = relevancePage(sqlite, input, filters, search);
  } else {
    page = sortedSearchPage(sqlite, input, input.sort, filters, search);
  }
  return { rows: page.raws.map((r) => toProductRow(r, visibility)), total: page.total, totalExact: page.totalExact };
}

function orderBy(sort: { field: StockSortField; dir: 'asc' | 'desc' }): string {
  const dir = sort.dir === 'desc' ? 'DESC' : 'ASC';
  return `${ORDER[sort.field]} ${dir}${NULLS_LAST.has(sort.field) ? ' NULLS LAST' : ''}, p.id ${dir}`;
}

function relevancePage(sqlite: SqliteDatabase, input: StockListQuery, filters: Clauses, s: Search): { raws: RawProduct[]; total: number; totalExact: boolean } {
  const need = input.offset + input.limit;
  const tiers: RawProduct[][] = [];
  let exhausted = true;
  const tier = (condition: string, params: unknown[], order: string, from = PRODUCT_FROM) => {
    const rows = prepared(sqlite, `SELECT ${PRODUCT_SELECT} FROM ${from} ${where([condition, ...filters.sql])} ORDER BY ${order} LIMIT ?`).all(...params, ...filters.params, need) as RawProduct[];
    if (rows.length >= need) exhausted = false;
    tiers.push(rows);
  };
  // Two exact tiers rather than one OR: with OR the planner scans the table instead of both indexes.
  tier('p.sku = ? COLLATE NOCASE', [s.text], 'p.id');
  if (s.digits) tier('p.ean = ?', [s.text], 'p.id');
  if (s.upper) {
    tier('p.name >= ? COLLATE NOCASE AND p.name < ? COLLATE NOCASE', [s.text, s.upper], 'p.name COLLATE NOCASE, p.id');
    tier('p.sku >= ? COLLATE NOCASE AND p.sku < ? COLLATE NOCASE', [s.text, s.upper], 'p.sku COLLATE NOCASE, p.id');
    if (s.digits) tier('p.ean >= ? AND p.ean < ?', [s.text, s.upper], 'p.ean, p.id');
  }
  if (s.fts) {
    const from = `product_search s JOIN products p ON p.id = s.rowid LEFT JOIN locations l ON l.id = p.default_location_id`;
    if (s.rowTest) tier('product_search MATCH ? AND zap_words_match(p.name, ?)', [s.fts, JSON.stringify(s.words)], 's.rowid', from);
    else tier('product_search MATCH ?', [s.fts], 's.rowid', from);
  }
  const seen = new Set<number>();
  const merged: RawProduct[] = [];
  for (const rows of tiers) {
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      merged.push(row);
    }
  }
  const raws = merged.slice(input.offset, need);
  if (exhausted) return { raws, total: merged.length, totalExact: true };
  return { raws, ...countSearch(sqlite, filters, s, merged.length) };
}

/**
 * Distinct matches, counted up to SEARCH_COUNT_CAP by streaming each source and stopping early: name
 * words (FTS), then SKUs not already matched by name, then EANs matched by neither. Nothing is collected
 * first, so a word in 10 000 names costs as much as one in 200.
 */
function countSearch(sqlite: SqliteDatabase, filters: Clauses, s: Search, atLeast: number): { total: number; totalExact: boolean } {
  const cap = SEARCH_COUNT_CAP;
  let n = 0;
  const count = (sql: string, params: unknown[]) => (prepared(sqlite, `SELECT count(*) AS n FROM (${sql} LIMIT ${cap + 1 - n})`).get(...params) as { n: number }).n;
  const wordTest = s.fts ? 'zap_words_match(p.name, ?)' : '0';
  const wordParam = s.fts ? [JSON.stringify(s.words)] : [];
  if (s.fts) {
    n += count(`SELECT 1 FROM product_search s JOIN products p ON p.id = s.rowid ${where(['product_search MATCH ?', `${s.rowTest ? wordTest : '1'}`, ...filters.sql])}`, [
      s.fts,
      ...(s.rowTest ? wordParam : []),
      ...filters.params,
    ]);
  }
  if (s.upper && n <= cap) {
    n += count(`SELECT 1 FROM products p ${where(['p.sku >= ? COLLATE NOCASE AND p.sku < ? COLLATE NOCASE', `NOT ${wordTest}`, ...filters.sql])}`, [s.text, s.upper, ...wordParam, ...filters.params]);
  }
  if (s.upper && s.digits && n <= cap) {
    n += count(
      `SELECT 1 FROM products p ${where(['p.ean >= ? AND p.ean < ?', `NOT ${wordTest}`, 'NOT (p.sku >= ? COLLATE NOCASE AND p.sku < ? COLLATE NOCASE)', ...filters.sql])}`,
      [s.text, s.upper, ...wordParam, s.text, s.upper, ...filters.params],
    );
  }
  return { total: Math.max(Math.min(n, cap), atLeast), totalExact: n <= cap };
}

function sortedSearchPage(
  sqlite: SqliteDatabase,
  input: StockListQuery,
  sort: { field: StockSortField; dir: 'asc' | 'desc' },
  filters: Clauses,
  s: Search,
): { raws: RawProduct[]; total: number; totalExact: boolean } {
  registerSearchFunctions(sqlite);
  const candidates = candidateSql(s);
  const count = (prepared(sqlite, `SELECT count(*) AS n FROM (${candidates.sql} LIMIT ${CANDIDATE_LIMIT + 1})`).get(...candidates.params) as { n: number }).n;
  if (count <= CANDIDATE_LIMIT) {
    const clauses = { sql: [`p.id IN (${candidates.sql})`, ...filters.sql], params: [...candidates.params, ...filters.params] };
    const raws = selectPage(sqlite, clauses, orderBy(sort), input.limit, input.offset);
    return { raws, ...countCapped(sqlite, clauses, COUNT_CAP) };
  }
  // Broad: the same tests row by row, in the column's order.
  const tests: string[] = [];
  const params: unknown[] = [];
  if (s.fts) {
    tests.push('zap_words_match(p.name, ?)');
    params.push(JSON.stringify(s.words));
  }
  if (s.upper) {
    tests.push('(p.sku >= ? COLLATE NOCASE AND p.sku < ? COLLATE NOCASE)');
    params.push(s.text, s.upper);
    if (s.digits) {
      tests.push('(p.ean >= ? AND p.ean < ?)');
      params.push(s.text, s.upper);
    }
  }
  const clauses = { sql: [...filters.sql, `(${tests.join(' OR ')})`], params: [...filters.params, ...params] };
  const raws = prepared(sqlite, `SELECT ${PRODUCT_SELECT} FROM ${PRODUCT_FROM} ${where(clauses.sql)} ORDER BY ${orderBy(sort)} LIMIT ? OFFSET ?`).all(
    ...clauses.params,
    input.limit + 1,
    input.offset,
  ) as RawProduct[];
  const more = raws.length > input.limit;
  // Counting a broad search would test every product: say only what is known.
  return { raws: raws.slice(0, input.limit), total: input.offset + Math.min(raws.length, input.limit) + (more ? 1 : 0), totalExact: false };
}
