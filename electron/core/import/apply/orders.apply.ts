import { closeSync, openSync, readSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { OPEN_ORDER_STATUSES, type OrderStatus } from '../../../../shared/domain/order-status';
import { promisedDispatchBy } from '../../orders/dispatch-promise';
import { t } from '../problems';
import type { BadLineRecord, BuyerRecord, OrderLineRecord, OrderRecord } from '../records';
import type { Staging } from '../staging';
import type { ApplyContext, ApplyCounts } from './context';

type Value = string | number | null;
const OPEN = new Set<string>(OPEN_ORDER_STATUSES);

/**
 * The shop's status for an order as Allegro describes it. Unpaid orders wait (on hold); sent ones
 * are shipped; anything else is new for the shop to pick.
 */
export function shopStatusFor(r: Pick<OrderRecord, 'allegroStatus' | 'fulfillmentStatus' | 'paymentState' | 'source'>): OrderStatus {
  if (r.allegroStatus === 'CANCELLED' || r.fulfillmentStatus === 'CANCELLED') return 'cancelled';
  if (r.fulfillmentStatus === 'SENT') return 'shipped';
  if (r.fulfillmentStatus === 'PICKED_UP' || r.fulfillmentStatus === 'RETURNED') return 'delivered';
  if (r.fulfillmentStatus === 'SUSPENDED') return 'on_hold';
  if (r.allegroStatus === 'BOUGHT' || r.allegroStatus === 'FILLED_IN') return 'on_hold';
  if (r.source === 'csv' && r.paymentState === 'unpaid') return 'on_hold';
  return 'new';
}

/**
 * A newer revision of an order the shop already has: Allegro's cancellation always wins (unless the
 * parcel already left); other changes apply only while the shop has not started on the order, so an
 * import never takes a packed order back.
 */
export function nextShopStatus(current: OrderStatus, target: OrderStatus): OrderStatus {
  if (current === target) return current;
  if (target === 'cancelled') return current === 'shipped' || current === 'delivered' ? current : 'cancelled';
  if (current === 'new' || current === 'on_hold') return target;
  return current;
}

function orderColumns(r: OrderRecord): Record<string, Value> {
  return {
    buyer_login: r.buyerLogin,
    buyer_name: r.buyerName,
    marketplace: r.marketplace,
    allegro_status: r.allegroStatus,
    fulfillment_status: r.fulfillmentStatus,
    revision: r.revision,
    allegro_updated_at: r.allegroUpdatedAt,
    bought_at: r.boughtAt,
    payment_type: r.paymentType,
    payment_provider: r.paymentProvider,
    paid_at: r.paidAt,
    paid_grosze: r.paidGrosze,
    total_to_pay_grosze: r.totalToPayGrosze,
    currency: r.currency,
    delivery_method_id: r.deliveryMethodId,
    delivery_method_name: r.deliveryMethodName,
    carrier: r.carrier,
    delivery_cost_grosze: r.deliveryCostGrosze,
    pickup_point_id: r.pickupPointId,
    pickup_point_name: r.pickupPointName,
    pickup_point_address: r.pickupPointAddress,
    delivery_first_name: r.deliveryFirstName,
    delivery_last_name: r.deliveryLastName,
    delivery_company: r.deliveryCompany,
    delivery_street: r.deliveryStreet,
    delivery_city: r.deliveryCity,
    delivery_zip: r.deliveryZip,
    delivery_country: r.deliveryCountry,
    delivery_phone: r.deliveryPhone,
    invoice_required: r.invoiceRequired,
    invoice_company_name: r.invoiceCompanyName,
    invoice_tax_id: r.invoiceTaxId,
    invoice_first_name: r.invoiceFirstName,
    invoice_last_name: r.invoiceLastName,
    invoice_street: r.invoiceStreet,
    invoice_city: r.invoiceCity,
    invoice_zip: r.invoiceZip,
    invoice_country: r.invoiceCountry,
    buyer_message: r.buyerMessage,
    seller_note: r.sellerNote,
    // Only a file that has the field sets it: the CSV does not carry it and must not clear it.
    ...(r.paymentReconciliationGrosze !== undefined ? { payment_reconciliation_grosze: r.paymentReconciliationGrosze } : {}),
    // The two things the sales register read from raw_json (migration 2026-12-07-21); API files only.
    ...(r.surchargesGrosze !== undefined ? { surcharges_grosze: r.surchargesGrosze, invoice_due_date: r.invoiceDueDate ?? null } : {}),
  };
}

function lineColumns(l: OrderLineRecord): Record<string, Value> {
  return {
    offer_id: l.offerId,
    external_id: l.externalId,
    name: l.name,
    quantity: l.quantity,
    unit_price_grosze: l.unitPriceGrosze,
    original_unit_price_grosze: l.originalUnitPriceGrosze,
    currency: l.currency,
    vat_rate: l.vatRate,
    bought_at: l.boughtAt,
    // Set only by a file that has the fields (an older CSV layout has no Deposit: it leaves the line's as it is).
    ...(l.reconciliationGrosze !== undefined ? { reconciliation_grosze: l.reconciliationGrosze, reconciliation_type: l.reconciliationType ?? null } : {}),
    ...(l.depositGrosze !== undefined ? { deposit_grosze: l.depositGrosze } : {}),
    // Likewise the discounts: the CSV does not carry them and must not clear what an API file said.
    ...(l.discountTypes !== undefined ? { discount_types: l.discountTypes } : {}),
  };
}

/** Orders (checkout forms or the seller-panel CSV): upsert by Allegro's order id, lines by line id. */
export function applyOrders(ctx: ApplyContext): ApplyCounts {
  const { sqlite, staging, writer, matcher, problems, sample, at } = ctx;
  const counts: ApplyCounts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const orderShape = writer.shape('orders');
  const findOrder = sqlite.prepare(`SELECT id, ${orderShape.columns.join(', ')} FROM orders WHERE allegro_order_id = ?`).raw(true);
  const findCustomer = sqlite.prepare(`SELECT id, ${writer.shape('customers').columns.join(', ')} FROM customers WHERE allegro_buyer_id = ?`).raw(true);
  const lineShape = writer.shape('order_lines');
  const findLine = sqlite.prepare(`SELECT id, ${lineShape.columns.join(', ')} FROM order_lines WHERE allegro_line_id = ?`).raw(true);
  const linesOfOrder = sqlite.prepare(`SELECT id FROM order_lines WHERE order_id = ?`).pluck();
  const findReservation = sqlite.prepare(`SELECT id, ${writer.shape('reservations').columns.join(', ')} FROM reservations WHERE order_line_id = ?`).raw(true);
  const findShipment = sqlite.prepare('SELECT 1 FROM shipments WHERE order_id = ? AND tracking_number = ?');
  const total = staging.count('order');
  let done = 0;
  let olderIgnored = 0;
  let apiKept = 0;

  const customerId = (buyer: BuyerRecord | null, source: OrderRecord['source']): number | null => {
    if (!buyer) return null;
    const wanted = { login: buyer.login, email: buyer.email, first_name: buyer.firstName, last_name: buyer.lastName, company_name: buyer.companyName, phone: buyer.phone, guest: buyer.guest };
    const row = findCustomer.get(buyer.allegroBuyerId) as Value[] | undefined;
    if (!row) return writer.insert('customers', { allegro_buyer_id: buyer.allegroBuyerId, ...wanted, created_at: at, updated_at: at });
    const id = row[0] as number;
    const image = row.slice(1);
    // The CSV splits names differently from the API: only the API's data updates a known buyer.
    if (source === 'api') {
      const changes = writer.diff('customers', image, wanted);
      if (Object.keys(changes).length) writer.update('customers', id, image, { ...changes, updated_at: at });
      else writer.count('customers', 'unchanged');
    } else writer.count('customers', 'unchanged');
    return id;
  };

  const reserve = (lineId: number, productId: number, quantity: number) => {
    if (quantity > 0) writer.insert('reservations', { order_line_id: lineId, product_id: productId, quantity, created_at: at });
  };

  const releaseAll = (orderId: number) => {
    for (const lineId of linesOfOrder.all(orderId) as number[]) {
      const r = findReservation.get(lineId) as Value[] | undefined;
      if (r) writer.remove('reservations', r[0] as number, r.slice(1));
    }
  };

  const addTracking = (orderId: number, record: OrderRecord) => {
    for (const tr of record.tracking) {
      if (findShipment.get(orderId, tr.number)) continue;
      writer.insert('shipments', { order_id: orderId, carrier: tr.carrier ?? record.carrier, tracking_number: tr.number, allegro_shipment_id: null, dispatched_at: null, import_run_id: ctx.runId, created_at: at });
    }
  };

  const badOrders = staging.keys('badOrder');
  // Orders with a line that could not be read: imported without it, on hold, the reason in their history.
  const withBadLines = staging.parents('badLine');
  const badLinesOf = withBadLines.size ? sqliteBadLines(staging) : new Map<string, BadLineRecord[]>();
  const audit = sqlite.prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id, details_json) VALUES (?, 'system', 'order.status', 'order', ?, ?)");
  const holdForBadLines = (orderDbId: number, record: OrderRecord, from: OrderStatus, to: OrderStatus, row: number | null) => {
    const bad = badLinesOf.get(record.orderId) ?? [];
    // The API's bad lines name their order and line in the reason already (checkout-forms.ts); the CSV's by row.
    const lines = bad.map((b) => (record.source === 'csv' ? { pl: `${b.name ? `„${b.name}” ` : ''}(wiersz ${b.row}): ${b.reason.pl}`, en: `${b.name ? `"${b.name}" ` : ''}(row ${b.row}): ${b.reason.en}` } : b.reason));
    const reason = t(
      `Wstrzymane przy imporcie z pliku ${ctx.fileName}: ${bad.length === 1 ? 'pozycji nie dało się odczytać' : `${bad.length} pozycji nie dało się odczytać`} i nie zaimportowano ${bad.length === 1 ? 'jej' : 'ich'} — sprawdź zamówienie na Allegro. ${lines.map((l) => l.pl).join(' ')}`,
      `Put on hold by the import of ${ctx.fileName}: ${bad.length === 1 ? 'a line item could not be read and was' : `${bad.length} line items could not be read and were`} not imported — check the order on Allegro. ${lines.map((l) => l.en).join(' ')}`,
    );
    audit.run(at, String(orderDbId), JSON.stringify({ from, to, reason: reason.pl, reasonText: reason, reasonCode: 'import_bad_line', file: ctx.fileName, importRunId: ctx.runId }));
    problems.warning('order_held_bad_line', { row, column: 'OrderId', value: record.orderId }, t(
      `Zamówienie ${record.orderId}${row ? ` (wiersz ${row})` : ''} zostanie zaimportowane bez błędnych pozycji i wstrzymane; powód zapisany w jego historii.`,
      `Order ${record.orderId}${row ? ` (row ${row})` : ''} is imported without its bad line items and put on hold; the reason is kept in its history.`,
    ));
  };
  /**
   * Line items whose id already belongs to another order in the shop are not imported (a line is one
   * order's): the order is imported without them and, while still new, put on hold with the reason in its
   * history — never left paid and ready to pack with goods missing (second walk: an order of one such line
   * came in with no goods at all, "Nowe" and "Opłacone").
   */
  const holdForLinesElsewhere = (orderDbId: number, record: OrderRecord, from: OrderStatus, to: OrderStatus, where: { row: number | null; jsonPath: string | null }, lineIds: string[]) => {
    const reason = t(
      `Wstrzymane przy imporcie z pliku ${ctx.fileName}: ${lineIds.length === 1 ? `pozycja ${lineIds[0]} należy` : `pozycje ${lineIds.join(', ')} należą`} już do innego zamówienia w Zapleczu i nie ${lineIds.length === 1 ? 'została zaimportowana' : 'zostały zaimportowane'} — sprawdź zamówienie na Allegro.`,
      `Put on hold by the import of ${ctx.fileName}: line item${lineIds.length === 1 ? ` ${lineIds[0]} already belongs` : `s ${lineIds.join(', ')} already belong`} to another order in Zaplecze and ${lineIds.length === 1 ? 'was' : 'were'} not imported — check the order on Allegro.`,
    );
    if (from !== to) audit.run(at, String(orderDbId), JSON.stringify({ from, to, reason: reason.pl, reasonText: reason, reasonCode: 'import_line_elsewhere', file: ctx.fileName, importRunId: ctx.runId }));
    for (const lineId of lineIds) {
      problems.warning('line_elsewhere', { row: where.row, jsonPath: where.jsonPath, column: 'lineItems.id', value: lineId }, t(
        `Pozycja ${lineId} należy już do innego zamówienia w Zapleczu — pominięta; zamówienie ${record.orderId} ${to === 'on_hold' ? 'zostanie wstrzymane, powód zapisany w jego historii' : 'zaimportowane bez niej'}.`,
        `Line item ${lineId} already belongs to another order in Zaplecze — skipped; order ${record.orderId} ${to === 'on_hold' ? 'is put on hold, the reason kept in its history' : 'is imported without it'}.`,
      ));
    }
  };
  // The CSV's line items are records of their own (joined to their order here); the API's are inside the order.
  for (const { record: staged, children } of staging.iterateWithChildren<OrderRecord, OrderLineRecord>('order', 'line')) {
    done += 1;
    if (done % 1000 === 0) ctx.progress(done, total);
    const record = staged.data;
    if (badOrders.has(record.orderId)) {
      counts.rejected += 1;
      sample.action(record.orderId, 'invalid');
      continue;
    }
    let lines = record.lines;
    if (record.source === 'csv') lines = children.map((c) => c.data);
    const existing = findOrder.get(record.orderId) as Value[] | undefined;
    // The file is kept once for the whole run (import_sources, gzip), not as JSON in every order (2.4 KB
    // an order): the register's two fields from it are columns (surcharges_grosze, invoice_due_date). An
    // order imported before keeps the raw_json it has.
    const wanted = orderColumns(record);

    const hasBadLines = withBadLines.has(record.orderId);
    if (!existing) {
      const elsewhere = lines.filter((line) => findLine.get(line.lineId) !== undefined).map((line) => line.lineId);
      const allegroStatus = shopStatusFor(record);
      const status: OrderStatus = (hasBadLines || elsewhere.length > 0) && allegroStatus === 'new' ? 'on_hold' : allegroStatus;
      const dispatchBy = promisedDispatchBy({ allegroDispatchTo: record.allegroDispatchTo, startedAt: record.paidAt ?? record.boughtAt, handlingTimeDays: ctx.handlingTimeDays });
      const orderId = writer.insert('orders', {
        allegro_order_id: record.orderId,
        source: 'allegro',
        customer_id: customerId(record.buyer, record.source),
        status,
        document_number: null,
        dispatch_by: dispatchBy,
        import_run_id: ctx.runId,
        created_at: at,
        updated_at: at,
        ...wanted,
      });
      for (const line of lines) {
        if (elsewhere.includes(line.lineId)) continue;
        const productId = matcher.matchLine(line.offerId, line.externalId);
        const lineId = writer.insert('order_lines', { order_id: orderId, allegro_line_id: line.lineId, product_id: productId, packed_quantity: 0, ...lineColumns(line) });
        if (productId && OPEN.has(status)) reserve(lineId, productId, line.quantity);
      }
      addTracking(orderId, record);
      if (hasBadLines) holdForBadLines(orderId, record, allegroStatus, status, staged.row);
      if (elsewhere.length) holdForLinesElsewhere(orderId, record, hasBadLines ? status : allegroStatus, status, { row: staged.row, jsonPath: staged.path }, elsewhere);
      counts.inserted += 1;
      sample.action(record.orderId, 'insert');
      continue;
    }

    const id = existing[0] as number;
    const image = existing.slice(1);
    const get = (c: string) => writer.get('orders', image, c);
    const storedIsApi = get('revision') !== null || get('allegro_updated_at') !== null;
    if (record.source === 'api' && storedIsApi) {
      if (record.revision === get('revision') && record.allegroUpdatedAt === get('allegro_updated_at')) {
        counts.unchanged += 1;
        writer.count('orders', 'unchanged');
        sample.action(record.orderId, 'unchanged');
        continue;
      }
      if (record.allegroUpdatedAt !== null && get('allegro_updated_at') !== null && record.allegroUpdatedAt < (get('allegro_updated_at') as string)) {
        olderIgnored += 1;
        counts.unchanged += 1;
        writer.count('orders', 'unchanged');
        sample.action(record.orderId, 'unchanged');
        continue;
      }
    }
    if (record.source === 'csv' && storedIsApi) {
      apiKept += 1;
      counts.unchanged += 1;
      writer.count('orders', 'unchanged');
      sample.action(record.orderId, 'unchanged');
      continue;
    }

    let changed = false;
    const currentStatus = get('status') as OrderStatus;
    const fromFile = shopStatusFor(record);
    const elsewhere = lines
      .filter((line) => {
        const found = findLine.get(line.lineId) as Value[] | undefined;
        return found !== undefined && writer.get('order_lines', found.slice(1), 'order_id') !== id;
      })
      .map((line) => line.lineId);
    const target = nextShopStatus(currentStatus, (hasBadLines || elsewhere.length > 0) && fromFile === 'new' ? 'on_hold' : fromFile);
    if (hasBadLines) holdForBadLines(id, record, currentStatus, target, staged.row);
    if (elsewhere.length) holdForLinesElsewhere(id, record, hasBadLines ? target : currentStatus, target, { row: staged.row, jsonPath: staged.path }, elsewhere);
    // A note the owner wrote in Zaplecze is not wiped by a file that has none.
    const desired: Record<string, unknown> = { ...wanted, status: target };
    if (record.sellerNote === null) delete desired.seller_note;
    if (record.allegroDispatchTo) desired.dispatch_by = new Date(record.allegroDispatchTo).toISOString();
    const changes = writer.diff('orders', image, desired);
    if (Object.keys(changes).length) {
      writer.update('orders', id, image, { ...changes, updated_at: at });
      changed = true;
    }
    const wasOpen = OPEN.has(currentStatus);
    const isOpen = OPEN.has(target);
    if (wasOpen && !isOpen) releaseAll(id);
    for (const line of lines) {
      const found = findLine.get(line.lineId) as Value[] | undefined;
      if (!found) {
        const productId = matcher.matchLine(line.offerId, line.externalId);
        const lineId = writer.insert('order_lines', { order_id: id, allegro_line_id: line.lineId, product_id: productId, packed_quantity: 0, ...lineColumns(line) });
        if (productId && isOpen) reserve(lineId, productId, line.quantity);
        changed = true;
        continue;
      }
      const lineId = found[0] as number;
      const lineImage = found.slice(1);
      if (elsewhere.includes(line.lineId)) continue; // said and held above
      const lineWanted: Record<string, unknown> = lineColumns(line);
      let productId = writer.get('order_lines', lineImage, 'product_id') as number | null;
      if (productId === null) {
        productId = matcher.matchLine(line.offerId, line.externalId);
        if (productId !== null) lineWanted.product_id = productId;
      }
      const packed = Number(writer.get('order_lines', lineImage, 'packed_quantity') ?? 0);
      if (line.quantity < packed) lineWanted.quantity = packed; // never below what is already packed
      const lineChanges = writer.diff('order_lines', lineImage, lineWanted);
      if (Object.keys(lineChanges).length) {
        writer.update('order_lines', lineId, lineImage, lineChanges);
        changed = true;
      }
      if (isOpen && productId !== null) {
        const quantity = Number(lineChanges.quantity ?? writer.get('order_lines', lineImage, 'quantity')) - packed;
        const r = findReservation.get(lineId) as Value[] | undefined;
        if (!r) {
          if (quantity > 0) {
            reserve(lineId, productId, quantity);
            changed = true;
          }
        } else {
          const rImage = r.slice(1);
          const rChanges = writer.diff('reservations', rImage, { product_id: productId, quantity });
          if (quantity <= 0) {
            writer.remove('reservations', r[0] as number, rImage);
            changed = true;
          } else if (Object.keys(rChanges).length) {
            writer.update('reservations', r[0] as number, rImage, rChanges);
            changed = true;
          }
        }
      }
    }
    const shipmentsBefore = writer.entities.get('shipments')?.inserted ?? 0;
    addTracking(id, record);
    if ((writer.entities.get('shipments')?.inserted ?? 0) > shipmentsBefore) changed = true;
    if (changed) {
      counts.updated += 1;
      sample.action(record.orderId, 'update');
    } else {
      counts.unchanged += 1;
      writer.count('orders', 'unchanged');
      sample.action(record.orderId, 'unchanged');
    }
  }
  ctx.progress(total, total);
  if ((ctx.format === 'allegro-orders-csv' || ctx.format === 'allegro-checkout-forms') && counts.inserted + counts.updated > 0) keepSource(ctx);
  if (olderIgnored) {
    problems.warning('older_than_stored', {}, t(
      `${olderIgnored} zamówień w pliku jest w starszej wersji niż już zapisane w Zapleczu — pozostawiono nowsze.`,
      `${olderIgnored} orders in the file are older versions of ones Zaplecze already has — the newer ones were kept.`,
    ));
  }
  if (apiKept) {
    problems.warning('api_data_kept', {}, t(
      `${apiKept} zamówień zaimportowano już wcześniej z danych Allegro (JSON), które są dokładniejsze niż CSV — pozostawiono je bez zmian.`,
      `${apiKept} orders were imported before from Allegro's API data (JSON), which is more detailed than the CSV — they were left as they are.`,
    ));
  }
  return counts;
}

