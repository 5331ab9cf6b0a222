import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { slipNumber } from './order-number';

export interface SlipLine {
  sku: string | null;
  ean: string | null;
  location: string | null;
  name: string;
  quantity: number;
}

/** Everything one packing slip shows about an order. */
export interface SlipOrder {
  id: number;
  allegroOrderId: string | null;
  /** Printed under the barcode and encoded in it. */
  number: string;
  boughtAt: string;
  buyerName: string | null;
  buyerLogin: string | null;
  recipient: { name: string; company: string | null; street: string | null; zip: string | null; city: string | null; country: string | null; phone: string | null } | null;
  pickupPoint: { id: string | null; name: string | null; address: string | null } | null;
  deliveryMethod: string | null;
  buyerMessage: string | null;
  lines: SlipLine[];
}

const CHUNK = 500; // SQLite's bound-parameter limit is far above this; chunks keep statements small.

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const joinName = (...parts: Array<string | null>) => parts.filter((p) => p && p.trim() !== '').join(' ').trim();

/**
 * The slips' data for the given orders, in the order asked. Lines are sorted by shelf location (then
 * name) so the packer walks the shelves once; a line whose product is not linked to the catalogue still
 * prints with the seller's SKU from the offer. Unknown ids fail the whole call (`not_found`, with the ids).
 */
export async function loadSlipOrders(db: Kysely<Database>, orderIds: readonly number[]): Promise<SlipOrder[]> {
  const unique = [...new Set(orderIds)];
  const orders = new Map<number, SlipOrder>();
  for (const ids of chunks(unique, CHUNK)) {
    const rows = await db.selectFrom('orders').selectAll().where('id', 'in', ids).execute();
    for (const o of rows) {
      const recipientName = joinName(o.deliveryFirstName, o.deliveryLastName);
      const hasAddress = recipientName !== '' || o.deliveryStreet || o.deliveryCity;
      orders.set(o.id, {
        id: o.id,
        allegroOrderId: o.allegroOrderId,
        number: slipNumber(o),
        boughtAt: o.boughtAt,
        buyerName: o.buyerName,
        buyerLogin: o.buyerLogin,
        recipient: hasAddress
          ? { name: recipientName, company: o.deliveryCompany, street: o.deliveryStreet, zip: o.deliveryZip, city: o.deliveryCity, country: o.deliveryCountry, phone: o.deliveryPhone }
          : null,
        pickupPoint: o.pickupPointId || o.pickupPointName ? { id: o.pickupPointId, name: o.pickupPointName, address: o.pickupPointAddress } : null,
        deliveryMethod: o.deliveryMethodName,
        buyerMessage: o.buyerMessage,
        lines: [],
      });
    }
    const lines = await db
      .selectFrom('orderLines as l')
      .leftJoin('products as p', 'p.id', 'l.productId')
      .leftJoin('locations as loc', 'loc.id', 'p.defaultLocationId')
      .select(['l.orderId', 'l.name', 'l.quantity', 'l.externalId', 'p.sku', 'p.ean', 'loc.code as location'])
      .where('l.orderId', 'in', ids)
      .orderBy('l.id')
      .execute();
    for (const l of lines) {
      orders.get(l.orderId)?.lines.push({ sku: l.sku ?? l.externalId, ean: l.ean, location: l.location, name: l.name, quantity: l.quantity });
    }
  }
  const missing = unique.filter((id) => !orders.has(id));
  if (missing.length > 0) throw new DomainError('not_found', `No order with id ${missing.slice(0, 10).join(', ')}.`, { missing });
  for (const order of orders.values()) order.lines.sort(byLocation);
  return unique.map((id) => orders.get(id) as SlipOrder);
}

/** Shelf order: lines with a location first, by location code with numbers compared as numbers. */
export function byLocation(a: { location: string | null; name: string }, b: { location: string | null; name: string }): number {
  if (a.location && !b.location) return -1;
  if (!a.location && b.location) return 1;
  const byLoc = (a.location ?? '').localeCompare(b.location ?? '', 'pl', { numeric: true, sensitivity: 'base' });
  return byLoc !== 0 ? byLoc : a.name.localeCompare(b.name, 'pl');
}
