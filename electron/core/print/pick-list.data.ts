import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { internalNumber } from './order-number';
import { byLocation } from './packing-slip.data';

/** One thing to take from a shelf: a product (or an unlinked offer line) with the quantity per order. */
export interface PickRow {
  productId: number | null;
  sku: string | null;
  ean: string | null;
  location: string | null;
  name: string;
  quantity: number;
  perOrder: Array<{ orderId: number; number: string; quantity: number }>;
}

export interface PickBatchOrder {
  id: number;
  number: string;
  allegroOrderId: string | null;
  buyerLogin: string | null;
  buyerName: string | null;
}

/**
 * The pick list of a batch: order lines added up per product, sorted by shelf location so one walk
 * through the store room collects everything. Lines not linked to a product are grouped by the seller's
 * SKU from the offer (or, without one, by name) so they are still picked. Quantities are what remains to
 * pack (quantity − packed), so a half-packed order is not picked twice.
 *
 * Our own query until the packing area's `pickListForOrders` is available to share.
 */
export async function loadPickList(db: Kysely<Database>, orderIds: readonly number[]): Promise<{ orders: PickBatchOrder[]; rows: PickRow[] }> {
  const unique = [...new Set(orderIds)];
  const orders: PickBatchOrder[] = [];
  const rows = new Map<string, PickRow>();
  for (let i = 0; i < unique.length; i += 500) {
    const ids = unique.slice(i, i + 500);
    const found = await db.selectFrom('orders').select(['id', 'allegroOrderId', 'buyerLogin', 'buyerName']).where('id', 'in', ids).execute();
    for (const o of found) orders.push({ id: o.id, number: internalNumber(o.id), allegroOrderId: o.allegroOrderId, buyerLogin: o.buyerLogin, buyerName: o.buyerName });
    const lines = await db
      .selectFrom('orderLines as l')
      .leftJoin('products as p', 'p.id', 'l.productId')
      .leftJoin('locations as loc', 'loc.id', 'p.defaultLocationId')
      .select(['l.orderId', 'l.productId', 'l.name', 'l.quantity', 'l.packedQuantity', 'l.externalId', 'p.sku', 'p.ean', 'p.name as productName', 'loc.code as location'])
      .where('l.orderId', 'in', ids)
      .orderBy('l.orderId')
      .orderBy('l.id')
      .execute();
    for (const l of lines) {
      const remaining = l.quantity - l.packedQuantity;
      if (remaining <= 0) continue;
      const key = l.productId !== null ? `p:${l.productId}` : l.externalId ? `s:${l.externalId}` : `n:${l.name}`;
      let row = rows.get(key);
      if (!row) {
        row = { productId: l.productId, sku: l.sku ?? l.externalId, ean: l.ean, location: l.location, name: l.productName ?? l.name, quantity: 0, perOrder: [] };
        rows.set(key, row);
      }
      row.quantity += remaining;
      const existing = row.perOrder.find((p) => p.orderId === l.orderId);
      if (existing) existing.quantity += remaining;
      else row.perOrder.push({ orderId: l.orderId, number: internalNumber(l.orderId), quantity: remaining });
    }
  }
  const known = new Set(orders.map((o) => o.id));
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length > 0) throw new DomainError('not_found', `No order with id ${missing.slice(0, 10).join(', ')}.`, { missing });
  orders.sort((a, b) => unique.indexOf(a.id) - unique.indexOf(b.id));
  return { orders, rows: [...rows.values()].sort(byLocation) };
}
