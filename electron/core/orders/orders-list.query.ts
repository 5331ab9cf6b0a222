import type { z } from 'zod';
import type { OrderSortField, ordersListInput, OrdersListOutput } from '../../../shared/contract/orders.contract';
import { OPEN_ORDER_STATUSES, type OrderStatus } from '../../../shared/domain/order-status';
import type { SqliteDatabase } from '../db/connection';
import { prepared } from '../stock/product.repository';
import { flushSearchIndexes } from '../stock/search-index';
import { ftsPrefixQuery, indexableWords, prefixUpperBound, registerSearchFunctions, searchWords } from '../stock/search-text';
import { CASH_ON_DELIVERY, ORDER_LIST_COLUMNS, type RawOrder, toOrderRows } from './order-row';
import { overdueStartBoundary, shiftDate, startOfWarsawDay } from './warsaw-day';

export type OrdersListQuery = z.output<typeof ordersListInput>;

/**
 * The order list at a million orders. Every page is one indexed read of about a page of rows:
 *
 * - No search: WHERE on the status and the other filters, ORDER BY an indexed column, LIMIT/OFFSET
 *   (indexes orders_status_bought, orders_bought, orders_open_* from the migrations).
 * - Search, sorted by purchase date (the default): the buyer words are answered by the `order_search`
 *   FTS5 index, whose rowid is a purchase-ordered key that contains the order id, and whose `st` column
 *   holds the status — so "status new, name starts with kowa, newest first" reads the index backwards and
 *   stops after one page. Orders found by number or SKU (B-tree prefix ranges) are merged in by the same key.
 * - Search with another sort: the matching ids are collected (at most FTS_CANDIDATE_LIMIT) and sorted; a
 *   broader search walks the sort index and tests each row instead (zap_words_match / EXISTS on lines).
 *
 * Within one second of purchase time, search results sort by order number (the key keeps seconds).
 */

const KEY_SQL = `(max(0, coalesce(CAST(strftime('%s', o.bought_at) AS INTEGER), 0) - 946684800) * 2147483648 + o.id)`;
const ID_MASK = 2147483647;
/** Orders the tests make to have more matches than the old collected plan took (kept for them). */
export const CANDIDATE_LIMIT = 1000;
/**
 * Buyer-word matches collected from the FTS index (ids only) for a search sorted by another column. Reading
 * 20 000 ids and sorting their rows takes ~10-30 ms at 100k orders; the walk it replaces (every order in
 * the sort's order, each tested by zap_words_match) took 2.5-3.7 s for "kowal" sorted by amount.
 */
export const FTS_CANDIDATE_LIMIT = 20_000;
/**
 * Order lines read for a SKU search before it counts as broad. Reading them is cheap (covering index);
 * sorting up to two thousand orders costs ~1-2 ms, while walking years of shipped orders for a SKU in
 * 0.1 % of them would read tens of thousands of rows.
 */
export const SKU_LINE_LIMIT = 2000;
/**
 * Counting stops here (the screen says "more than …"). Status and date filters are counted on their
 * index alone, so up to COUNT_CAP; filters that need each order's row (payment, invoice, carrier…) and
 * searches stop sooner, at ROW_COUNT_CAP, to keep a page well under the 5 ms budget.
 */
export const COUNT_CAP = 10_000;
export const ROW_COUNT_CAP = 500;

/** ORDER BY per sortable column; each has an index giving its order (tests: order-sort-indexes.test.ts). */
export const ORDER_BY: Record<OrderSortField, (dir: string) => string> = {
  boughtAt: (d) => `o.bought_at ${d}, o.id ${d}`,
  // The expression of index orders_open_dispatch: missing promises sort after every real date.
  dispatchBy: (d) => `coalesce(o.dispatch_by, '9999-12-31') ${d}, o.id ${d}`,
  total: (d) => `o.total_to_pay_grosze ${d}, o.id ${d}`,
  id: (d) => `o.id ${d}`,
  buyer: (d) => `o.buyer_login COLLATE NOCASE ${d}, o.id ${d}`,
  status: (d) => `o.status ${d}, o.bought_at ${d}, o.id ${d}`,
};

interface Clauses {
  sql: string[];
  params: unknown[];
}

function statusSet(input: OrdersListQuery): OrderStatus[] | null {
  const list = input.status && input.status.length > 0 ? [...new Set(input.status)] : null;
  return list;
}

