import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { pickListForOrders } from '../packing/pick-list';
import { internalNumber } from './order-number';

/** One thing to take from a shelf: a product (or an unlinked offer line) with the quantity per order. */
export interface PickRow {
  productId: number | null;
  sku: string | null;
  ean: string | null;
  location: string | null;
  name: string;
  quantity: number;
  /** On hand now (null for unlinked lines): the list marks a shortfall before anyone walks to the shelf. */
  onHand: number | null;
  /** Per order, with our short number (ZAP-<id>) so the list stays readable. */
  perOrder: Array<{ orderId: number; number: string; quantity: number }>;
}

export interface PickBatchOrder {
  id: number;
  /** ZAP-<id>. */
  number: string;
  /** The number on the order's packing slip (Allegro's id when there is one). */
  slipNumber: string;
  buyerName: string | null;
  deliveryMethod: string | null;
}

/**
 * The pick list of a batch, from the packing area's `pickListForOrders` (remaining units per product,
 * sorted by shelf; unknown ids fail with `not_found`), shaped for printing: short order numbers in the
 * rows, and a key from them to the slips' numbers.
 */
export async function loadPickList(db: Kysely<Database>, orderIds: readonly number[], at: Date): Promise<{ orders: PickBatchOrder[]; rows: PickRow[] }> {
  const data = await pickListForOrders(db, orderIds, at);
  return {
    orders: data.orders.map((o) => ({ id: o.id, number: internalNumber(o.id), slipNumber: o.number, buyerName: o.buyerName, deliveryMethod: o.deliveryMethodName })),
    rows: data.items.map((item) => ({
      productId: item.productId,
      sku: item.sku,
      ean: item.ean,
      location: item.locationCode,
      name: item.name,
      quantity: item.quantity,
      onHand: item.onHand,
      perOrder: item.orders.map((o) => ({ orderId: o.orderId, number: internalNumber(o.orderId), quantity: o.quantity })),
    })),
  };
}
