/**
 * Refunds as a history, and returns cancelled as registered by mistake. Raw SQL only, imports nothing
 * from the app (see the initial migration).
 *
 * return_refunds: every refund the shop recorded, one row each; a refund entered wrongly is voided
 * (voided_at, voided_by, void_reason), never deleted, and may then be entered again. At most one refund
 * of a return is live (not voided); returns.refunded_at / refund_grosze keep mirroring that live one, so
 * the lists and the accountant's register read the return as before and a voided refund no longer counts.
 *
 * returns.cancelled_*: a return registered by mistake is cancelled by the owner with a reason. It keeps
 * its lines (history) and takes status 'rejected' — the status every count, cap and register already
 * leaves out — and cancelled_at tells it apart from a return the shop refused.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `CREATE TABLE return_refunds (
     id             INTEGER PRIMARY KEY,
     return_id      INTEGER NOT NULL REFERENCES returns(id) ON DELETE CASCADE,
     order_id       INTEGER REFERENCES orders(id),
     amount_grosze  INTEGER NOT NULL CHECK (amount_grosze > 0),
     currency       TEXT NOT NULL,
     refunded_at    TEXT NOT NULL,   -- the day the money went back (what the register dates the correction by)
     actor          TEXT NOT NULL,
     created_at     TEXT NOT NULL,
     voided_at      TEXT,            -- set once when the refund is voided; the row stays
     voided_by      TEXT,
     void_reason    TEXT,
     CHECK ((voided_at IS NULL) = (voided_by IS NULL))
   )`,
  `CREATE INDEX return_refunds_return ON return_refunds(return_id)`,
  // One live refund per return: a second one needs the first voided.
  `CREATE UNIQUE INDEX return_refunds_live ON return_refunds(return_id) WHERE voided_at IS NULL`,
  // The register's corrections: refunds voided in a month.
  `CREATE INDEX return_refunds_voided ON return_refunds(voided_at) WHERE voided_at IS NOT NULL`,
  // Refunds recorded before this table existed become its first rows.
  `INSERT INTO return_refunds (return_id, order_id, amount_grosze, currency, refunded_at, actor, created_at)
     SELECT id, order_id, refund_grosze, currency, refunded_at, actor, refunded_at
     FROM returns WHERE refunded_at IS NOT NULL AND refund_grosze > 0`,
  `ALTER TABLE returns ADD COLUMN cancelled_at TEXT`,
  `ALTER TABLE returns ADD COLUMN cancelled_by TEXT`,
  `ALTER TABLE returns ADD COLUMN cancel_reason TEXT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema changes cannot be rolled back; restore a backup instead.');
}
