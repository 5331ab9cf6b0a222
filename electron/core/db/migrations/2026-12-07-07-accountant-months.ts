/**
 * The accountant's months: a month handed over (exported after it ended) is frozen — what was booked in
 * it is recorded, so later changes become rows of a later month instead of rewriting it. Raw SQL only,
 * imports nothing from the app (see the initial migration).
 *
 * register_months: one row per frozen month, written last when a month is frozen (the marker that the
 * freeze finished): the register as it was handed over (gzip of one JSON line per document, see
 * electron/core/export/register-book.ts), the settings and the time written into its files — so the same
 * month exported again gives the same bytes.
 *
 * register_bookings: every document booked in a frozen month — a sale (by order), the cancellation of a
 * booked sale, a refund's correction (by return) — with the number and issue date it was booked under.
 * "Already booked?" is asked per order / return, hence the partial unique indexes.
 *
 * document_counters: the last number used per numbering series and period (month or year), so numbers
 * stay gapless.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `CREATE TABLE register_months (
     month          TEXT PRIMARY KEY,   -- YYYY-MM (Warsaw)
     frozen_at      TEXT NOT NULL,      -- ISO instant of the freeze
     stamp          TEXT NOT NULL,      -- "2026-12-01 07:30", written into the files' notes
     generated_on   TEXT NOT NULL,      -- YYYY-MM-DD, the files' creation day (EDI++ header)
     settings_json  TEXT NOT NULL,      -- the shop's settings at the freeze (seller data in the files)
     documents      INTEGER NOT NULL,
     snapshot       BLOB NOT NULL       -- gzip of one JSON line per document
   )`,
  `CREATE TABLE register_bookings (
     id               INTEGER PRIMARY KEY,
     month            TEXT NOT NULL,
     kind             TEXT NOT NULL CHECK (kind IN ('sale','cancellation','correction')),
     order_id         INTEGER NOT NULL,
     return_id        INTEGER,
     document_type    TEXT NOT NULL,
     document_number  TEXT,
     issue_date       TEXT,
     tax_date         TEXT NOT NULL,
     gross            INTEGER NOT NULL,
     currency         TEXT NOT NULL
   )`,
  `CREATE UNIQUE INDEX register_bookings_sale ON register_bookings(order_id) WHERE kind = 'sale'`,
  `CREATE UNIQUE INDEX register_bookings_cancellation ON register_bookings(order_id) WHERE kind = 'cancellation'`,
  `CREATE UNIQUE INDEX register_bookings_correction ON register_bookings(return_id) WHERE kind = 'correction'`,
  `CREATE INDEX register_bookings_month ON register_bookings(month)`,
  `CREATE TABLE document_counters (
     series  TEXT NOT NULL,   -- the owner's pattern, e.g. "FV {n}/{mm}/{rrrr}"
     period  TEXT NOT NULL,   -- YYYY-MM, YYYY, or '' for a series numbered without a period
     last    INTEGER NOT NULL,
     PRIMARY KEY (series, period)
   )`,
  // The month's sales by tax point: payment day (prepaid and cash on delivery, paid when delivered).
  `CREATE INDEX orders_paid ON orders(paid_at) WHERE paid_at IS NOT NULL`,
  // Orders shipped without a recorded payment (cash on delivery, deferred payment): by purchase day.
  `CREATE INDEX orders_unpaid_bought ON orders(bought_at) WHERE paid_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}
