import type { VatRate } from '../../../shared/domain/vat';
import type { SqliteDatabase } from '../db/connection';
import { whenIdle } from '../db/idle';
import { AdaptiveStep } from './adaptive-step';
import { Pacer } from './pacer';
import { inPeriod, localDate, type MonthPeriod } from './period';
import type { RegisterWarning, SourceReturn, SourceSale } from './register.types';
import { parseVatRate } from './vat-rate-text';

/**
 * Only what the register uses, read with raw prepared statements: a busy month is tens of thousands of
 * orders, and a query builder's per-row mapping (and selecting the raw JSON) would cost more than the
 * export itself. Columns are aliased to the names the rest of the code uses.
 */
const ORDER_SELECT = `SELECT id, allegro_order_id AS allegroOrderId, status, allegro_status AS allegroStatus, marketplace,
  document_number AS documentNumber, invoice_required AS invoiceRequired, bought_at AS boughtAt, paid_at AS paidAt,
  buyer_name AS buyerName, buyer_login AS buyerLogin, invoice_company_name AS invoiceCompanyName,
  invoice_first_name AS invoiceFirstName, invoice_last_name AS invoiceLastName, invoice_tax_id AS invoiceTaxId,
  invoice_country AS invoiceCountry, invoice_street AS invoiceStreet, invoice_zip AS invoiceZip, invoice_city AS invoiceCity,
  delivery_first_name AS deliveryFirstName, delivery_last_name AS deliveryLastName, delivery_street AS deliveryStreet,
  delivery_zip AS deliveryZip, delivery_city AS deliveryCity, delivery_country AS deliveryCountry, delivery_phone AS deliveryPhone,
  payment_type AS paymentType, payment_provider AS paymentProvider, currency, total_to_pay_grosze AS totalToPayGrosze,
  delivery_cost_grosze AS deliveryCostGrosze,
  -- Allegro's invoice due date (EXTENDED_TERM) straight from the stored JSON, only where it matters.
  CASE WHEN payment_type = 'EXTENDED_TERM' AND json_valid(raw_json) THEN json_extract(raw_json, '$.invoice.dueDate') END AS dueDate
  FROM orders`;

/**
 * ORDER_SELECT for the month's ~200k orders: the same columns in the same order, but a text toSale()
 * would not read for that row comes back NULL, so no JS string is made for it — invoice fields without
 * an invoice, the delivery address with one, delivery names when the buyer's name is known, the
 * marketplace when a country is known. status and allegro_status are NULL as well: the month's query
 * applies the sale rule (IS_SALE_SQL) itself.
 */
const MONTH_ORDER_SELECT = `SELECT id, allegro_order_id AS allegroOrderId, NULL AS status, NULL AS allegroStatus,
  CASE WHEN (invoice_required = 1 AND invoice_country <> '') OR delivery_country <> '' THEN NULL ELSE marketplace END AS marketplace,
  document_number AS documentNumber, invoice_required AS invoiceRequired, bought_at AS boughtAt, paid_at AS paidAt,
  buyer_name AS buyerName, buyer_login AS buyerLogin,
  CASE WHEN invoice_required = 1 THEN invoice_company_name END AS invoiceCompanyName,
  CASE WHEN invoice_required = 1 THEN invoice_first_name END AS invoiceFirstName,
  CASE WHEN invoice_required = 1 THEN invoice_last_name END AS invoiceLastName,
  CASE WHEN invoice_required = 1 THEN invoice_tax_id END AS invoiceTaxId,
  CASE WHEN invoice_required = 1 THEN invoice_country END AS invoiceCountry,
  CASE WHEN invoice_required = 1 THEN invoice_street END AS invoiceStreet,
  CASE WHEN invoice_required = 1 THEN invoice_zip END AS invoiceZip,
  CASE WHEN invoice_required = 1 THEN invoice_city END AS invoiceCity,
  CASE WHEN buyer_name <> '' THEN NULL ELSE delivery_first_name END AS deliveryFirstName,
  CASE WHEN buyer_name <> '' THEN NULL ELSE delivery_last_name END AS deliveryLastName,
  CASE WHEN invoice_required = 1 THEN NULL ELSE delivery_street END AS deliveryStreet,
  CASE WHEN invoice_required = 1 THEN NULL ELSE delivery_zip END AS deliveryZip,
  CASE WHEN invoice_required = 1 THEN NULL ELSE delivery_city END AS deliveryCity,
  delivery_country AS deliveryCountry, delivery_phone AS deliveryPhone,
  payment_type AS paymentType, payment_provider AS paymentProvider, currency, total_to_pay_grosze AS totalToPayGrosze,
  delivery_cost_grosze AS deliveryCostGrosze,
  CASE WHEN payment_type = 'EXTENDED_TERM' AND json_valid(raw_json) THEN json_extract(raw_json, '$.invoice.dueDate') END AS dueDate
  FROM orders`;