/** Filters other than the search; `o` is the orders table. */
function rowFilters(input: OrdersListQuery, ctx: { now: Date; handlingTimeDays: number }, withStatus: boolean): Clauses {
  const sql: string[] = [];
  const params: unknown[] = [];
  const statuses = statusSet(input);
  if (withStatus && statuses) {
    sql.push(`o.status IN (${statuses.map(() => '?').join(',')})`);
    params.push(...statuses);
  }
  const open = statuses !== null && statuses.every((s) => OPEN_ORDER_STATUSES.includes(s));
  if (withStatus && (open || input.overdue === true)) {
    // Repeats the partial indexes' condition word for word so the planner may use them.
    sql.push(`o.status IN ('new','to_pick','packed','on_hold')`);
  }
  if (input.from) {
    sql.push('o.bought_at >= ?');
    params.push(startOfWarsawDay(input.from));
  }
  if (input.to) {
    sql.push('o.bought_at < ?');
    params.push(startOfWarsawDay(shiftDate(input.to, 1)));
  }
  if (input.carriers && input.carriers.length > 0) {
    sql.push(`o.carrier IN (${input.carriers.map(() => '?').join(',')})`);
    params.push(...input.carriers);
  }
  if (input.deliveryMethods && input.deliveryMethods.length > 0) {
    sql.push(`o.delivery_method_name IN (${input.deliveryMethods.map(() => '?').join(',')})`);
    params.push(...input.deliveryMethods);
  }
  if (input.payment === 'cod') {
    sql.push('o.payment_type = ?');
    params.push(CASH_ON_DELIVERY);
  } else if (input.payment === 'paid') {
    sql.push('o.paid_at IS NOT NULL AND o.payment_type IS NOT ?');
    params.push(CASH_ON_DELIVERY);
  } else if (input.payment === 'unpaid') {
    sql.push('o.paid_at IS NULL AND o.payment_type IS NOT ?');
    params.push(CASH_ON_DELIVERY);
  }
  if (input.invoice !== undefined) sql.push(input.invoice ? 'o.invoice_required = 1' : 'o.invoice_required = 0');
  if (input.overdue !== undefined) {
    // Same rule as isOverdue(): open and past the promise; a missing promise is computed from the
    // shop's handling time, which in SQL becomes one boundary on the payment/purchase time.
    const overdue = `(o.status IN ('new','to_pick','packed','on_hold') AND (coalesce(o.dispatch_by, '9999-12-31') < ? OR (o.dispatch_by IS NULL AND coalesce(o.paid_at, o.bought_at) < ?)))`;
    sql.push(input.overdue ? overdue : `NOT ${overdue}`);
    params.push(ctx.now.toISOString(), overdueStartBoundary(ctx.now, ctx.handlingTimeDays));
  }
  return { sql, params };
}

/** Only the status and the purchase date: both are in orders_status_bought / orders_bought. */
function indexOnlyFilters(input: OrdersListQuery): boolean {
  return !input.carriers?.length && !input.deliveryMethods?.length && input.payment === undefined && input.invoice === undefined && input.overdue === undefined;
}

const where = (parts: string[]) => (parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '');

interface SearchSources {
  words: string[];
  /** FTS5 MATCH text: buyer words, plus the status restriction when filtered. */
  match: string | null;
  /** FTS matches must also pass the row test (a one-letter word was left out of the MATCH). */
  rowTest: boolean;
  /** Orders found by number (ours, Allegro's beginning) and by SKU / offer signature. */
  directIds: number[];
  /** The SKU prefix matched more orders than CANDIDATE_LIMIT. */
  skuBroad: boolean;
  skuRange: [string, string] | null;
}

