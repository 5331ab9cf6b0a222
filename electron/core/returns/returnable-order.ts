import type { ReturnableOrder } from '../../../shared/contract/returns.contract';
import type { SqliteDatabase } from '../db/connection';
import { listOrders, type ListContext } from '../orders/orders-list.query';
import { findOrderIdByCode, orderNumber } from '../packing/order-code';
import { prepared } from '../stock/product.repository';
import { returnedByLine } from './returns.repository';

/** Only goods that left the shop can come back: earlier statuses are cancelled, not returned. */
export const RETURNABLE_STATUSES = ['shipped', 'delivered'] as const;

interface RawOrderHead {
  id: number;
  allegroOrderId: string | null;
  status: string;
  boughtAt: string;
  buyerLogin: string | null;
  buyerName: string | null;
  currency: string;
}

/**
 * An order with what each line can still take back: sold (the line's quantity, for an order that was
 * shipped) minus what earlier returns already claimed. Not shipped → nothing returnable.
 */
export function returnableOrder(sqlite: SqliteDatabase, orderId: number): ReturnableOrder | null {
  const o = prepared(
    sqlite,
    `SELECT id, allegro_order_id AS allegroOrderId, status, bought_at AS boughtAt, buyer_login AS buyerLogin, buyer_name AS buyerName, currency
     FROM orders WHERE id = ?`,
  ).get(orderId) as RawOrderHead | undefined;
  if (!o) return null;
  const shipped = (RETURNABLE_STATUSES as readonly string[]).includes(o.status);
  const returned = returnedByLine(sqlite, orderId);
  const lines = prepared(
    sqlite,
    `SELECT l.id AS orderLineId, l.name, l.product_id AS productId, coalesce(p.sku, l.external_id) AS sku, p.ean,
            p.default_location_id AS locationId, l.unit_price_grosze AS unitPriceGrosze, l.quantity
     FROM order_lines l LEFT JOIN products p ON p.id = l.product_id WHERE l.order_id = ? ORDER BY l.id`,
  ).all(orderId) as Array<Omit<ReturnableOrder['lines'][number], 'sold' | 'alreadyReturned' | 'returnable'> & { quantity: number }>;
  return {
    id: o.id,
    number: orderNumber(o),
    allegroOrderId: o.allegroOrderId,
    status: o.status,
    boughtAt: o.boughtAt,
    buyerLogin: o.buyerLogin,
    buyerName: o.buyerName,
    currency: o.currency,
    lines: lines.map(({ quantity, ...line }) => {
      const sold = shipped ? quantity : 0;
      const alreadyReturned = returned.get(line.orderLineId) ?? 0;
      return { ...line, sold, alreadyReturned, returnable: Math.max(0, sold - alreadyReturned) };
    }),
  };
}

/** The order named by a typed or scanned code (Allegro id, ZAP-<id> from the slip, our id). */
export function findReturnableOrder(sqlite: SqliteDatabase, code: string): ReturnableOrder | null {
  const id = findOrderIdByCode(sqlite, code);
  return id === null ? null : returnableOrder(sqlite, id);
}

/**
 * Shipped and delivered orders for a return or complaint, newest first: the order named exactly by the
 * text (slip barcode, ZAP-<id>, our number) first, then what the orders list's own search finds
 * (Allegro number or buyer login beginning, any word of the buyer's name) — the same search as the
 * Orders screen, so both screens find the same orders.
 */
export function searchShippedOrders(sqlite: SqliteDatabase, search: string, limit: number, ctx: ListContext) {
  const exactId = findOrderIdByCode(sqlite, search);
  const listed = listOrders(
    sqlite,
    { status: ['shipped', 'delivered'], search, sort: { field: 'boughtAt', dir: 'desc' }, offset: 0, limit },
    ctx,
  ).rows;
  const rows: Array<{ id: number; number: string; boughtAt: string; buyerLogin: string | null; buyerName: string | null; status: string; firstItemName: string | null }> = listed.map((r) => ({ id: r.id, number: orderNumber(r), boughtAt: r.boughtAt, buyerLogin: r.buyerLogin, buyerName: r.buyerName, status: r.status, firstItemName: r.firstItemName }));
  if (exactId !== null && !rows.some((r) => r.id === exactId)) {
    const exact = returnableOrder(sqlite, exactId);
    if (exact && (RETURNABLE_STATUSES as readonly string[]).includes(exact.status)) {
      rows.unshift({ id: exact.id, number: exact.number, boughtAt: exact.boughtAt, buyerLogin: exact.buyerLogin, buyerName: exact.buyerName, status: exact.status, firstItemName: exact.lines[0]?.name ?? null });
    }
  }
  return rows.slice(0, limit);
}
