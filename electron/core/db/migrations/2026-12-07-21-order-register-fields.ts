/**
 * The two things the sales register read from every API order's raw_json, as columns (issue 15, a
 * lighter footprint per order): an orders import no longer stores the order's JSON (2.4 KB an order,
 * 240 MB of a 100k-order shop); the file itself is kept once per run, gzip-compressed (import_sources).
 * Raw SQL only, imports nothing from the app (see the initial migration).
 *
 * orders.surcharges_grosze: the sum of Allegro's surcharges[] paid in the order's currency, 0 when none;
 * set by every checkout-forms import from now on, so NULL means "not read since this migration": the
 * register then still reads raw_json, as an order imported before keeps the raw_json it has (no backfill:
 * an UPDATE of every old order would bump its row_version and block the undo of the run that wrote it).
 * orders.invoice_due_date: invoice.dueDate as Allegro sent it (the register uses it for EXTENDED_TERM).
 */
import { type Kysely, sql } from 'kysely';

const statements = [`ALTER TABLE orders ADD COLUMN surcharges_grosze INTEGER`, `ALTER TABLE orders ADD COLUMN invoice_due_date TEXT`];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}
