import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Reserves stock for every line of an open order that is matched to a product and not reserved yet.
 * Reservations follow the order, not the shelf: an order for more than is available is still reserved
 * in full (available goes negative = oversold, which the stock screen flags) — the order exists on
 * Allegro whether or not we have the goods. Returns how many lines were newly reserved.
 */
export async function reserveOrder(db: Db, orderId: number, at: Date): Promise<number> {
  const result = await sql`
    INSERT INTO reservations (order_line_id, product_id, quantity, created_at)
    SELECT l.id, l.product_id, l.quantity - l.packed_quantity, ${at.toISOString()}
    FROM order_lines l
    WHERE l.order_id = ${orderId}
      AND l.product_id IS NOT NULL
      AND l.quantity - l.packed_quantity > 0
      AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.order_line_id = l.id)
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Releases every reservation of an order (cancelled, or shipped — the sale then moves stock). */
export async function releaseOrder(db: Db, orderId: number): Promise<number> {
  const result = await db
    .deleteFrom('reservations')
    .where('orderLineId', 'in', (eb) => eb.selectFrom('orderLines').select('id').where('orderId', '=', orderId))
    .executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}

/** Re-points one line's reservation after the owner linked the line to a (different) product. */
export async function reserveLine(db: Db, orderLineId: number, at: Date): Promise<void> {
  await db.deleteFrom('reservations').where('orderLineId', '=', orderLineId).execute();
  await sql`
    INSERT INTO reservations (order_line_id, product_id, quantity, created_at)
    SELECT l.id, l.product_id, l.quantity - l.packed_quantity, ${at.toISOString()}
    FROM order_lines l JOIN orders o ON o.id = l.order_id
    WHERE l.id = ${orderLineId} AND l.product_id IS NOT NULL AND l.quantity - l.packed_quantity > 0
      AND o.status IN ('new','to_pick','packed','on_hold')
  `.execute(db);
}