function searchSources(sqlite: SqliteDatabase, text: string, statuses: OrderStatus[] | null): SearchSources {
  const words = searchWords(text);
  const { ftsWords, rowTest } = indexableWords(words);
  const fts = ftsPrefixQuery(ftsWords);
  const statusMatch = statuses ? ` AND st : (${statuses.map((s) => `xs${s.replace('_', '')}`).join(' OR ')})` : '';
  const match = fts ? `doc : (${fts})${statusMatch}` : null;
  const direct = new Set<number>();
  const compact = text.trim();
  if (/^\d{1,15}$/.test(compact)) direct.add(Number(compact));
  let skuBroad = false;
  let skuRange: [string, string] | null = null;
  const upper = prefixUpperBound(compact);
  if (upper && !/\s/.test(compact)) {
    if (compact.length >= 4) {
      const byAllegro = prepared(sqlite, `SELECT id FROM orders WHERE allegro_order_id >= ? COLLATE NOCASE AND allegro_order_id < ? COLLATE NOCASE LIMIT 200`).all(compact, upper) as Array<{ id: number }>;
      for (const r of byAllegro) direct.add(r.id);
    }
    if (compact.length >= 2) {
      skuRange = [compact, upper];
      const bySku = prepared(
        sqlite,
        // By the beginning of the offer signature written on the line (covering index, no line reads), and
        // by the exact SKU of the matched product (lines linked by EAN or by hand carry another signature).
        // UNION ALL streams and stops at the LIMIT (UNION would first collect every matching line).
        `SELECT order_id AS id FROM order_lines WHERE external_id >= @lo COLLATE NOCASE AND external_id < @hi COLLATE NOCASE
         UNION ALL
         SELECT l.order_id FROM order_lines l WHERE l.product_id IN (SELECT id FROM products WHERE sku = @lo COLLATE NOCASE)
         LIMIT ${SKU_LINE_LIMIT + 1}`,
      ).all({ lo: compact, hi: upper }) as Array<{ id: number }>;
      // Reaching the LIMIT means more lines exist than were read: the set is incomplete, so walk instead.
      if (bySku.length > SKU_LINE_LIMIT) skuBroad = true;
      else for (const r of bySku) direct.add(r.id);
    }
  }
  return { words, match, rowTest, directIds: [...direct], skuBroad, skuRange };
}

/** The buyer text the FTS index holds, for row-by-row tests (zap_words_match folds like the tokenizer). */
const BUYER_DOC = `coalesce(o.buyer_login,'') || ' ' || coalesce(o.buyer_name,'') || ' ' || coalesce(o.invoice_company_name,'')`;

export interface ListContext {
  now: Date;
  handlingTimeDays: number;
}

/**
 * The index a page without a search is read through, when the planner would choose worse. Open orders in
 * promise order: it would rather sort the status range than walk the partial expression index (measured
 * at 1M: 6-13 ms vs 0.05 ms). A status filter sorted by amount or buyer: the literal open-status term
 * draws it to the open orders' partial index and a sort of every matching row (at 1M: 20-60 ms), while
 * (status, amount) / (status, buyer) give each status's range in order, merged (0.1 ms; migration
 * 2026-12-07-19-order-sort-indexes). Named only with no filter but status: a date range or a row
 * filter may be served better by another index.
 */
export function sortIndexHint(sqlite: SqliteDatabase, input: OrdersListQuery, statuses: OrderStatus[] | null): string {
  const openOnly = (statuses !== null && statuses.every((st) => OPEN_ORDER_STATUSES.includes(st))) || input.overdue === true;
  if (input.sort.field === 'dispatchBy' && openOnly) return 'INDEXED BY orders_open_dispatch';
  if (statuses === null || !indexOnlyFilters(input) || input.from || input.to) return '';
  const index = input.sort.field === 'total' ? 'orders_status_total' : input.sort.field === 'buyer' ? 'orders_status_buyer' : null;
  return index && hasIndex(sqlite, index) ? `INDEXED BY ${index}` : '';
}

const indexes = new WeakMap<SqliteDatabase, Map<string, boolean>>();

/** Whether the shop has this index (a development copy migrated before it was added lacks it; INDEXED BY a missing index is an error). */
function hasIndex(sqlite: SqliteDatabase, name: string): boolean {
  let known = indexes.get(sqlite);
  if (!known) indexes.set(sqlite, (known = new Map()));
  let has = known.get(name);
  if (has === undefined) {
    has = prepared(sqlite, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) !== undefined;
    known.set(name, has);
  }
  return has;
}

/** The SQL of a page's ids without a search (the deferred join's inner query), for tests of its plan. */
export function pageIdsSql(sqlite: SqliteDatabase, input: OrdersListQuery, ctx: ListContext): { sql: string; params: unknown[] } {
  const f = rowFilters(input, ctx, true);
  const dir = input.sort.dir === 'asc' ? 'ASC' : 'DESC';
  return { sql: `SELECT o.id FROM orders o ${sortIndexHint(sqlite, input, statusSet(input))} ${where(f.sql)} ORDER BY ${ORDER_BY[input.sort.field](dir)} LIMIT ? OFFSET ?`, params: [...f.params, input.limit, input.offset] };
}

