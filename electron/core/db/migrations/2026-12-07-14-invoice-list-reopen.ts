/**
 * Issue 14 point 2 and reopening a closed month. Raw SQL only, imports nothing from the app.
 *
 * invoice_documents: invoices the shop's invoicing tool issued, brought in from its list (number, issue
 * date, order, KSeF number or the marker OFF/BFK/DI): one per order, so the register names the real
 * document instead of Zaplecze's own reference. A number belongs to one order only.
 *
 * register_reopenings: every reopening of a closed month, with the owner's reason and the stored
 * register as it was (the same gzip the month kept), so what the accountant had received stays on record.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `CREATE TABLE invoice_documents (
     order_id     INTEGER PRIMARY KEY REFERENCES orders(id),
     number       TEXT NOT NULL,
     issue_date   TEXT NOT NULL,      -- YYYY-MM-DD
     ksef_number  TEXT,               -- KSeF number, or OFF / BFK / DI; NULL when the list had none
     source_file  TEXT NOT NULL,
     imported_at  TEXT NOT NULL
   )`,
  `CREATE UNIQUE INDEX invoice_documents_number ON invoice_documents(number)`,
  `CREATE TABLE register_reopenings (
     id           INTEGER PRIMARY KEY,
     month        TEXT NOT NULL,
     frozen_at    TEXT NOT NULL,
     reopened_at  TEXT NOT NULL,
     actor        TEXT NOT NULL,
     reason       TEXT NOT NULL,
     documents    INTEGER NOT NULL,
     snapshot     BLOB NOT NULL
   )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}