/** Source parts of at most this many bytes, each compressed on its own (bounded memory for any file). */
const SOURCE_PART = 4 << 20;

/** The imported orders file (CSV or checkout-forms JSON), gzip-compressed in parts, once per run (see migration 2026-12-07-11). */
function keepSource(ctx: ApplyContext): void {
  const path = ctx.staging.sourcePath;
  if (!path) return;
  const insert = ctx.sqlite.prepare('INSERT INTO import_sources (run_id, part, gzip) VALUES (?, ?, ?)');
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(SOURCE_PART);
    for (let part = 0; ; part += 1) {
      const n = readSync(fd, buffer, 0, SOURCE_PART, null);
      if (n === 0) break;
      insert.run(ctx.runId, part, gzipSync(buffer.subarray(0, n), { level: 1 }));
    }
  } finally {
    closeSync(fd);
  }
}

/** The bad line items of the file, by order (few: only lines that failed their checks). */
function sqliteBadLines(staging: Staging): Map<string, BadLineRecord[]> {
  const byOrder = new Map<string, BadLineRecord[]>();
  for (const r of staging.iterate<BadLineRecord>('badLine')) {
    if (!r.parent) continue;
    const list = byOrder.get(r.parent) ?? [];
    list.push(r.data);
    byOrder.set(r.parent, list);
  }
  return byOrder;
}
