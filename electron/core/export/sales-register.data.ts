import type { VatRate } from '../../../shared/domain/vat';
import type { SqliteDatabase } from '../db/connection';
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

function lineRate(line: LineRow, order: OrderRow, warnings: RegisterWarning[]): VatRate {
  const own = parseVatRate(line.vatRate);
  if (own) return own;
  const fromProduct = parseVatRate(line.productRate);
  const reference = `ZAP-${order.id}`;
  if (fromProduct) {
    if (!warnings.some((w) => w.orderId === order.id && w.code === 'rate_from_product')) warnings.push({ code: 'rate_from_product', orderId: order.id, reference });
    return fromProduct;
  }
  if (!warnings.some((w) => w.orderId === order.id && w.code === 'rate_assumed')) warnings.push({ code: 'rate_assumed', orderId: order.id, reference });
  return '23';
}

function toSale(order: OrderRow, lines: LineRow[], warnings: RegisterWarning[]): SourceSale {
  const invoice = order.invoiceRequired === 1;
  const invoiceName = invoice ? order.invoiceCompanyName || joinName(order.invoiceFirstName, order.invoiceLastName) : '';
  const buyerName =
    invoiceName || order.buyerName || joinName(order.deliveryFirstName, order.deliveryLastName) || order.buyerLogin || `ZAP-${order.id}`;
  const nip = invoice && order.invoiceTaxId ? order.invoiceTaxId.replace(/[\s-]/g, '').replace(/^PL(?=\d{10}$)/i, '') : null;
  const country = ((invoice ? order.invoiceCountry : null) || order.deliveryCountry || MARKETPLACE_COUNTRY[order.marketplace ?? ''] || 'PL').toUpperCase();
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
    paymentType: order.paymentType,
    paymentProvider: order.paymentProvider,
    currency: order.currency,
    totalGross: order.totalToPayGrosze,
    deliveryGross: order.deliveryCostGrosze ?? 0,
    lines: lines.map((l) => ({ gross: l.unitPriceGrosze * l.quantity, rate: lineRate(l, order, warnings), quantity: l.quantity })),
  };
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

/**
 * The month's sales (by the Warsaw date of purchase) and its corrections: returns refunded in the month,
 * or — when no refund is recorded — returns whose goods came back in the month. Rejected returns and
 * returns of orders that were never a sale are left out.
 */
export function loadRegisterSources(sqlite: SqliteDatabase, period: MonthPeriod): { sales: SourceSale[]; returns: SourceReturn[]; warnings: RegisterWarning[] } {
  const warnings: RegisterWarning[] = [];
  const window = [period.sqlFrom, period.sqlTo];
  const orders = (sqlite.prepare(`${ORDER_SELECT} WHERE bought_at >= ? AND bought_at < ? ORDER BY id`).all(...window) as OrderRow[]).filter(
    (o) => isSale(o) && inPeriod(localDate(o.boughtAt), period),
  );
  // The month's lines in one pass (through the bought_at index), not one query per batch of orders.
  const lines = groupLines(sqlite.prepare(`${LINE_SELECT} JOIN orders o ON o.id = l.order_id WHERE o.bought_at >= ? AND o.bought_at < ? ORDER BY l.id`).all(...window) as LineRow[]);

  type ReturnRow = { id: number; orderId: number; status: string; receivedAt: string | null; refundedAt: string | null; refundGrosze: number | null };
  const returnRows = (
    sqlite
      .prepare(
        `SELECT id, order_id AS orderId, status, received_at AS receivedAt, refunded_at AS refundedAt, refund_grosze AS refundGrosze FROM returns
          WHERE status <> 'rejected' AND order_id IS NOT NULL
            AND ((refunded_at >= ? AND refunded_at < ?) OR (refunded_at IS NULL AND received_at >= ? AND received_at < ?))
          ORDER BY id`,
      )
      .all(...window, ...window) as ReturnRow[]
  )
    .map((r) => ({ r, happenedAt: localDate(r.refundedAt ?? (r.status === 'received' || r.status === 'closed' ? r.receivedAt : null)) }))
    .filter((x) => inPeriod(x.happenedAt, period));

  // Returns of orders sold in earlier months: their orders and lines too.
  const sold = new Map(orders.map((o) => [o.id, o]));
  const extraIds = [...new Set(returnRows.map((x) => x.r.orderId))].filter((id) => !sold.has(id));
  for (let i = 0; i < extraIds.length; i += 500) {
    const ids = extraIds.slice(i, i + 500);
    const marks = ids.map(() => '?').join(',');
    for (const o of sqlite.prepare(`${ORDER_SELECT} WHERE id IN (${marks})`).all(...ids) as OrderRow[]) if (isSale(o)) sold.set(o.id, o);
    for (const [orderId, list] of groupLines(sqlite.prepare(`${LINE_SELECT} WHERE l.order_id IN (${marks}) ORDER BY l.id`).all(...ids) as LineRow[])) lines.set(orderId, list);
  }

  const sales = orders.map((o) => toSale(o, lines.get(o.id) ?? [], warnings));
  const saleOf = new Map(sales.map((s) => [s.orderId, s]));

  const returns: SourceReturn[] = [];
  const returnIds = returnRows.map((x) => x.r.id);
  type ReturnLineRow = { returnId: number; orderLineId: number | null; productId: number | null; offerId: string | null; quantity: number };
  const returnLines: ReturnLineRow[] = [];
  for (let i = 0; i < returnIds.length; i += 500) {
    const ids = returnIds.slice(i, i + 500);
    returnLines.push(
      ...(sqlite
        .prepare(`SELECT return_id AS returnId, order_line_id AS orderLineId, product_id AS productId, offer_id AS offerId, quantity FROM return_lines WHERE return_id IN (${ids.map(() => '?').join(',')}) ORDER BY id`)
        .all(...ids) as ReturnLineRow[]),
    );
  }
  for (const { r, happenedAt } of returnRows) {
    const order = sold.get(r.orderId);
    if (!order) continue;
    const orderLines = lines.get(order.id) ?? [];
    const sale = saleOf.get(order.id) ?? toSale(order, orderLines, warnings);
    const mine = returnLines.filter((l) => l.returnId === r.id);
    const valued = mine.flatMap((rl) => {
      // The sold line this return line gives back: by its id, else by product or offer within the order.
      const line =
        orderLines.find((l) => l.id === rl.orderLineId) ??
        orderLines.find((l) => rl.productId !== null && l.productId === rl.productId) ??
        orderLines.find((l) => rl.offerId !== null && l.offerId === rl.offerId);
      if (!line) return [];
      const quantity = Math.min(rl.quantity, line.quantity);
      return [{ gross: line.unitPriceGrosze * quantity, rate: lineRate(line, order, warnings), quantity }];
    });
    returns.push({ returnId: r.id, sale, happenedAt: happenedAt as string, refundGross: r.refundGrosze, lines: valued });
  }
  return { sales, returns, warnings };
}
