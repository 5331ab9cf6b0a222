import { type Kysely, sql } from 'kysely';
import type { VatRate } from '../../../shared/domain/vat';
import type { Database } from '../db/schema';
import { inPeriod, localDate, type MonthPeriod } from './period';
import type { RegisterWarning, SourceReturn, SourceSale } from './register.types';
import { parseVatRate } from './vat-rate-text';

/** Only what the register uses: selecting every column (raw JSON included) of a busy month is slow. */
const ORDER_COLUMNS = [
  'id', 'allegroOrderId', 'status', 'allegroStatus', 'marketplace', 'documentNumber', 'invoiceRequired', 'boughtAt', 'paidAt',
  'buyerName', 'buyerLogin', 'invoiceCompanyName', 'invoiceFirstName', 'invoiceLastName', 'invoiceTaxId', 'invoiceCountry',
  'invoiceStreet', 'invoiceZip', 'invoiceCity', 'deliveryFirstName', 'deliveryLastName', 'deliveryStreet', 'deliveryZip',
  'deliveryCity', 'deliveryCountry', 'deliveryPhone', 'paymentType', 'paymentProvider', 'currency', 'totalToPayGrosze', 'deliveryCostGrosze',
] as const;

/** Allegro's invoice due date (EXTENDED_TERM) straight from the stored JSON, only where it matters. */
const DUE_DATE = sql<string | null>`CASE WHEN payment_type = 'EXTENDED_TERM' AND json_valid(raw_json) THEN json_extract(raw_json, '$.invoice.dueDate') END`.as('dueDate');

function selectOrders(db: Kysely<Database>) {
  return db.selectFrom('orders').select(ORDER_COLUMNS).select(DUE_DATE);
}

type OrderRow = Awaited<ReturnType<ReturnType<typeof selectOrders>['executeTakeFirstOrThrow']>>;

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

async function linesOf(db: Kysely<Database>, orderIds: number[]): Promise<Map<number, LineRow[]>> {
  const byOrder = new Map<number, LineRow[]>();
  for (let i = 0; i < orderIds.length; i += 500) {
    const rows = await db
      .selectFrom('orderLines as l')
      .leftJoin('products as p', 'p.id', 'l.productId')
      .select(['l.id', 'l.orderId', 'l.productId', 'l.offerId', 'l.quantity', 'l.unitPriceGrosze', 'l.vatRate', 'p.vatRate as productRate'])
      .where('l.orderId', 'in', orderIds.slice(i, i + 500))
      .orderBy('l.id')
      .execute();
    for (const r of rows) {
      const list = byOrder.get(r.orderId) ?? [];
      list.push(r);
      byOrder.set(r.orderId, list);
    }
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
export async function loadRegisterSources(
  db: Kysely<Database>,
  period: MonthPeriod,
): Promise<{ sales: SourceSale[]; returns: SourceReturn[]; warnings: RegisterWarning[] }> {
  const warnings: RegisterWarning[] = [];
  const orders = (await selectOrders(db).where('boughtAt', '>=', period.sqlFrom).where('boughtAt', '<', period.sqlTo).orderBy('id').execute()).filter(
    (o) => isSale(o) && inPeriod(localDate(o.boughtAt), period),
  );

  const returnRows = (
    await db
      .selectFrom('returns')
      .selectAll()
      .where('status', '!=', 'rejected')
      .where('orderId', 'is not', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('refundedAt', '>=', period.sqlFrom), eb('refundedAt', '<', period.sqlTo)]),
          eb.and([eb('refundedAt', 'is', null), eb('receivedAt', '>=', period.sqlFrom), eb('receivedAt', '<', period.sqlTo)]),
        ]),
      )
      .orderBy('id')
      .execute()
  )
    .map((r) => ({ r, happenedAt: localDate(r.refundedAt ?? (r.status === 'received' || r.status === 'closed' ? r.receivedAt : null)) }))
    .filter((x) => inPeriod(x.happenedAt, period));

  const returnOrderIds = [...new Set(returnRows.map((x) => x.r.orderId as number))];
  const sold = new Map(orders.map((o) => [o.id, o]));
  const extraIds = returnOrderIds.filter((id) => !sold.has(id));
  for (let i = 0; i < extraIds.length; i += 500) {
    for (const o of await selectOrders(db).where('id', 'in', extraIds.slice(i, i + 500)).execute()) if (isSale(o)) sold.set(o.id, o);
  }

  const lines = await linesOf(db, [...sold.keys()]);
  const sales = orders.map((o) => toSale(o, lines.get(o.id) ?? [], warnings));
  const saleOf = new Map(sales.map((s) => [s.orderId, s]));

  const returns: SourceReturn[] = [];
  const returnIds = returnRows.map((x) => x.r.id);
  const returnLines = returnIds.length === 0 ? [] : await db.selectFrom('returnLines').selectAll().where('returnId', 'in', returnIds).orderBy('id').execute();
  for (const { r, happenedAt } of returnRows) {
    const order = sold.get(r.orderId as number);
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
