import type { SqliteDatabase } from '../db/connection';
import { prepared } from '../stock/product.repository';
import { isOwnOrderCode, ownOrderId } from '../../../shared/domain/order-code';

export { isOwnOrderCode };

/**
 * The order a scanned or typed code names — the one rule (shared/domain/order-code.ts) for packing,
 * returns and the orders screen.
 * The packing slip's Code 128 carries the Allegro order id when there is one, else `ZAP-<orders.id>`
 * (see print/order-number.ts); people also type our own number with or without the prefix.
 * A code of our own shape (`ZAP-<id>`, a bare number) names our id and nothing else; any other text is
 * the exact Allegro id (case-insensitive: some scanners send upper case).
 */
export function findOrderIdByCode(sqlite: SqliteDatabase, code: string): number | null {
  const text = code.trim();
  if (text === '') return null;
  if (isOwnOrderCode(text)) {
    const own = ownOrderId(text);
    return own === null ? null : existingOrder(sqlite, own);
  }
  const byAllegro = prepared(sqlite, 'SELECT id FROM orders WHERE allegro_order_id = ? COLLATE NOCASE LIMIT 1').get(text) as { id: number } | undefined;
  return byAllegro?.id ?? null;
}

function existingOrder(sqlite: SqliteDatabase, id: number): number | null {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const row = prepared(sqlite, 'SELECT id FROM orders WHERE id = ?').get(id) as { id: number } | undefined;
  return row?.id ?? null;
}

/**
 * The number on the slip: Allegro id when printable, else ZAP-<id> (same rule as print/order-number.ts).
 * An Allegro id of our own code shape (only in a shop imported before imports refused them) is never
 * printed: scanning it would name our order of that number.
 */
export function orderNumber(order: { id: number; allegroOrderId: string | null }): string {
  const external = order.allegroOrderId;
  return external && /^[\x20-\x7e]{1,80}$/.test(external) && !isOwnOrderCode(external) ? external : `ZAP-${order.id}`;
}
