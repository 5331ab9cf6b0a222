/**
 * Packing corrections: which units the owner forced as packed without a scan (so the packing screen
 * can show them apart from scanned ones), and shipments undone after the fact. An undone shipment
 * stays in the table with when and why it was undone (the stock ledger gets reversal entries; history
 * is never edited). Raw SQL only, imports nothing from the app (see the initial migration).
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  // Units of the line counted as packed by "Zakończ mimo braków…" rather than by a scan.
  `ALTER TABLE order_lines ADD COLUMN forced_quantity INTEGER NOT NULL DEFAULT 0`,
  // A shipment undone by the owner (wrong parcel booked as sent): when, and the reason given.
  `ALTER TABLE shipments ADD COLUMN cancelled_at TEXT`,
  `ALTER TABLE shipments ADD COLUMN cancel_reason TEXT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}
