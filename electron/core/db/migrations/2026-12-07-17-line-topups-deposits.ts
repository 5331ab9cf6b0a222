/**
 * Two Allegro amounts of an order line that the register needs and the import did not keep (issue 14
 * point 4). Raw SQL only, imports nothing from the app (see the initial migration). All NULL for lines
 * imported before and for orders that have neither, so their register does not change.
 *
 * order_lines.reconciliation_grosze: Allegro Prices ("Allegro Ceny") — what Allegro pays the seller on top
 * of the price the buyer paid, for the whole line (lineItems[].reconciliation.value × its quantity);
 * reconciliation_type its BILLING / WALLET (how Allegro settles it). Part of the sale's taxable amount.
 * order_lines.deposit_grosze: the returnable-packaging deposit (kaucja, lineItems[].deposit.price or the
 * seller-panel CSV's Deposit) for the whole line (unit deposit × quantity). Not part of the taxable amount.
 * orders.payment_reconciliation_grosze: payment.reconciliation, the order's Allegro Prices top-up as
 * Allegro states it for the payment (the lines' values, or the only figure when the lines have none).
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `ALTER TABLE order_lines ADD COLUMN reconciliation_grosze INTEGER`,
  `ALTER TABLE order_lines ADD COLUMN reconciliation_type TEXT`,
  `ALTER TABLE order_lines ADD COLUMN deposit_grosze INTEGER CHECK (deposit_grosze IS NULL OR deposit_grosze >= 0)`,
  `ALTER TABLE orders ADD COLUMN payment_reconciliation_grosze INTEGER`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}