/** Line rates the SQL can recognise as valid on sight (parseVatRate accepts them): no product lookup needed. */
const PLAIN_RATES = ['23', '8', '5', '0', 'zw', 'np', '23.00', '8.00', '5.00', '0.00'].map((r) => `'${r}'`).join(', ');

interface OrderRow {
  id: number;
  allegroOrderId: string | null;
  status: string;
  allegroStatus: string | null;
  marketplace: string | null;
  documentNumber: string | null;
  invoiceRequired: number;
  boughtAt: string;
  paidAt: string | null;
  buyerName: string | null;
  buyerLogin: string | null;
  invoiceCompanyName: string | null;
  invoiceFirstName: string | null;
  invoiceLastName: string | null;
  invoiceTaxId: string | null;
  invoiceCountry: string | null;
  invoiceStreet: string | null;
  invoiceZip: string | null;
  invoiceCity: string | null;
  deliveryFirstName: string | null;
  deliveryLastName: string | null;
  deliveryStreet: string | null;
  deliveryZip: string | null;
  deliveryCity: string | null;
  deliveryCountry: string | null;
  deliveryPhone: string | null;
  paymentType: string | null;
  paymentProvider: string | null;
  currency: string;
  totalToPayGrosze: number;
  deliveryCostGrosze: number | null;
  dueDate: unknown;
}

const LINE_SELECT = `SELECT l.id, l.order_id AS orderId, l.product_id AS productId, l.offer_id AS offerId, l.quantity,
  l.unit_price_grosze AS unitPriceGrosze, l.vat_rate AS vatRate, p.vat_rate AS productRate
  FROM order_lines l LEFT JOIN products p ON p.id = l.product_id`;

/**
 * Which orders are sales: checkout finished (Allegro's READY_FOR_PROCESSING, or an order entered in the
 * shop itself) and not cancelled. BOUGHT / FILLED_IN are unfinished checkouts; a cancelled order never
 * became a sale (a paid-then-cancelled order was refunded before anything shipped).
 */
const SALE_ALLEGRO_STATUSES = ['READY_FOR_PROCESSING'];

const MARKETPLACE_COUNTRY: Record<string, string> = { 'allegro-pl': 'PL', 'allegro-cz': 'CZ', 'allegro-sk': 'SK', 'allegro-hu': 'HU' };

const joinName = (...parts: Array<string | null>) => parts.filter((p) => p && p.trim() !== '').join(' ').trim();

interface LineRow {
  id: number;
  orderId: number;
  productId: number | null;
  offerId: string | null;
  quantity: number;
  unitPriceGrosze: number;
  vatRate: string | null;
  productRate: string | null;
}

function dueDateOf(order: OrderRow): string | null {
  return typeof order.dueDate === 'string' && /^\d{4}-\d{2}-\d{2}/.test(order.dueDate) ? order.dueDate : null;
}

/** Parsed rates by their text: a month has hundreds of thousands of lines and a handful of distinct rate texts. */
const parsedRates = new Map<string, VatRate | null>();

function cachedRate(text: string | null): VatRate | null {
  if (text === null) return null;
  let rate = parsedRates.get(text);
  if (rate === undefined) {
    rate = parseVatRate(text);
    if (parsedRates.size > 1000) parsedRates.clear();
    parsedRates.set(text, rate);
  }
  return rate;
}

/** Warnings of the month, at most one per order and code, in the order they were found. */
class Warnings {
  readonly list: RegisterWarning[] = [];
  private readonly seen = new Set<string>();

