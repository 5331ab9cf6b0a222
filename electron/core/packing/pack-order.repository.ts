import type { PackLine, PackOrder } from '../../../shared/contract/packing.contract';
import type { OrderStatusColumn } from '../db/schema';
import type { SqliteDatabase } from '../db/connection';
import { DomainError } from '../errors';
import { carrierFromMethodName as guessCarrier } from '../orders/carrier';
import { paymentOf } from '../orders/order-row';
import { prepared } from '../stock/product.repository';
import { effectiveDispatchBy } from './dispatch-by';
import { orderNumber } from './order-code';

/**
 * Reads for packing one order, in raw SQL over better-sqlite3 (prepared once per connection): a scan
 * reads the order and its lines every time, and the scan → ship path has a 2 ms budget.
 */

export const PACKABLE_STATUSES: readonly OrderStatusColumn[] = ['to_pick', 'packed'];

export interface RawPackOrder {
  id: number;
  allegroOrderId: string | null;
  status: OrderStatusColumn;
  boughtAt: string;
  paidAt: string | null;
  paymentType: string | null;
  totalToPayGrosze: number;
  buyerLogin: string | null;
  buyerName: string | null;
  buyerMessage: string | null;
  sellerNote: string | null;
  deliveryMethodName: string | null;
  carrier: string | null;
  pickupPointName: string | null;
  dispatchBy: string | null;
}

export interface RawPackLine {
  id: number;
  name: string;
  productId: number | null;
  externalId: string | null;
  quantity: number;
  packedQuantity: number;
  forcedQuantity: number;
  sku: string | null;
  ean: string | null;
  locationId: number | null;
  locationCode: string | null;
  onHand: number | null;
  allowBackorder: number | null;
  purchasePriceGrosze: number | null;
  productName: string | null;
}

export function readPackOrder(sqlite: SqliteDatabase, orderId: number): RawPackOrder {
  const order = prepared(
    sqlite,
    `SELECT id, allegro_order_id AS allegroOrderId, status, bought_at AS boughtAt, paid_at AS paidAt, payment_type AS paymentType,
            total_to_pay_grosze AS totalToPayGrosze, buyer_login AS buyerLogin,
            buyer_name AS buyerName, buyer_message AS buyerMessage, seller_note AS sellerNote,
            delivery_method_name AS deliveryMethodName, carrier, pickup_point_name AS pickupPointName, dispatch_by AS dispatchBy
     FROM orders WHERE id = ?`,
  ).get(orderId) as RawPackOrder | undefined;
  if (!order) throw new DomainError('not_found', `There is no order with id ${orderId}.`, { orderId });
  return order;
}

export function readPackLines(sqlite: SqliteDatabase, orderId: number): RawPackLine[] {
  return prepared(
    sqlite,
    `SELECT l.id, l.name, l.product_id AS productId, l.external_id AS externalId, l.quantity, l.packed_quantity AS packedQuantity,
            l.forced_quantity AS forcedQuantity,
            p.sku, p.ean, p.default_location_id AS locationId, loc.code AS locationCode, p.on_hand AS onHand,
            p.allow_backorder AS allowBackorder, p.purchase_price_grosze AS purchasePriceGrosze, p.name AS productName
     FROM order_lines l
     LEFT JOIN products p ON p.id = l.product_id
     LEFT JOIN locations loc ON loc.id = p.default_location_id
     WHERE l.order_id = ? ORDER BY l.id`,
  ).all(orderId) as RawPackLine[];
}

export function toPackLine(l: RawPackLine): PackLine {
  return {
    id: l.id,
    name: l.name,
    productId: l.productId,
    sku: l.sku ?? l.externalId,
    ean: l.ean,
    locationCode: l.locationCode,
    quantity: l.quantity,
    packedQuantity: l.packedQuantity,
    verified: l.packedQuantity >= l.quantity,
    forcedQuantity: Math.min(l.forcedQuantity, l.packedQuantity),
    verifiable: l.productId !== null,
  };
}

export function allVerified(lines: readonly { packedQuantity: number; quantity: number }[]): boolean {
  return lines.length > 0 && lines.every((l) => l.packedQuantity >= l.quantity);
}

export function loadPackOrder(sqlite: SqliteDatabase, orderId: number, handlingTimeDays: number, now: Date): PackOrder {
  const o = readPackOrder(sqlite, orderId);
  const lines = readPackLines(sqlite, orderId);
  const shipments = prepared(
    sqlite,
    'SELECT id, carrier, tracking_number AS trackingNumber, dispatched_at AS dispatchedAt FROM shipments WHERE order_id = ? AND cancelled_at IS NULL ORDER BY id',
  ).all(orderId) as PackOrder['shipments'];
  const dispatchBy = effectiveDispatchBy(o, handlingTimeDays).at;
  const done = ['shipped', 'delivered', 'cancelled'].includes(o.status);
  return {
    id: o.id,
    number: orderNumber(o),
    allegroOrderId: o.allegroOrderId,
    status: o.status,
    boughtAt: o.boughtAt,
    buyerLogin: o.buyerLogin,
    buyerName: o.buyerName,
    buyerMessage: o.buyerMessage,
    sellerNote: o.sellerNote,
    deliveryMethodName: o.deliveryMethodName,
    carrier: o.carrier ?? guessCarrier(o.deliveryMethodName),
    pickupPointName: o.pickupPointName,
    dispatchBy,
    overdue: !done && Date.parse(dispatchBy) < now.getTime(),
    lines: lines.map(toPackLine),
    allVerified: allVerified(lines),
    packable: PACKABLE_STATUSES.includes(o.status),
    shipments,
    payment: paymentOf(o),
    totalToPayGrosze: o.totalToPayGrosze,
  };
}

/** The order's shop status, written raw inside the caller's IMMEDIATE transaction (hot path). */
export function setOrderStatus(sqlite: SqliteDatabase, orderId: number, status: 'to_pick' | 'packed' | 'shipped', at: Date): void {
  prepared(sqlite, 'UPDATE orders SET status = ?, updated_at = ? WHERE id = ?').run(status, at.toISOString(), orderId);
}
