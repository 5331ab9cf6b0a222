import type { OrderRow, PaymentFilter } from '../../../shared/contract/orders.contract';
import type { OrderStatus } from '../../../shared/domain/order-status';
import type { SqliteDatabase } from '../db/connection';
import { prepared } from '../stock/product.repository';
import { isOverdue, promisedDispatchBy } from './dispatch-promise';

/** Columns of an order as the list shows it (raw names; mapped by toOrderRow). */
export const ORDER_LIST_COLUMNS = `o.id, o.allegro_order_id AS allegroOrderId, o.source, o.bought_at AS boughtAt,
  o.buyer_login AS buyerLogin, o.buyer_name AS buyerName, o.status, o.allegro_status AS allegroStatus,
  o.fulfillment_status AS fulfillmentStatus, o.payment_type AS paymentType, o.paid_at AS paidAt,
  o.total_to_pay_grosze AS totalToPayGrosze, o.currency, o.delivery_method_name AS deliveryMethodName,
  o.carrier, o.pickup_point_name AS pickupPointName, o.invoice_required AS invoiceRequired, o.dispatch_by AS dispatchBy`;

export interface RawOrder {
  id: number;
  allegroOrderId: string | null;
  source: string;
  boughtAt: string;
  buyerLogin: string | null;
  buyerName: string | null;
  status: OrderStatus;
  allegroStatus: string | null;
  fulfillmentStatus: string | null;
  paymentType: string | null;
  paidAt: string | null;
  totalToPayGrosze: number;
  currency: string;
  deliveryMethodName: string | null;
  carrier: string | null;
  pickupPointName: string | null;
  invoiceRequired: number;
  dispatchBy: string | null;
}

export const CASH_ON_DELIVERY = 'CASH_ON_DELIVERY';

export function paymentOf(order: { paymentType: string | null; paidAt: string | null }): PaymentFilter {
  if (order.paymentType === CASH_ON_DELIVERY) return 'cod';
  return order.paidAt ? 'paid' : 'unpaid';
}

/**
 * The promised dispatch deadline: stored (Allegro's window or the import's computation) or, when the
 * order has none, the shop's handling time counted from payment (purchase for cash on delivery).
 */
export function dispatchByOf(order: { dispatchBy: string | null; paidAt: string | null; boughtAt: string }, handlingTimeDays: number): { value: string; computed: boolean } {
  if (order.dispatchBy) return { value: order.dispatchBy, computed: false };
  return { value: promisedDispatchBy({ startedAt: order.paidAt ?? order.boughtAt, handlingTimeDays }), computed: true };
}

interface LineSummary {
  orderId: number;
  lineCount: number;
  itemCount: number;
  firstItemName: string | null;
}

/** Line counts and the first line's name for one page of orders (one grouped query, index order_lines_order). */
export function lineSummaries(sqlite: SqliteDatabase, orderIds: readonly number[]): Map<number, LineSummary> {
  if (orderIds.length === 0) return new Map();
  // In an aggregate with min(id), SQLite takes the bare column `name` from the row holding the minimum.
  const rows = prepared(
    sqlite,
    `SELECT order_id AS orderId, count(*) AS lineCount, sum(quantity) AS itemCount, min(id) AS firstId, name AS firstItemName
     FROM order_lines WHERE order_id IN (SELECT value FROM json_each(?)) GROUP BY order_id`,
  ).all(JSON.stringify(orderIds)) as LineSummary[];
  return new Map(rows.map((r) => [r.orderId, r]));
}

export function toOrderRows(sqlite: SqliteDatabase, raws: readonly RawOrder[], handlingTimeDays: number, now: Date): OrderRow[] {
  const lines = lineSummaries(
    sqlite,
    raws.map((r) => r.id),
  );
  return raws.map((raw) => {
    const promise = dispatchByOf(raw, handlingTimeDays);
    const summary = lines.get(raw.id);
    return {
      id: raw.id,
      allegroOrderId: raw.allegroOrderId,
      source: raw.source,
      boughtAt: raw.boughtAt,
      buyerLogin: raw.buyerLogin,
      buyerName: raw.buyerName,
      status: raw.status,
      allegroStatus: raw.allegroStatus,
      fulfillmentStatus: raw.fulfillmentStatus,
      payment: paymentOf(raw),
      paymentType: raw.paymentType,
      paidAt: raw.paidAt,
      totalToPayGrosze: raw.totalToPayGrosze,
      currency: raw.currency,
      deliveryMethodName: raw.deliveryMethodName,
      carrier: raw.carrier,
      pickupPointName: raw.pickupPointName,
      invoiceRequired: raw.invoiceRequired === 1,
      dispatchBy: promise.value,
      overdue: isOverdue({ status: raw.status, dispatchBy: promise.value }, now),
      itemCount: summary?.itemCount ?? 0,
      lineCount: summary?.lineCount ?? 0,
      firstItemName: summary?.firstItemName ?? null,
    };
  });
}