  once(code: RegisterWarning['code'], orderId: number): void {
    const key = `${code}|${orderId}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ code, orderId, reference: `ZAP-${orderId}` });
  }
}

/** The line's own rate, else the product's (with a warning), else 23% (with a warning to check). */
function lineRate(ownText: string | null, productText: string | null, orderId: number, warnings: Warnings): VatRate {
  const own = cachedRate(ownText);
  if (own) return own;
  const fromProduct = cachedRate(productText);
  if (fromProduct) {
    warnings.once('rate_from_product', orderId);
    return fromProduct;
  }
  warnings.once('rate_assumed', orderId);
  return '23';
}

type SaleLine = SourceSale['lines'][number];

/**
 * One string object per distinct value for the few-valued texts of a sale (currency, country, payment
 * type and provider): SQLite hands out a new string for every row, and ~200k copies of "PLN" that live
 * as long as the register only make every garbage collection on the way copy them.
 */
const interned = new Map<string, string>();

function intern<T extends string | null>(text: T): T {
  if (text === null) return text;
  const known = interned.get(text);
  if (known !== undefined) return known as T;
  if (interned.size > 10_000) interned.clear();
  interned.set(text, text);
  return text;
}

function toSale(order: OrderRow, lines: SaleLine[]): SourceSale {
  const invoice = order.invoiceRequired === 1;
  const invoiceName = invoice ? order.invoiceCompanyName || joinName(order.invoiceFirstName, order.invoiceLastName) : '';
  const buyerName =
    invoiceName || order.buyerName || joinName(order.deliveryFirstName, order.deliveryLastName) || order.buyerLogin || `ZAP-${order.id}`;
  const nip = invoice && order.invoiceTaxId ? order.invoiceTaxId.replace(/[\s-]/g, '').replace(/^PL(?=\d{10}$)/i, '') : null;
  const country = intern(((invoice ? order.invoiceCountry : null) || order.deliveryCountry || MARKETPLACE_COUNTRY[order.marketplace ?? ''] || 'PL').toUpperCase());
  return {
    orderId: order.id,
    allegroOrderId: order.allegroOrderId,
    documentNumber: order.documentNumber,
    invoiceRequested: invoice,
    boughtAt: order.boughtAt,
    paidAt: order.paymentType === 'CASH_ON_DELIVERY' && !order.paidAt ? null : order.paidAt,
    dueAt: dueDateOf(order),
    buyerName,
    buyerLogin: order.buyerLogin,
    nip,
    country,
    address: invoice
      ? { street: order.invoiceStreet, zip: order.invoiceZip, city: order.invoiceCity }
      : { street: order.deliveryStreet, zip: order.deliveryZip, city: order.deliveryCity },
    phone: order.deliveryPhone,
    paymentType: intern(order.paymentType),
    paymentProvider: intern(order.paymentProvider),
    currency: intern(order.currency),
    totalGross: order.totalToPayGrosze,
    deliveryGross: order.deliveryCostGrosze ?? 0,
    lines,
  };
}

const saleLinesOf = (order: OrderRow, lines: LineRow[], warnings: Warnings): SaleLine[] =>
  lines.map((l) => ({ gross: l.unitPriceGrosze * l.quantity, rate: lineRate(l.vatRate, l.productRate, order.id, warnings), quantity: l.quantity }));

function groupLines(rows: LineRow[]): Map<number, LineRow[]> {
  const byOrder = new Map<number, LineRow[]>();
  for (const r of rows) {
    const list = byOrder.get(r.orderId);
    if (list) list.push(r);
    else byOrder.set(r.orderId, [r]);
  }
  return byOrder;
}

function isSale(order: OrderRow): boolean {
  return order.status !== 'cancelled' && (order.allegroStatus === null || SALE_ALLEGRO_STATUSES.includes(order.allegroStatus));
}

/** isSale() as SQL, for the month's query (the same rule; orders read one by one still pass isSale()). */
const IS_SALE_SQL = `status <> 'cancelled' AND (allegro_status IS NULL OR allegro_status IN (${SALE_ALLEGRO_STATUSES.map((s) => `'${s}'`).join(', ')}))`;

/**
 * The month's orders as raw rows (arrays, in ORDER_SELECT's column order): a better-sqlite3 row object
 * per order costs several times more than the array, and the month is read 500 orders at a time, so each
 * row becomes a SourceSale at once and nothing of the 30-column row outlives its chunk.
 */
const ORDER_FIELDS: ReadonlyArray<keyof OrderRow> = [
  'id', 'allegroOrderId', 'status', 'allegroStatus', 'marketplace', 'documentNumber', 'invoiceRequired', 'boughtAt', 'paidAt', 'buyerName',
  'buyerLogin', 'invoiceCompanyName', 'invoiceFirstName', 'invoiceLastName', 'invoiceTaxId', 'invoiceCountry', 'invoiceStreet', 'invoiceZip',
  'invoiceCity', 'deliveryFirstName', 'deliveryLastName', 'deliveryStreet', 'deliveryZip', 'deliveryCity', 'deliveryCountry', 'deliveryPhone',
  'paymentType', 'paymentProvider', 'currency', 'totalToPayGrosze', 'deliveryCostGrosze', 'dueDate',
];

/** orderFromRaw() reads columns by position: refuse to run if ORDER_SELECT and ORDER_FIELDS ever drift apart. */
function checkOrderColumns(statement: { columns(): Array<{ name: string }> }): void {
  const names = statement.columns().map((c) => c.name);
  if (names.join() !== ORDER_FIELDS.join()) throw new Error(`ORDER_SELECT columns changed: ${names.join()}`);
}

function orderFromRaw(v: unknown[]): OrderRow {
  return {
    id: v[0] as number,
    allegroOrderId: v[1] as string | null,
    status: v[2] as string,
    allegroStatus: v[3] as string | null,
    marketplace: v[4] as string | null,
    documentNumber: v[5] as string | null,
    invoiceRequired: v[6] as number,
    boughtAt: v[7] as string,
    paidAt: v[8] as string | null,
    buyerName: v[9] as string | null,
    buyerLogin: v[10] as string | null,
    invoiceCompanyName: v[11] as string | null,
    invoiceFirstName: v[12] as string | null,
    invoiceLastName: v[13] as string | null,
    invoiceTaxId: v[14] as string | null,
    invoiceCountry: v[15] as string | null,
    invoiceStreet: v[16] as string | null,
    invoiceZip: v[17] as string | null,
    invoiceCity: v[18] as string | null,
    deliveryFirstName: v[19] as string | null,
    deliveryLastName: v[20] as string | null,
    deliveryStreet: v[21] as string | null,
    deliveryZip: v[22] as string | null,
    deliveryCity: v[23] as string | null,
    deliveryCountry: v[24] as string | null,
    deliveryPhone: v[25] as string | null,
    paymentType: v[26] as string | null,
    paymentProvider: v[27] as string | null,
    currency: v[28] as string,
    totalToPayGrosze: v[29] as number,
    deliveryCostGrosze: v[30] as number | null,
    dueDate: v[31],
  };
}

/**
 * Orders per query when the month is read: ~5 ms of work on a 2-core machine with the database in the
 * OS file cache, so the pacer can keep every stretch without a turn of the event loop short. Read from
 * disk (the first export after a restart) the same chunk takes 50–200 ms, so the chunk shrinks then.
 */
const orderChunk = (first = 500) => new AdaptiveStep(first, 25, 500, 4, 16);
/** Returns per id range of the returns table (a plain walk: no index serves "refunded or received in the month"). */
const returnRange = () => new AdaptiveStep(512, 256, 1 << 20, 1, 4);

/** The calendar day after a YYYY-MM-DD day. */
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A month's line as read: order id, quantity, unit price, the line's rate text, the product's rate text. */
type LineRaw = [number, number, number, string | null, string | null];

const marks = (n: number) => new Array<string>(n).fill('?').join(',');

/**
 * The month's sales (by the Warsaw date of purchase) and its corrections: returns refunded in the month,
 * or — when no refund is recorded — returns whose goods came back in the month. Rejected returns and
 * returns of orders that were never a sale are left out.
 *
 * A busy month is ~200k orders and ~300k lines. They are read in chunks of orders (in order id
 * order, the chunk as big as keeps a query short, see orderChunk; the chunk's lines first, kept as plain numbers and rate texts, then its orders), each chunk a
 * finished query: between chunks the pacer may give the event loop a turn, and the shared connection
 * must then be free for the app's other calls (an open better-sqlite3 iterator would leave it "busy").
 * No row object of either query outlives its chunk — with a month's rows alive at once, garbage
 * collection cost more than everything else in the export.
 */
export async function loadRegisterSources(
  sqlite: SqliteDatabase,
  period: MonthPeriod,
  pacer: Pacer = new Pacer(),
): Promise<{ sales: SourceSale[]; returns: SourceReturn[]; warnings: RegisterWarning[] }> {
  const warnings = new Warnings();
  const window = [period.sqlFrom, period.sqlTo];
  await whenIdle(sqlite);
  // The month's order ids through an index on bought_at, a day of the window per query (the whole
  // window at once is one ~80 ms step for a 180k-order month), then sorted here: with ORDER BY id in
  // the query, SQLite prefers walking the whole table in id order (~200 ms on a 600k-order shop).
  const idsOfDay = sqlite.prepare('SELECT id FROM orders WHERE bought_at >= ? AND bought_at < ?').pluck();
  const found: number[] = [];
  for (let day = period.sqlFrom; day < period.sqlTo; ) {
    const next = nextDay(day);
    for (const id of idsOfDay.all(day, next < period.sqlTo ? next : period.sqlTo) as number[]) found.push(id);
    day = next;
    if (pacer.dueNow()) {
      await pacer.pause();
      await whenIdle(sqlite);
    }
  }
  const ids = Float64Array.from(found).sort();

  const linesOf = (n: number) =>
    sqlite
      .prepare(
        `SELECT l.order_id, l.quantity, l.unit_price_grosze, l.vat_rate,
           CASE WHEN l.product_id IS NOT NULL AND (l.vat_rate IS NULL OR l.vat_rate NOT IN (${PLAIN_RATES}))
             THEN (SELECT p.vat_rate FROM products p WHERE p.id = l.product_id) END
         FROM order_lines l WHERE l.order_id IN (${marks(n)}) ORDER BY l.order_id, l.id`,
      )
      .raw();
  const ordersOf = (n: number) => {
    const statement = sqlite.prepare(`${MONTH_ORDER_SELECT} WHERE id IN (${marks(n)}) AND ${IS_SALE_SQL} ORDER BY id`);
    checkOrderColumns(statement);
    return statement.raw();
  };
  // One pair of prepared statements per chunk size (a handful: 500, its halvings, the last remainder).
  const statementsBySize = new Map<number, { lines: ReturnType<typeof linesOf>; orders: ReturnType<typeof ordersOf> }>();
  const statementsFor = (n: number) => {
    let pair = statementsBySize.get(n);
    if (!pair) statementsBySize.set(n, (pair = { lines: linesOf(n), orders: ordersOf(n) }));
    return pair;
  };

  const sales: SourceSale[] = [];
  const saleOf = new Map<number, SourceSale>();
  const step = orderChunk();
  for (let start = 0; start < ids.length; ) {
    const chunk = Array.from(ids.subarray(start, start + step.size));
    start += chunk.length;
    const statements = statementsFor(chunk.length);
    const readFrom = performance.now();
    const lineRows = statements.lines.all(...chunk) as LineRaw[];
    let cursor = 0;
    for (const raw of statements.orders.all(...chunk) as unknown[][]) {
      const order = orderFromRaw(raw);
      while (cursor < lineRows.length && (lineRows[cursor] as LineRaw)[0] < order.id) cursor++;
      if (!inPeriod(localDate(order.boughtAt), period)) continue;
      const lines: SaleLine[] = [];
      for (; cursor < lineRows.length && (lineRows[cursor] as LineRaw)[0] === order.id; cursor++) {
        const v = lineRows[cursor] as LineRaw;
        lines.push({ gross: v[2] * v[1], rate: lineRate(v[3], v[4], order.id, warnings), quantity: v[1] });
      }
      const sale = toSale(order, lines);
      sales.push(sale);
      saleOf.set(sale.orderId, sale);
    }
    step.after(performance.now() - readFrom);
    if (pacer.dueNow()) {
      await pacer.pause();
      await whenIdle(sqlite);
    }
  }

  type ReturnRow = { id: number; orderId: number; status: string; receivedAt: string | null; refundedAt: string | null; refundGrosze: number | null };
  // The month's returns, walking the table in ranges of ids (in id order, as one ORDER BY id would give).
  const returnsIn = sqlite.prepare(
    `SELECT id, order_id AS orderId, status, received_at AS receivedAt, refunded_at AS refundedAt, refund_grosze AS refundGrosze FROM returns
      WHERE id > ? AND id <= ? AND status <> 'rejected' AND order_id IS NOT NULL
        AND ((refunded_at >= ? AND refunded_at < ?) OR (refunded_at IS NULL AND received_at >= ? AND received_at < ?))
      ORDER BY id`,
  );
  const lastReturn = (sqlite.prepare('SELECT MAX(id) FROM returns').pluck().get() as number | null) ?? 0;
  const monthReturns: ReturnRow[] = [];
  for (let from = 0, range = returnRange(); from < lastReturn; ) {
    const to = Math.min(from + range.size, lastReturn);
    const started = performance.now();
    for (const row of returnsIn.all(from, to, ...window, ...window) as ReturnRow[]) monthReturns.push(row);
    range.after(performance.now() - started);
    from = to;
    if (pacer.dueNow()) {
      await pacer.pause();
      await whenIdle(sqlite);
    }
  }
  const returnRows = monthReturns
    .map((r) => ({ r, happenedAt: localDate(r.refundedAt ?? (r.status === 'received' || r.status === 'closed' ? r.receivedAt : null)) }))
    .filter((x) => inPeriod(x.happenedAt, period));

  // Orders with returns in the month: their lines in full (to find what came back), and — for orders sold
  // in earlier months — the orders themselves.
  const sold = new Map<number, OrderRow>();
  const returnedIds = [...new Set(returnRows.map((x) => x.r.orderId))];
  const extraIds = new Set(returnedIds.filter((id) => !saleOf.has(id)));
  const lines = new Map<number, LineRow[]>();
  // Orders from any month, scattered over the table (on disk, each one is a read of its own): start small.
  for (let i = 0, chunk = orderChunk(50); i < returnedIds.length; ) {
    const ids = returnedIds.slice(i, i + chunk.size);
    i += ids.length;
    const started = performance.now();
    const extra = ids.filter((id) => extraIds.has(id));
    if (extra.length > 0) {
      for (const o of sqlite.prepare(`${ORDER_SELECT} WHERE id IN (${marks(extra.length)})`).all(...extra) as OrderRow[]) if (isSale(o)) sold.set(o.id, o);
    }
    for (const [orderId, list] of groupLines(sqlite.prepare(`${LINE_SELECT} WHERE l.order_id IN (${marks(ids.length)}) ORDER BY l.id`).all(...ids) as LineRow[])) lines.set(orderId, list);
    chunk.after(performance.now() - started);
    if (pacer.dueNow()) {
      await pacer.pause();
      await whenIdle(sqlite);
    }
  }

  const returnIds = returnRows.map((x) => x.r.id);
  type ReturnLineRow = { returnId: number; orderLineId: number | null; productId: number | null; offerId: string | null; quantity: number };
  const returnLines = new Map<number, ReturnLineRow[]>();
  for (let i = 0; i < returnIds.length; i += 500) {
    const ids = returnIds.slice(i, i + 500);
    const rows = sqlite
      .prepare(`SELECT return_id AS returnId, order_line_id AS orderLineId, product_id AS productId, offer_id AS offerId, quantity FROM return_lines WHERE return_id IN (${marks(ids.length)}) ORDER BY id`)
      .all(...ids) as ReturnLineRow[];
    for (const row of rows) {
      const list = returnLines.get(row.returnId);
      if (list) list.push(row);
      else returnLines.set(row.returnId, [row]);
    }
    if (pacer.dueNow()) {
      await pacer.pause();
      await whenIdle(sqlite);
    }
  }

  const returns: SourceReturn[] = [];
  for (const { r, happenedAt } of returnRows) {
    if (pacer.due()) await pacer.pause();
    const monthSale = saleOf.get(r.orderId);
    const order = monthSale ? null : sold.get(r.orderId);
    if (!monthSale && !order) continue;
    const orderId = r.orderId;
    const orderLines = lines.get(orderId) ?? [];
    const sale = monthSale ?? toSale(order as OrderRow, saleLinesOf(order as OrderRow, orderLines, warnings));
    const valued = (returnLines.get(r.id) ?? []).flatMap((rl) => {
      // The sold line this return line gives back: by its id, else by product or offer within the order.
      const line =
        orderLines.find((l) => l.id === rl.orderLineId) ??
        orderLines.find((l) => rl.productId !== null && l.productId === rl.productId) ??
        orderLines.find((l) => rl.offerId !== null && l.offerId === rl.offerId);
      if (!line) return [];
      const quantity = Math.min(rl.quantity, line.quantity);
      return [{ gross: line.unitPriceGrosze * quantity, rate: lineRate(line.vatRate, line.productRate, orderId, warnings), quantity }];
    });
    returns.push({ returnId: r.id, sale, happenedAt: happenedAt as string, refundGross: r.refundGrosze, lines: valued });
  }
  return { sales, returns, warnings: warnings.list };
}
