import { isGtuCode } from '../../../shared/domain/gtu';
import type { VatRate } from '../../../shared/domain/vat';
import type { SqliteDatabase } from '../db/connection';
import { whenIdle } from '../db/idle';
import { allocateProRata } from './allocation';
import { AdaptiveStep } from './adaptive-step';
import { Pacer } from './pacer';
import { localDate, monthPeriod, type MonthPeriod } from './period';
import type { BookedDocument, RegisterWarning, SourceCancellation, SourceReturn, SourceSale } from './register.types';
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
  -- Allegro's invoice due date (EXTENDED_TERM), only where it matters. The columns surcharges_grosze and
  -- invoice_due_date hold what an import since migration 2026-12-07-21 read (surcharges_grosze not NULL);
  -- an order imported before has them in the raw_json it keeps.
  CASE WHEN payment_type IS NOT 'EXTENDED_TERM' THEN NULL WHEN surcharges_grosze IS NOT NULL THEN invoice_due_date WHEN json_valid(raw_json) THEN json_extract(raw_json, '$.invoice.dueDate') END AS dueDate,
  -- Allegro's surcharges[] (extra payments the buyer made, e.g. for a changed delivery): the common empty
  -- list is seen without parsing; only an order that has some is parsed.
  CASE WHEN surcharges_grosze IS NOT NULL THEN surcharges_grosze WHEN raw_json IS NOT NULL AND instr(raw_json, '"surcharges":[]') = 0 AND instr(raw_json, '"surcharges"') > 0 AND json_valid(raw_json)
    THEN (SELECT SUM(CAST(ROUND(CAST(json_extract(s.value, '$.paidAmount.amount') AS REAL) * 100) AS INTEGER)) FROM json_each(raw_json, '$.surcharges') s
           WHERE json_extract(s.value, '$.paidAmount.currency') = orders.currency) END AS surchargeGrosze,
  -- The invoicing tool's invoice for the order (accounting/invoice-list.ts): "issue date|KSeF number".
  (SELECT i.issue_date || '|' || COALESCE(i.ksef_number, '') FROM invoice_documents i WHERE i.order_id = orders.id) AS invoiceDocument,
  payment_reconciliation_grosze AS paymentReconciliationGrosze
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
  CASE WHEN payment_type IS NOT 'EXTENDED_TERM' THEN NULL WHEN surcharges_grosze IS NOT NULL THEN invoice_due_date WHEN json_valid(raw_json) THEN json_extract(raw_json, '$.invoice.dueDate') END AS dueDate,
  -- Allegro's surcharges[] (extra payments the buyer made, e.g. for a changed delivery): the common empty
  -- list is seen without parsing; only an order that has some is parsed.
  CASE WHEN surcharges_grosze IS NOT NULL THEN surcharges_grosze WHEN raw_json IS NOT NULL AND instr(raw_json, '"surcharges":[]') = 0 AND instr(raw_json, '"surcharges"') > 0 AND json_valid(raw_json)
    THEN (SELECT SUM(CAST(ROUND(CAST(json_extract(s.value, '$.paidAmount.amount') AS REAL) * 100) AS INTEGER)) FROM json_each(raw_json, '$.surcharges') s
           WHERE json_extract(s.value, '$.paidAmount.currency') = orders.currency) END AS surchargeGrosze,
  -- The invoicing tool's invoice for the order (accounting/invoice-list.ts): "issue date|KSeF number".
  (SELECT i.issue_date || '|' || COALESCE(i.ksef_number, '') FROM invoice_documents i WHERE i.order_id = orders.id) AS invoiceDocument,
  payment_reconciliation_grosze AS paymentReconciliationGrosze
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
  surchargeGrosze: number | null;
  /** "issue date|KSeF number or marker" of the invoicing tool's invoice, when one was brought in. */
  invoiceDocument: string | null;
  /** Allegro Prices top-up of the whole order (payment.reconciliation), when imported. */
  paymentReconciliationGrosze: number | null;
}

