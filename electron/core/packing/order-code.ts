import type { SqliteDatabase } from '../db/connection';
import { prepared } from '../stock/product.repository';

/**
 * The order a scanned or typed code names. The packing slip's Code 128 carries the Allegro order id
 * when there is one, else `ZAP-<orders.id>` (see print/order-number.ts); people also type our own
 * number with or without the prefix. Tried in this order: `ZAP-<id>` (never an Allegro id), the exact
 * Allegro id (case-insensitive: some scanners send upper case), then a plain number as our id.
 */
export function findOrderIdByCode(sqlite: SqliteDatabase, code: string): number | null {
  const text = code.trim();
  if (text === '') return null;
  const zap = /^ZAP[-\s]?(\d{1,15})$/i.exec(text);
  if (zap) return existingOrder(sqlite, Number(zap[1]));
  const byAllegro = prepared(sqlite, 'SELECT id FROM orders WHERE allegro_order_id = ? COLLATE NOCASE LIMIT 1').get(text) as { id: number } | undefined;
  if (byAllegro) return byAllegro.id;
  if (/^\d{1,15}$/.test(text)) return existingOrder(sqlite, Number(text));
  return null;
}

function existingOrder(sqlite: SqliteDatabase, id: number): number | null {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const row = prepared(sqlite, 'SELECT id FROM orders WHERE id = ?').get(id) as { id: number } | undefined;
  return row?.id ?? null;
}

/** The number on the slip: Allegro id when printable, else ZAP-<id> (same rule as print/order-number.ts). */
export function orderNumber(order: { id: number; allegroOrderId: string | null }): string {
  return order.allegroOrderId && /^[\x20-\x7e]{1,80}$/.test(order.allegroOrderId) ? order.allegroOrderId : `ZAP-${order.id}`;
}
