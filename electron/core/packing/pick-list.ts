import type { Kysely } from 'kysely';
import type { PickListItem, PickListOutput } from '../../../shared/contract/packing.contract';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { orderNumber } from './order-code';

const CHUNK = 500;

/** Shelf codes in the order a person walks them: A-2 before A-10, case ignored; no shelf last. */
export function compareLocations(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'pl', { numeric: true, sensitivity: 'base' });
}

/**
 * The pick list of a batch of orders, as plain data (the printing area renders it, the packing screen
 * shows it): every unit still to pick (ordered minus already packed), added up per product, sorted by
 * the product's home shelf then name, with how many go to which order. Lines not linked to a stock
 * product are listed by their name (and the offer's SKU) so nothing is forgotten. Unknown order ids
 * fail the whole call (`not_found`, with the ids).
 */
export async function pickListForOrders(db: Kysely<Database>, orderIds: readonly number[], at: Date = new Date()): Promise<PickListOutput> {
  const unique = [...new Set(orderIds)];
  const orders: PickListOutput['orders'] = [];
  const items = new Map<string, PickListItem>();
  const numbers = new Map<number, string>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const ids = unique.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('orders')
      .select(['id', 'allegroOrderId', 'buyerName', 'deliveryMethodName', 'dispatchBy'])
      .where('id', 'in', ids)
      .execute();
    for (const o of rows) {
      const number = orderNumber(o);
      numbers.set(o.id, number);
      orders.push({ id: o.id, number, buyerName: o.buyerName, deliveryMethodName: o.deliveryMethodName, dispatchBy: o.dispatchBy });
    }
    const lines = await db
      .selectFrom('orderLines as l')
      .leftJoin('products as p', 'p.id', 'l.productId')
      .leftJoin('locations as loc', 'loc.id', 'p.defaultLocationId')
      .select(['l.orderId', 'l.name as lineName', 'l.externalId', 'l.quantity', 'l.packedQuantity', 'l.productId', 'p.sku', 'p.name as productName', 'p.ean', 'p.onHand', 'loc.code as locationCode'])
      .where('l.orderId', 'in', ids)
      .orderBy('l.id')
      .execute();
    for (const l of lines) {
      const remaining = l.quantity - l.packedQuantity;
      if (remaining <= 0) continue;
      const key = l.productId !== null ? `p${l.productId}` : `x${l.externalId ?? ''}\u0000${l.lineName}`;
      let item = items.get(key);
      if (!item) {
        item = {
          productId: l.productId,
          sku: l.sku ?? l.externalId,
          name: l.productName ?? l.lineName,
          ean: l.ean,
          locationCode: l.locationCode,
          quantity: 0,
          onHand: l.productId !== null ? (l.onHand ?? 0) : null,
          orders: [],
        };
        items.set(key, item);
      }
      item.quantity += remaining;
      const perOrder = item.orders.find((o) => o.orderId === l.orderId);
      if (perOrder) perOrder.quantity += remaining;
      else item.orders.push({ orderId: l.orderId, number: '', quantity: remaining });
    }
  }
  const missing = unique.filter((id) => !numbers.has(id));
  if (missing.length > 0) throw new DomainError('not_found', `There is no order with id ${missing.join(', ')}.`, { orderIds: missing });
  const sorted = [...items.values()].sort((a, b) => compareLocations(a.locationCode, b.locationCode) || a.name.localeCompare(b.name, 'pl'));
  for (const item of sorted) for (const o of item.orders) o.number = numbers.get(o.orderId)!;
  // Orders in the order asked (the queue's order), which is also how the per-order columns read.
  const position = new Map(unique.map((id, i) => [id, i]));
  orders.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  for (const item of sorted) item.orders.sort((a, b) => position.get(a.orderId)! - position.get(b.orderId)!);
  return { generatedAt: at.toISOString(), orders, items: sorted, totalUnits: sorted.reduce((s, i) => s + i.quantity, 0) };
}