export function listOrders(sqlite: SqliteDatabase, input: OrdersListQuery, ctx: ListContext): OrdersListOutput {
  registerSearchFunctions(sqlite);
  const dir = input.sort.dir === 'asc' ? 'ASC' : 'DESC';
  const text = input.search?.trim() ?? '';
  const statuses = statusSet(input);
  let raws: RawOrder[];
  let total: number;
  let totalExact: boolean;

  if (!text) {
    const f = rowFilters(input, ctx, true);
    const order = ORDER_BY[input.sort.field](dir);
    // Deferred join: a deep offset is skipped on the index (ids only), full rows are read for the page.
    // The literal open-status term that makes the partial indexes usable is always present when the
    // filter is open orders only (see rowFilters).
    const hint = sortIndexHint(sqlite, input, statuses);
    raws = prepared(
      sqlite,
      `SELECT ${ORDER_LIST_COLUMNS} FROM orders o WHERE o.id IN (SELECT o.id FROM orders o ${hint} ${where(f.sql)} ORDER BY ${order} LIMIT ? OFFSET ?) ORDER BY ${order}`,
    ).all(...f.params, input.limit, input.offset) as RawOrder[];
    const cap = indexOnlyFilters(input) ? COUNT_CAP : ROW_COUNT_CAP;
    const counted = (prepared(sqlite, `SELECT count(*) AS n FROM (SELECT 1 FROM orders o ${where(f.sql)} LIMIT ${cap + 1})`).get(...f.params) as { n: number }).n;
    total = Math.min(counted, cap);
    totalExact = counted <= cap;
  } else {
    flushSearchIndexes(sqlite);
    const s = searchSources(sqlite, text, statuses);
    const filtersNoStatus = rowFilters(input, ctx, false);
    const filters = rowFilters(input, ctx, true);
    if (!s.skuBroad && input.sort.field === 'boughtAt') {
      ({ raws, total, totalExact } = keyOrderedSearch(sqlite, input, s, filtersNoStatus, filters, dir));
    } else {
      ({ raws, total, totalExact } = collectedSearch(sqlite, input, s, filters, dir));
    }
  }
  return { rows: toOrderRows(sqlite, raws, ctx.handlingTimeDays, ctx.now), total, totalExact };
}

type Page = { raws: RawOrder[]; total: number; totalExact: boolean };

/** Newest (or oldest) first by the purchase-ordered key: FTS stream merged with the direct hits. */
function keyOrderedSearch(sqlite: SqliteDatabase, input: OrdersListQuery, s: SearchSources, filtersNoStatus: Clauses, filters: Clauses, dir: string): Page {
  const need = input.offset + input.limit;
  type Keyed = RawOrder & { k: number };
  let fromFts: Keyed[] = [];
  if (s.match) {
    // The status is inside the MATCH (st column), so only the other filters are tested per row.
    fromFts = prepared(
      sqlite,
      `SELECT ${ORDER_LIST_COLUMNS}, s.rowid AS k FROM order_search s JOIN orders o ON o.id = (s.rowid & ${ID_MASK})
       ${where(['order_search MATCH ?', s.rowTest ? `zap_words_match(${BUYER_DOC}, ?)` : '1', ...filtersNoStatus.sql])} ORDER BY s.rowid ${dir} LIMIT ?`,
    ).all(s.match, ...(s.rowTest ? [JSON.stringify(s.words)] : []), ...filtersNoStatus.params, need) as Keyed[];
  }
  let fromDirect: Keyed[] = [];
  if (s.directIds.length > 0) {
    fromDirect = prepared(
      sqlite,
      `SELECT ${ORDER_LIST_COLUMNS}, ${KEY_SQL} AS k FROM orders o
       ${where(['o.id IN (SELECT value FROM json_each(?))', ...filters.sql])} ORDER BY k ${dir} LIMIT ?`,
    ).all(JSON.stringify(s.directIds), ...filters.params, need) as Keyed[];
  }
  const merged = new Map<number, Keyed>();
  for (const r of [...fromFts, ...fromDirect]) merged.set(r.id, r);
  const sorted = [...merged.values()].sort((a, b) => (dir === 'ASC' ? a.k - b.k : b.k - a.k));
  const raws = sorted.slice(input.offset, need).map(({ k: _k, ...raw }) => raw);

  // Count up to ROW_COUNT_CAP distinct matches (beyond that "more than 500"). Without other filters the
  // FTS index alone answers (status is inside the MATCH); with them each match costs a row read.
  const parts: string[] = [];
  const params: unknown[] = [];
  if (s.match) {
    parts.push(
      filtersNoStatus.sql.length === 0 && !s.rowTest
        ? `SELECT rowid & ${ID_MASK} AS id FROM order_search WHERE order_search MATCH ?`
        : `SELECT o.id FROM order_search s JOIN orders o ON o.id = (s.rowid & ${ID_MASK}) ${where(['order_search MATCH ?', s.rowTest ? `zap_words_match(${BUYER_DOC}, ?)` : '1', ...filtersNoStatus.sql])}`,
    );
    params.push(s.match, ...(s.rowTest ? [JSON.stringify(s.words)] : []), ...filtersNoStatus.params);
  }
  if (s.directIds.length > 0) {
    parts.push(`SELECT o.id FROM orders o ${where(['o.id IN (SELECT value FROM json_each(?))', ...filters.sql])}`);
    params.push(JSON.stringify(s.directIds), ...filters.params);
  }
  if (parts.length === 0) return { raws, total: 0, totalExact: true };
  if (sorted.length < need) return { raws, total: sorted.length, totalExact: true };
  const counted = (prepared(sqlite, `SELECT count(*) AS n FROM (${parts.join(' UNION ')} LIMIT ${ROW_COUNT_CAP + 1})`).get(...params) as { n: number }).n;
  return { raws, total: Math.max(Math.min(counted, ROW_COUNT_CAP), sorted.length), totalExact: counted <= ROW_COUNT_CAP };
}

