import { closeSync, openSync, writeSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { minorToDecimalString } from '../../shared/domain/money';

/**
 * Writes Allegro-shaped files from a shop database (normally a generated demo shop): the seller-panel
 * orders CSV (order / lineItem / additionalService / summary sections, FORMATS.md §5), a checkout-forms
 * page (REST API JSON, §2) and, as the benchmark baseline, a flat CSV of the same line items for
 * `sqlite3 .import`. Rows are streamed from SQLite and written in 1 MB chunks, so a 1M-order file never
 * sits in memory.
 */

interface OrderRow {
  id: number;
  allegro_order_id: string | null;
  buyer_login: string | null;
  buyer_name: string | null;
  allegro_status: string | null;
  fulfillment_status: string | null;
  status: string;
  revision: string | null;
  allegro_updated_at: string | null;
  bought_at: string;
  payment_type: string | null;
  payment_provider: string | null;
  paid_at: string | null;
  paid_grosze: number | null;
  total_to_pay_grosze: number;
  currency: string;
  delivery_method_id: string | null;
  delivery_method_name: string | null;
  delivery_cost_grosze: number | null;
  pickup_point_id: string | null;
  pickup_point_name: string | null;
  pickup_point_address: string | null;
  delivery_first_name: string | null;
  delivery_last_name: string | null;
  delivery_company: string | null;
  delivery_street: string | null;
  delivery_city: string | null;
  delivery_zip: string | null;
  delivery_country: string | null;
  delivery_phone: string | null;
  invoice_required: number;
  invoice_company_name: string | null;
  invoice_tax_id: string | null;
  invoice_first_name: string | null;
  invoice_last_name: string | null;
  invoice_street: string | null;
  invoice_city: string | null;
  invoice_zip: string | null;
  invoice_country: string | null;
  buyer_message: string | null;
  seller_note: string | null;
  marketplace: string | null;
  allegro_buyer_id: string | null;
  email: string | null;
  phone: string | null;
  company_name: string | null;
  first_name: string | null;
  last_name: string | null;
  guest: number | null;
}

interface LineRow {
  order_id: number;
  allegro_line_id: string | null;
  offer_id: string | null;
  external_id: string | null;
  name: string;
  quantity: number;
  unit_price_grosze: number;
  original_unit_price_grosze: number | null;
  currency: string;
  vat_rate: string | null;
  bought_at: string | null;
}

export interface WrittenFile {
  file: string;
  orders: number;
  lines: number;
  /** Physical lines of text in the file (for the "1M-line file" memory target). */
  textLines: number;
  bytes: number;
}

/** Buffered writer: one `writeSync` per megabyte. */
class ChunkWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  bytes = 0;
  textLines = 0;
  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  line(text: string): void {
    this.write(`${text}\n`);
    this.textLines += 1 + countNewlines(text);
  }
  flush(): void {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    writeSync(this.fd, buf);
    this.bytes += buf.length;
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const money = (minor: number | null | undefined) => (minor === null || minor === undefined ? '' : minorToDecimalString(minor));
/** RFC 4180 quoting: Allegro quotes text fields when non-empty; ids, amounts and dates are bare. */
const quoted = (text: string | null | undefined) => (text === null || text === undefined || text === '' ? '' : `"${text.replace(/"/g, '""')}"`);
const bare = (text: string | number | null | undefined) => (text === null || text === undefined ? '' : String(text));

/** Allegro's seller status (fulfillment.status) for a shop status, when the row has no raw one. */
function fulfillmentOf(o: OrderRow): string {
  if (o.fulfillment_status) return o.fulfillment_status;
  switch (o.status) {
    case 'to_pick':
      return 'PROCESSING';
    case 'packed':
      return 'READY_FOR_SHIPMENT';
    case 'shipped':
      return 'SENT';
    case 'delivered':
      return 'PICKED_UP';
    case 'on_hold':
      return 'SUSPENDED';
    case 'cancelled':
      return 'CANCELLED';
    default:
      return 'NEW';
  }
}

function allegroStatusOf(o: OrderRow): string {
  return o.allegro_status ?? (o.status === 'cancelled' ? 'CANCELLED' : 'READY_FOR_PROCESSING');
}

/** A stable UUID-looking id derived from a number (payment ids, line ids of rows that have none). */
function fakeUuid(prefix: number, n: number): string {
  const hex = (n * 2654435761 + prefix).toString(16).padStart(12, '0').slice(-12);
  return `${prefix.toString(16).padStart(8, '0')}-${hex.slice(0, 4)}-11f1-${hex.slice(4, 8)}-${hex.padStart(12, '0')}`;
}

function orderKey(o: OrderRow): string {
  return o.allegro_order_id ?? fakeUuid(0x0a11e960, o.id);
}

function ordersQuery(sqlite: BetterSqlite3.Database, limit: number | null) {
  return sqlite.prepare(
    `SELECT o.*, c.allegro_buyer_id, c.email, c.phone, c.company_name, c.first_name, c.last_name, c.guest
     FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
     ORDER BY o.bought_at DESC, o.id DESC ${limit === null ? '' : `LIMIT ${Math.floor(limit)}`}`,
  );
}

function linesOf(sqlite: BetterSqlite3.Database) {
  return sqlite.prepare('SELECT * FROM order_lines WHERE order_id = ? ORDER BY id');
}

function trackingOf(sqlite: BetterSqlite3.Database) {
  const stmt = sqlite.prepare('SELECT carrier, tracking_number FROM shipments WHERE order_id = ? AND tracking_number IS NOT NULL ORDER BY id');
  return (orderId: number) =>
    (stmt.all(orderId) as Array<{ carrier: string | null; tracking_number: string }>).map((s) => `${(s.carrier ?? 'OTHER').toUpperCase()} ${s.tracking_number}`).join(', ');
}

export const ORDER_HEADER =
  'Type,OrderId,SellerId,SellerLogin,OrderDate,SellerStatus,BuyerId,BuyerLogin,BuyerEmail,BuyerCompany,BuyerName,BuyerPhone,BuyerAddress,BuyerZip,BuyerCity,BuyerCountryCode,PaymentId,PaymentStatus,PaymentProvider,PaymentAmount,PaymentCurrency,DeliveryMethod,DeliveryAmount,DeliveryCurrency,DeliveryAddressCompanyName,DeliveryAddressName,DeliveryAddressPhone,DeliveryAddressStreet,DeliveryAddressZipCode,DeliveryAddressCity,DeliveryAddressCountry,DeliveryPickupPointId,DeliveryPickupPointName,DeliveryPickupPointStreet,DeliveryPickupPointZipCode,DeliveryPickupPointCity,InvoiceName,InvoiceCompanyName,InvoiceStreet,InvoiceZipCode,InvoiceCity,InvoiceCountry,InvoiceTaxId,TotalToPayAmount,TotalToPayCurrency,TotalPaidAmount,TotalPaidCurrency,SellerNotes,BuyerNotes,Smart,TrackingNumbers';
export const LINE_HEADER = 'Type,OrderId,LineItemId,OfferId,OfferExternalId,Name,Quantity,Price,Currency,FundraisingCampaign';
const SERVICE_HEADER = 'Type,OrderId,LineItemId,DefinitionId,Name,Quantity,UnitPrice,UnitPriceCurrency';

function paymentStatus(o: OrderRow): string {
  if (o.paid_at) return 'PAID';
  if (o.payment_type === 'CASH_ON_DELIVERY') return 'EXTERNAL_PAYMENT';
  return o.status === 'cancelled' ? 'CANCELLED' : 'IN_PROGRESS';
}

function splitAddress(address: string | null): { street: string; zip: string; city: string } {
  // pickup_point_address is stored as one line "Street 1, 00-000 City".
  const m = /^(.*?),\s*(\d{2}-\d{3})\s+(.*)$/.exec(address ?? '');
  return m ? { street: m[1]!, zip: m[2]!, city: m[3]! } : { street: address ?? '', zip: '', city: '' };
}

/**
 * The seller-panel orders CSV. `limit` takes the newest N orders only. Sections appear in Allegro's
 * order: all orders, then all line items (a second pass over the same rows), then the summary.
 */
export function writeOrdersCsv(sqlite: BetterSqlite3.Database, file: string, options: { limit?: number } = {}): WrittenFile {
  const out = new ChunkWriter(file);
  const tracking = trackingOf(sqlite);
  const lines = linesOf(sqlite);
  let orders = 0;
  let lineCount = 0;
  out.line(ORDER_HEADER);
  for (const o of ordersQuery(sqlite, options.limit ?? null).iterate() as IterableIterator<OrderRow>) {
    orders++;
    const pickup = splitAddress(o.pickup_point_address);
    const deliveryName = [o.delivery_first_name, o.delivery_last_name].filter(Boolean).join(' ');
    const invoiceName = o.invoice_required && !o.invoice_company_name ? [o.invoice_first_name, o.invoice_last_name].filter(Boolean).join(' ') : '';
    const paid = o.paid_at ? (o.paid_grosze ?? o.total_to_pay_grosze) : null;
    out.line(
      [
        'order', orderKey(o), '48213377', 'Demo_Sklep', o.bought_at, fulfillmentOf(o),
        bare(o.allegro_buyer_id), bare(o.buyer_login), bare(o.email), quoted(o.company_name), quoted(o.buyer_name), quoted(o.phone),
        quoted(o.delivery_street), bare(o.delivery_zip), quoted(o.delivery_city), bare(o.delivery_country),
        fakeUuid(0x0b0b0b0b, o.id), paymentStatus(o), bare(o.payment_provider), money(paid), paid === null ? '' : o.currency,
        quoted(o.delivery_method_name), money(o.delivery_cost_grosze ?? 0), o.currency,
        quoted(o.delivery_company), quoted(deliveryName), bare(o.delivery_phone), quoted(o.delivery_street), bare(o.delivery_zip), quoted(o.delivery_city), bare(o.delivery_country),
        bare(o.pickup_point_id), quoted(o.pickup_point_name), quoted(o.pickup_point_id ? pickup.street : ''), bare(o.pickup_point_id ? pickup.zip : ''), quoted(o.pickup_point_id ? pickup.city : ''),
        quoted(invoiceName), quoted(o.invoice_company_name), quoted(o.invoice_required ? o.invoice_street : ''), bare(o.invoice_required ? o.invoice_zip : ''), quoted(o.invoice_required ? o.invoice_city : ''), bare(o.invoice_required ? o.invoice_country : ''), bare(o.invoice_tax_id),
        money(o.total_to_pay_grosze), o.currency, money(o.status === 'cancelled' ? 0 : (paid ?? 0)), o.currency,
        quoted(o.seller_note), quoted(o.buyer_message), 'no', bare(tracking(o.id)),
      ].join(','),
    );
  }
  out.line('');
  out.line(LINE_HEADER);
  for (const o of ordersQuery(sqlite, options.limit ?? null).iterate() as IterableIterator<OrderRow>) {
    for (const l of lines.iterate(o.id) as IterableIterator<LineRow>) {
      lineCount++;
      out.line(
        [
          'lineItem', orderKey(o), l.allegro_line_id ?? fakeUuid(0x1111, lineCount), bare(l.offer_id), bare(l.external_id), quoted(l.name),
          String(l.quantity), money(l.unit_price_grosze), l.currency, '',
        ].join(','),
      );
    }
  }
  out.line('');
  out.line(SERVICE_HEADER);
  out.line('');
  out.line('Type,NumberOfOrders,NumberOfSkippedOrders');
  out.write(`summary,${orders},0`); // Allegro's file ends without a newline
  out.textLines += 1;
  out.close();
  return { file, orders, lines: lineCount, textLines: out.textLines, bytes: out.bytes };
}

const price = (minor: number | null | undefined, currency: string) => (minor === null || minor === undefined ? null : { amount: money(minor), currency });

/** One checkout form in the current API shape (FORMATS.md §2.3), from a stored order. */
function checkoutForm(o: OrderRow, orderLines: LineRow[], tracking: string): unknown {
  const vat = (rate: string | null) => (rate === null ? null : /^\d+$/.test(rate) ? `${rate}.00` : null);
  return {
    id: orderKey(o),
    messageToSeller: o.buyer_message,
    buyer: {
      id: o.allegro_buyer_id ?? String(100000 + o.id),
      email: o.email ?? `kupujacy${o.id}@allegromail.pl`,
      login: o.buyer_login ?? `Client:${o.id}`,
      firstName: o.first_name,
      lastName: o.last_name,
      companyName: o.company_name,
      guest: o.guest === 1,
      phoneNumber: o.phone,
      address: { street: o.delivery_street, city: o.delivery_city, postCode: o.delivery_zip, countryCode: o.delivery_country ?? 'PL' },
    },
    payment: {
      id: fakeUuid(0x0b0b0b0b, o.id),
      type: o.payment_type ?? 'ONLINE',
      provider: o.payment_provider ?? 'P24',
      finishedAt: o.paid_at,
      paidAmount: o.paid_at ? price(o.paid_grosze ?? o.total_to_pay_grosze, o.currency) : null,
    },
    status: allegroStatusOf(o),
    fulfillment: { status: fulfillmentOf(o), shipmentSummary: { lineItemsSent: tracking ? 'ALL' : 'NONE' }, provider: { id: 'SELLER' } },
    delivery: {
      address: o.delivery_street
        ? { firstName: o.delivery_first_name, lastName: o.delivery_last_name, companyName: o.delivery_company, street: o.delivery_street, city: o.delivery_city, zipCode: o.delivery_zip, countryCode: o.delivery_country ?? 'PL', phoneNumber: o.delivery_phone }
        : null,
      method: { id: o.delivery_method_id ?? 'demo-method', name: o.delivery_method_name ?? 'Allegro Paczkomaty InPost' },
      pickupPoint: o.pickup_point_id ? { id: o.pickup_point_id, name: o.pickup_point_name, description: null, address: { ...splitAddressJson(o.pickup_point_address), countryCode: 'PL' } } : null,
      cost: price(o.delivery_cost_grosze ?? 0, o.currency),
      smart: false,
      calculatedNumberOfPackages: 1,
    },
    invoice: {
      required: o.invoice_required === 1,
      address: o.invoice_required
        ? {
            street: o.invoice_street,
            city: o.invoice_city,
            zipCode: o.invoice_zip,
            countryCode: o.invoice_country ?? 'PL',
            company: o.invoice_company_name ? { name: o.invoice_company_name, ids: o.invoice_tax_id ? [{ type: 'PL_NIP', value: o.invoice_tax_id }] : [], vatPayerStatus: 'ACTIVE' } : null,
            naturalPerson: o.invoice_company_name ? null : { firstName: o.invoice_first_name, lastName: o.invoice_last_name },
          }
        : null,
      dueDate: null,
    },
    lineItems: orderLines.map((l, i) => ({
      id: l.allegro_line_id ?? fakeUuid(0x1111, o.id * 100 + i),
      offer: { id: l.offer_id ?? '0', name: l.name, external: l.external_id ? { id: l.external_id } : null },
      quantity: l.quantity,
      originalPrice: price(l.original_unit_price_grosze ?? l.unit_price_grosze, l.currency),
      price: price(l.unit_price_grosze, l.currency),
      boughtAt: l.bought_at ?? o.bought_at,
      tax: { rate: vat(l.vat_rate), subject: 'GOODS', exemption: null },
      discounts: [],
      selectedAdditionalServices: [],
    })),
    surcharges: [],
    discounts: undefined,
    note: o.seller_note ? { text: o.seller_note } : null,
    marketplace: { id: o.marketplace ?? 'allegro-pl' },
    summary: { totalToPay: price(o.total_to_pay_grosze, o.currency) },
    updatedAt: o.allegro_updated_at ?? o.bought_at,
    revision: o.revision ?? (o.id * 2654435761).toString(16).slice(-8),
  };
}

function splitAddressJson(address: string | null): { street: string; zipCode: string; city: string } {
  const a = splitAddress(address);
  return { street: a.street, zipCode: a.zip, city: a.city };
}

/**
 * Checkout forms as the REST API pages them (`{checkoutForms, count, totalCount}`) in one file, or as
 * newline-delimited JSON (one form per line).
 */
export function writeCheckoutFormsJson(
  sqlite: BetterSqlite3.Database,
  file: string,
  options: { limit?: number; layout?: 'page' | 'ndjson' } = {},
): WrittenFile {
  const layout = options.layout ?? 'page';
  const out = new ChunkWriter(file);
  const tracking = trackingOf(sqlite);
  const lines = linesOf(sqlite);
  let orders = 0;
  let lineCount = 0;
  const total = options.limit ?? (sqlite.prepare('SELECT count(*) FROM orders').pluck().get() as number);
  if (layout === 'page') out.write('{"checkoutForms":[\n');
  for (const o of ordersQuery(sqlite, options.limit ?? null).iterate() as IterableIterator<OrderRow>) {
    const orderLines = lines.all(o.id) as LineRow[];
    lineCount += orderLines.length;
    const json = JSON.stringify(checkoutForm(o, orderLines, tracking(o.id)));
    if (layout === 'page') out.line(`${orders > 0 ? ',' : ''}${json}`);
    else out.line(json);
    orders++;
  }
  if (layout === 'page') out.line(`],"count":${orders},"totalCount":${Math.max(total, orders)}}`);
  out.close();
  return { file, orders, lines: lineCount, textLines: out.textLines, bytes: out.bytes };
}

/**
 * The baseline's input: the same line items with their order's fields, one flat CSV row each, header
 * first — what `sqlite3 … .import` loads into a bare table with no validation, keys or triggers.
 */
export function writeFlatLineItemsCsv(sqlite: BetterSqlite3.Database, file: string, options: { limit?: number } = {}): WrittenFile {
  const out = new ChunkWriter(file);
  const lines = linesOf(sqlite);
  let orders = 0;
  let lineCount = 0;
  out.line('order_id,order_date,status,buyer_login,buyer_name,total_to_pay,currency,line_item_id,offer_id,external_id,name,quantity,price');
  for (const o of ordersQuery(sqlite, options.limit ?? null).iterate() as IterableIterator<OrderRow>) {
    orders++;
    for (const l of lines.iterate(o.id) as IterableIterator<LineRow>) {
      lineCount++;
      out.line(
        [
          orderKey(o), o.bought_at, fulfillmentOf(o), bare(o.buyer_login), quoted(o.buyer_name), money(o.total_to_pay_grosze), o.currency,
          l.allegro_line_id ?? fakeUuid(0x1111, lineCount), bare(l.offer_id), bare(l.external_id), quoted(l.name), String(l.quantity), money(l.unit_price_grosze),
        ].join(','),
      );
    }
  }
  out.close();
  return { file, orders, lines: lineCount, textLines: out.textLines, bytes: out.bytes };
}