const LINE_SELECT = `SELECT l.id, l.order_id AS orderId, l.product_id AS productId, l.offer_id AS offerId, l.quantity,
  l.unit_price_grosze AS unitPriceGrosze, l.vat_rate AS vatRate, p.vat_rate AS productRate,
  l.reconciliation_grosze AS reconciliationGrosze, l.deposit_grosze AS depositGrosze
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
  reconciliationGrosze: number | null;
  depositGrosze: number | null;
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

/** The tax point of an order: its payment, else the day it was shipped (cash on delivery without a recorded payment). */
interface TaxPoint {
  date: string;
  basis: SourceSale['taxBasis'];
}

function toSale(order: OrderRow, lines: SaleLine[], tax: TaxPoint, related: ReadonlySet<string>, booked: BookedDocument | null = null): SourceSale {
  spreadOrderTopUp(order, lines);
  let topUp = 0;
  let deposit = 0;
  for (const l of lines) {
    if (l.topUp) topUp += l.topUp;
    if (l.deposit) deposit += l.deposit;
  }
  const invoice = order.invoiceRequired === 1;
  const invoiceName = invoice ? order.invoiceCompanyName || joinName(order.invoiceFirstName, order.invoiceLastName) : '';
  const buyerName =
    invoiceName || order.buyerName || joinName(order.deliveryFirstName, order.deliveryLastName) || order.buyerLogin || `ZAP-${order.id}`;
  const nip = invoice && order.invoiceTaxId ? order.invoiceTaxId.replace(/[\s-]/g, '').replace(/^PL(?=\d{10}$)/i, '') : null;
  const country = intern(((invoice ? order.invoiceCountry : null) || order.deliveryCountry || MARKETPLACE_COUNTRY[order.marketplace ?? ''] || 'PL').toUpperCase());
  return {
    orderId: order.id,
    allegroOrderId: order.allegroOrderId,
    documentNumber: booked?.documentNumber ?? order.documentNumber,
    invoiceRequested: invoice,
    boughtAt: order.boughtAt,
    paidAt: order.paymentType === 'CASH_ON_DELIVERY' && !order.paidAt ? null : order.paidAt,
    taxDate: tax.date,
    taxBasis: tax.basis,
    issueDate: booked?.issueDate ?? (order.invoiceDocument ? order.invoiceDocument.slice(0, 10) : null),
    ksef: order.invoiceDocument ? order.invoiceDocument.slice(11) || null : null,
    booked,
    dueAt: dueDateOf(order),
    buyerName,
    buyerLogin: order.buyerLogin,
    nip,
    ...(nip !== null && related.has(nip) ? { relatedParty: true as const } : {}),
    country,
    address: invoice
      ? { street: order.invoiceStreet, zip: order.invoiceZip, city: order.invoiceCity }
      : { street: order.deliveryStreet, zip: order.deliveryZip, city: order.deliveryCity },
    phone: order.deliveryPhone,
    paymentType: intern(order.paymentType),
    paymentProvider: intern(order.paymentProvider),
    currency: intern(order.currency),
    // What the buyer paid in all: the order's total and any surcharge paid on top of it.
    // What the buyer paid in all (the order's total and any surcharge paid on top of it), with what Allegro
    // pays on top of the price (Allegro Prices) and without the packaging deposits (not taxed).
    totalGross: order.totalToPayGrosze + (order.surchargeGrosze ?? 0) + topUp - deposit,
    surchargeGross: order.surchargeGrosze ?? 0,
    ...(topUp ? { topUpGross: topUp } : {}),
    ...(deposit ? { depositGross: deposit } : {}),
    deliveryGross: order.deliveryCostGrosze ?? 0,
    lines,
  };
}

const saleLinesOf = (order: OrderRow, lines: LineRow[], warnings: Warnings, markers: ProductMarkers): SaleLine[] =>
  lines.map((l) =>
    withMarkers(saleLine(l.unitPriceGrosze * l.quantity, lineRate(l.vatRate, l.productRate, order.id, warnings), l.quantity, l.reconciliationGrosze, l.depositGrosze), l.productId, markers),
  );

/** The JPK_V7 facts of the products that have any (GTU group, annex 15): few products, read once per register. */
type ProductMarkers = Map<number, Pick<SaleLine, 'gtu' | 'splitPayment'>>;

/**
 * The NIPs of buyers the owner marked as related to the shop (Settings → relatedPartyNips): their sales
 * carry the JPK_V7 marker TP (art. 32 ust. 2 pkt 1 ustawy o VAT). Read as stored; the contract checked them.
 */
function relatedPartyNips(sqlite: SqliteDatabase): ReadonlySet<string> {
  const row = sqlite.prepare("SELECT value FROM settings WHERE key = 'relatedPartyNips'").get() as { value: string } | undefined;
  if (!row) return new Set();
  try {
    const list = JSON.parse(row.value) as unknown;
    return new Set(Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string' && /^\d{10}$/.test(n)) : []);
  } catch {
    return new Set();
  }
}

function productMarkers(sqlite: SqliteDatabase): ProductMarkers {
  const rows = sqlite.prepare('SELECT id, gtu, split_payment AS splitPayment FROM products WHERE gtu IS NOT NULL OR split_payment = 1').all() as Array<{
    id: number;
    gtu: string | null;
    splitPayment: number;
  }>;
  return new Map(rows.map((r) => [r.id, { ...(isGtuCode(r.gtu) ? { gtu: r.gtu } : {}), ...(r.splitPayment === 1 ? { splitPayment: true as const } : {}) }]));
}

/**
 * The line with its product's markers. A line of a product without any stays the same object, so a month
 * without marked products is stored (closed months) and exported exactly as before.
 */
function withMarkers(line: SaleLine, productId: number | null, markers: ProductMarkers): SaleLine {
  const known = productId === null || markers.size === 0 ? undefined : markers.get(productId);
  return known ? { ...line, ...known } : line;
}

/**
 * A goods line of a sale: the Allegro Prices top-up Allegro pays for it is part of its price (art. 29a
 * ust. 1: payment from a third party directly linked to the price), the deposit-system kaucja is not (MF
 * explanations of 29.08.2025) — kept beside it. The keys exist only when not zero, so a sale without them
 * is the same object (and the same stored JSON) as before.
 */
function saleLine(paid: number, rate: SaleLine['rate'], quantity: number, topUp: number | null, deposit: number | null): SaleLine {
  if (!topUp && !deposit) return { gross: paid, rate, quantity };
  return { gross: paid + (topUp ?? 0), rate, quantity, ...(topUp ? { topUp } : {}), ...(deposit ? { deposit } : {}) };
}

/**
 * The order's top-up as Allegro states it for the payment, beyond what its lines state (lines without a
 * reconciliation of their own): spread over the goods lines in proportion to their value, so it is taxed at
 * their rates and never counted as delivery.
 */
function spreadOrderTopUp(order: OrderRow, lines: SaleLine[]): void {
  const stated = order.paymentReconciliationGrosze ?? 0;
  if (stated <= 0 || lines.length === 0) return;
  const rest = stated - lines.reduce((a, l) => a + (l.topUp ?? 0), 0);
  if (rest <= 0) return;
  const parts = allocateProRata(rest, lines.map((l) => Math.max(0, l.gross)));
  lines.forEach((l, i) => {
    const part = parts[i] ?? 0;
    if (part === 0) return;
    l.gross += part;
    l.topUp = (l.topUp ?? 0) + part;
  });
}

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
  'paymentType', 'paymentProvider', 'currency', 'totalToPayGrosze', 'deliveryCostGrosze', 'dueDate', 'surchargeGrosze', 'invoiceDocument',
  'paymentReconciliationGrosze',
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
    surchargeGrosze: v[32] as number | null,
    invoiceDocument: v[33] as string | null,
    paymentReconciliationGrosze: v[34] as number | null,
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

/**
 * A month's line as read: order id, quantity, unit price, the line's rate text, the product's rate text,
 * the Allegro Prices top-up and the deposit of the whole line, the product id.
 */
type LineRaw = [number, number, number, string | null, string | null, number | null, number | null, number | null];

const marks = (n: number) => new Array<string>(n).fill('?').join(',');

/** Months closed for the accountant (see register-book.ts). */
export function frozenMonths(sqlite: SqliteDatabase): Set<string> {
  return new Set(sqlite.prepare('SELECT month FROM register_months').pluck().all() as string[]);
}

/** The month before a YYYY-MM month. */
export const monthBefore = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * How far back a month looks for what its closed predecessors missed: a payment recorded (imported)
 * after its month was closed, a refund recorded late. Only the closed months right before this one, at
 * most this many — older gaps belong to those months' own corrections.
 */
const LATE_LOOKBACK_MONTHS = 3;

/** The first day from which the month takes sales and refunds: its own first day, or that of the closed months just before it. */
export function lookbackStart(month: string, frozen: Set<string>): string {
  let first = month;
  for (let i = 0, m = monthBefore(month); i < LATE_LOOKBACK_MONTHS && frozen.has(m); i++, m = monthBefore(m)) first = m;
  return `${first}-01`;
}

type BookingRow = { orderId: number; month: string; documentType: string; documentNumber: string | null; issueDate: string | null; gross: number; taxDate: string };
const BOOKING_SELECT = `SELECT order_id AS orderId, month, document_type AS documentType, document_number AS documentNumber, issue_date AS issueDate, gross, tax_date AS taxDate
  FROM register_bookings WHERE kind = 'sale'`;

/**
 * The month's sales by their VAT tax point, and its corrections.
 *
 * A sale belongs to the month of its tax point: the payment (prepaid orders, art. 19a ust. 8; a cash on
 * delivery order is paid when it is delivered, art. 19a ust. 1), or — when no payment is recorded for a
 * shipped order — the day it was shipped, with a warning. A sale whose tax point is in a closed month
 * but was not booked there (its payment was recorded after that month was closed) is booked here, as a
 * late sale. Sales already booked in a closed month are never taken again.
 *
 * Corrections: refunds of the month (a return only counts once its money went back — point 8 of the
 * accountant's issue), and cancellations of sales booked in a closed month (the order was cancelled
 * afterwards). Rejected returns and returns of orders that were never a sale are left out.
 *
 * A busy month is ~200k orders and ~300k lines. They are read in chunks of orders (in order id order,
 * the chunk as big as keeps a query short, see orderChunk; the chunk's lines first, kept as plain
 * numbers and rate texts, then its orders), each chunk a finished query: between chunks the pacer may
 * give the event loop a turn, and the shared connection must then be free for the app's other calls
 * (an open better-sqlite3 iterator would leave it "busy"). No row object of either query outlives its
 * chunk — with a month's rows alive at once, garbage collection cost more than everything else.
 */
export async function loadRegisterSources(
  sqlite: SqliteDatabase,
  period: MonthPeriod,
  pacer: Pacer = new Pacer(),
): Promise<{ sales: SourceSale[]; returns: SourceReturn[]; cancellations: SourceCancellation[]; warnings: RegisterWarning[] }> {
  const warnings = new Warnings();
  await whenIdle(sqlite);
  const frozen = frozenMonths(sqlite);
  const markers = productMarkers(sqlite);
  const related = relatedPartyNips(sqlite);
  const firstDay = lookbackStart(period.month, frozen);
  const from = monthPeriod(firstDay.slice(0, 7)).sqlFrom;
  /** A tax point / refund day this month takes: in the month, or in a closed month just before it. */
  const takes = (day: string | null): day is string =>
    day !== null && day <= period.lastDay && (day >= period.firstDay || (day >= firstDay && frozen.has(day.slice(0, 7))));

  // The month's order ids by payment day through the paid_at index, a day of the window per query (the
  // whole window at once is one ~80 ms step for a 180k-order month), then sorted here: with ORDER BY id
  // in the query, SQLite prefers walking the whole table in id order (~200 ms on a 600k-order shop).
  const idsOfDay = sqlite
    .prepare(`SELECT id FROM orders o WHERE paid_at >= ? AND paid_at < ? AND NOT EXISTS (SELECT 1 FROM register_bookings b WHERE b.kind = 'sale' AND b.order_id = o.id)`)
    .pluck();
  const found: number[] = [];
  for (let day = from; day < period.sqlTo; ) {
    const next = nextDay(day);
    for (const id of idsOfDay.all(day, next < period.sqlTo ? next : period.sqlTo) as number[]) found.push(id);
    day = next;
    if (pacer.dueNow()) {
      await pacer.pause();
      await whenIdle(sqlite);
    }
  }
  // Shipped orders with no payment recorded (cash on delivery whose collection was not recorded, a
  // deferred payment): the shipment day stands in for the delivery. Bought at most 60 days before.
  const shippedAt = new Map<number, string>();
  const unpaidShipped = sqlite.prepare(
    `SELECT o.id, o.status, (SELECT MIN(s.dispatched_at) FROM shipments s WHERE s.order_id = o.id AND s.dispatched_at IS NOT NULL) AS shippedAt
       FROM orders o WHERE o.paid_at IS NULL AND o.bought_at >= ? AND o.bought_at < ? AND o.status IN ('shipped', 'delivered')
        AND NOT EXISTS (SELECT 1 FROM register_bookings b WHERE b.kind = 'sale' AND b.order_id = o.id)`,
  );
  const boughtFrom = new Date(Date.parse(`${from}T00:00:00Z`) - 60 * 86_400_000).toISOString().slice(0, 10);
  // A parcel still on its way (not marked delivered) waits: its shipment day counts only once a week
  // has passed since it before the month's end — by then it has surely arrived.
  const weekBeforeEnd = new Date(Date.parse(`${period.lastDay}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
  for (const row of unpaidShipped.all(boughtFrom, period.sqlTo) as Array<{ id: number; status: string; shippedAt: string | null }>) {
    const day = localDate(row.shippedAt);
    if (day !== null && takes(day) && (row.status === 'delivered' || day <= weekBeforeEnd)) {
      shippedAt.set(row.id, row.shippedAt as string);
      found.push(row.id);
    }
  }
  const ids = Float64Array.from(new Set(found)).sort();

  const linesOf = (n: number) =>
    sqlite
      .prepare(
        `SELECT l.order_id, l.quantity, l.unit_price_grosze, l.vat_rate,
           CASE WHEN l.product_id IS NOT NULL AND (l.vat_rate IS NULL OR l.vat_rate NOT IN (${PLAIN_RATES}))
             THEN (SELECT p.vat_rate FROM products p WHERE p.id = l.product_id) END,
           l.reconciliation_grosze, l.deposit_grosze, l.product_id
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
      const shipped = order.paidAt === null ? (shippedAt.get(order.id) ?? null) : null;
      const taxDay = localDate(order.paidAt ?? shipped);
      if (!takes(taxDay)) continue;
      const lines: SaleLine[] = [];
      for (; cursor < lineRows.length && (lineRows[cursor] as LineRaw)[0] === order.id; cursor++) {
        const v = lineRows[cursor] as LineRaw;
        lines.push(withMarkers(saleLine(v[2] * v[1], lineRate(v[3], v[4], order.id, warnings), v[1], v[5], v[6]), v[7], markers));
      }
      const sale = toSale(order, lines, { date: taxDay, basis: shipped === null ? 'payment' : 'shipment' }, related);
      if (shipped !== null) warnings.once('tax_point_shipment', order.id);
      if (taxDay < period.firstDay) warnings.once('late_sale', order.id);
      sales.push(sale);
      saleOf.set(sale.orderId, sale);
    }
    step.after(performance.now() - readFrom);
    if (pacer.dueNow()) {
      await pacer.pause();
      await whenIdle(sqlite);
    }
  }

  // Sales booked in a closed month whose order was cancelled since: one correction each, once.
  type CancelRow = BookingRow & { cancelledAt: string | null };
  const cancelledRows = (
    sqlite
      .prepare(
        `SELECT b.order_id AS orderId, b.month, b.document_type AS documentType, b.document_number AS documentNumber, b.issue_date AS issueDate,
                b.gross, b.tax_date AS taxDate,
                COALESCE((SELECT MAX(a.at) FROM audit_log a WHERE a.entity = 'order' AND a.entity_id = CAST(o.id AS TEXT) AND a.action = 'order.cancel'), o.updated_at) AS cancelledAt
           FROM orders o JOIN register_bookings b ON b.kind = 'sale' AND b.order_id = o.id
          WHERE o.status = 'cancelled' AND b.month < ?
            AND NOT EXISTS (SELECT 1 FROM register_bookings c WHERE c.kind = 'cancellation' AND c.order_id = o.id)`,
      )
      .all(period.month) as CancelRow[]
  ).filter((c) => (localDate(c.cancelledAt) ?? period.firstDay) <= period.lastDay);

  type ReturnRow = { id: number; orderId: number; status: string; refundedAt: string; refundGrosze: number | null; assumed: number };
  // The refunds to book here, walking the returns table in ranges of ids (in id order, as one ORDER BY id
  // would give). A return Allegro reports FINISHED (its money went back through Allegro) comes in from
  // the customer-returns import with no refund date: the day it was imported stands in, with a warning.
  const returnsIn = sqlite.prepare(
    `SELECT id, order_id AS orderId, status, COALESCE(refunded_at, updated_at) AS refundedAt, refund_grosze AS refundGrosze, refunded_at IS NULL AS assumed
       FROM returns r
      WHERE id > ? AND id <= ? AND status <> 'rejected' AND order_id IS NOT NULL
        AND ((refunded_at >= ? AND refunded_at < ?)
          OR (refunded_at IS NULL AND status = 'closed' AND allegro_status LIKE 'FINISHED%' AND updated_at >= ? AND updated_at < ?))
        AND NOT EXISTS (SELECT 1 FROM register_bookings b WHERE b.kind = 'correction' AND b.return_id = r.id)
      ORDER BY id`,
  );
  const lastReturn = (sqlite.prepare('SELECT MAX(id) FROM returns').pluck().get() as number | null) ?? 0;
  const monthReturns: ReturnRow[] = [];
  for (let start = 0, range = returnRange(); start < lastReturn; ) {
    const to = Math.min(start + range.size, lastReturn);
    const started = performance.now();
    for (const row of returnsIn.all(start, to, from, period.sqlTo, from, period.sqlTo) as ReturnRow[]) monthReturns.push(row);
    range.after(performance.now() - started);
    start = to;
    if (pacer.dueNow()) {
      await pacer.pause();
      await whenIdle(sqlite);
    }
  }
  const returnRows = monthReturns.map((r) => ({ r, happenedAt: localDate(r.refundedAt) })).filter((x) => takes(x.happenedAt));

  // Orders with returns or cancellations here: their lines in full (to find what came back), their
  // bookings, and — for orders not sold in this month — the orders themselves.
  const sold = new Map<number, OrderRow>();
  const bookedOf = new Map<number, BookingRow>();
  const cancelledIds = new Set(cancelledRows.map((c) => c.orderId));
  const otherIds = [...new Set([...returnRows.map((x) => x.r.orderId), ...cancelledIds])];
  const extraIds = new Set(otherIds.filter((id) => !saleOf.has(id)));
  const lines = new Map<number, LineRow[]>();
  // Orders from any month, scattered over the table (on disk, each one is a read of its own): start small.
  for (let i = 0, chunk = orderChunk(50); i < otherIds.length; ) {
    const ids = otherIds.slice(i, i + chunk.size);
    i += ids.length;
    const started = performance.now();
    const extra = ids.filter((id) => extraIds.has(id));
    if (extra.length > 0) {
      for (const o of sqlite.prepare(`${ORDER_SELECT} WHERE id IN (${marks(extra.length)})`).all(...extra) as OrderRow[]) {
        if (isSale(o) || cancelledIds.has(o.id)) sold.set(o.id, o);
      }
      for (const b of sqlite.prepare(`${BOOKING_SELECT} AND order_id IN (${marks(extra.length)})`).all(...extra) as BookingRow[]) bookedOf.set(b.orderId, b);
    }
    for (const [orderId, list] of groupLines(sqlite.prepare(`${LINE_SELECT} WHERE l.order_id IN (${marks(ids.length)}) ORDER BY l.id`).all(...ids) as LineRow[])) lines.set(orderId, list);
    chunk.after(performance.now() - started);
    if (pacer.dueNow()) {
      await pacer.pause();
      await whenIdle(sqlite);
    }
  }
  const otherSales = new Map<number, SourceSale>();
  const otherSale = (orderId: number): SourceSale | null => {
    const inMonth = saleOf.get(orderId);
    if (inMonth) return inMonth;
    const known = otherSales.get(orderId);
    if (known) return known;
    const order = sold.get(orderId);
    if (!order) return null;
    const b = bookedOf.get(orderId);
    const booked: BookedDocument | null = b ? { month: b.month, documentType: b.documentType, documentNumber: b.documentNumber, issueDate: b.issueDate, gross: b.gross } : null;
    const taxDate = b?.taxDate ?? (localDate(order.paidAt ?? order.boughtAt) as string);
    const sale = toSale(order, saleLinesOf(order, lines.get(orderId) ?? [], warnings, markers), { date: taxDate, basis: 'payment' }, related, booked);
    otherSales.set(orderId, sale);
    return sale;
  };

  const cancellations: SourceCancellation[] = [];
  for (const c of cancelledRows) {
    const sale = otherSale(c.orderId);
    if (!sale) continue;
    const day = localDate(c.cancelledAt) ?? period.firstDay;
    cancellations.push({ sale, happenedAt: day < period.firstDay ? period.firstDay : day });
    warnings.once('cancelled_after_booking', c.orderId);
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
    // A refund of an order cancelled after its month closed is part of that cancellation's correction.
    if (cancelledIds.has(r.orderId)) continue;
    const sale = otherSale(r.orderId);
    if (!sale) continue;
    const orderId = r.orderId;
    const orderLines = lines.get(orderId) ?? [];
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
    const day = happenedAt as string;
    if (r.assumed) warnings.once('refund_date_assumed', orderId);
    returns.push({ returnId: r.id, sale, happenedAt: day < period.firstDay ? period.firstDay : day, refundGross: r.refundGrosze, lines: valued });
  }
  return { sales, returns, cancellations, warnings: warnings.list };
}