/** Any other sort: sort the (few) candidates, or walk the sort order testing rows when there are many. */
function collectedSearch(sqlite: SqliteDatabase, input: OrdersListQuery, s: SearchSources, filters: Clauses, dir: string): Page {
  const orderBy = ORDER_BY[input.sort.field](dir);
  let ftsIds: number[] = [];
  let broad = s.skuBroad;
  if (s.match && !broad) {
    const rows = (
      s.rowTest
        ? prepared(sqlite, `SELECT o.id FROM order_search s JOIN orders o ON o.id = (s.rowid & ${ID_MASK}) WHERE order_search MATCH ? AND zap_words_match(${BUYER_DOC}, ?) LIMIT ${FTS_CANDIDATE_LIMIT + 1}`).all(s.match, JSON.stringify(s.words))
        : prepared(sqlite, `SELECT rowid & ${ID_MASK} AS id FROM order_search WHERE order_search MATCH ? LIMIT ${FTS_CANDIDATE_LIMIT + 1}`).all(s.match)
    ) as Array<{ id: number }>;
    ftsIds = rows.map((r) => r.id);
    if (ftsIds.length > FTS_CANDIDATE_LIMIT) broad = true;
  }
  if (!broad) {
    const ids = JSON.stringify([...new Set([...ftsIds, ...s.directIds])]);
    const w = where(['o.id IN (SELECT value FROM json_each(?))', ...filters.sql]);
    const raws = prepared(sqlite, `SELECT ${ORDER_LIST_COLUMNS} FROM orders o ${w} ORDER BY ${orderBy} LIMIT ? OFFSET ?`).all(ids, ...filters.params, input.limit, input.offset) as RawOrder[];
    const total = (prepared(sqlite, `SELECT count(*) AS n FROM orders o ${w}`).get(ids, ...filters.params) as { n: number }).n;
    return { raws, total, totalExact: true };
  }
  // Broad: test each row in sort order. The same matching rules as the indexes: buyer words
  // (zap_words_match folds like the FTS tokenizer), order numbers, SKU / signature prefixes.
  const tests: string[] = [];
  const params: unknown[] = [];
  if (s.words.length > 0) {
    tests.push(`zap_words_match(${BUYER_DOC}, ?)`);
    params.push(JSON.stringify(s.words));
  }
  if (s.directIds.length > 0) {
    tests.push('o.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(s.directIds));
  }
  if (s.skuRange) {
    tests.push(`EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND ((l.external_id >= ? COLLATE NOCASE AND l.external_id < ? COLLATE NOCASE)
      OR l.product_id IN (SELECT id FROM products WHERE sku = ? COLLATE NOCASE)))`);
    params.push(s.skuRange[0], s.skuRange[1], s.skuRange[0]);
  }
  const w = where([...filters.sql, `(${tests.join(' OR ')})`]);
  const raws = prepared(sqlite, `SELECT ${ORDER_LIST_COLUMNS} FROM orders o ${w} ORDER BY ${orderBy} LIMIT ? OFFSET ?`).all(
    ...filters.params,
    ...params,
    input.limit + 1,
    input.offset,
  ) as RawOrder[];
  const more = raws.length > input.limit;
  return { raws: raws.slice(0, input.limit), total: input.offset + Math.min(raws.length, input.limit) + (more ? 1 : 0), totalExact: false };
}
