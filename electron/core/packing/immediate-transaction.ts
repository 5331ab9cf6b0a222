import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Runs `fn` in a `BEGIN IMMEDIATE` transaction on Kysely's one connection.
 *
 * Why not `db.transaction()`: that opens a deferred transaction, which takes the write lock only at its
 * first write. When two processes (the app and the command line, or two windows of a future
 * multi-process build) ship the last unit at the same moment, both may read "1 on hand", then one of
 * them fails at commit with SQLITE_BUSY instead of a clear answer. IMMEDIATE takes the write lock
 * first (waiting up to the busy timeout), so the reads inside see the latest committed stock and the
 * loser gets `insufficient_stock` from our own check.
 *
 * Holding Kysely's connection also keeps other Kysely calls of this process out until we finish, so
 * raw better-sqlite3 statements inside `fn` (used on hot paths for speed) run inside this transaction.
 */
export async function immediateTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    let result: T;
    try {
      result = await fn(conn);
    } catch (error) {
      // A trigger's RAISE(ABORT) undoes only its statement: roll the rest back. If SQLite already
      // rolled back by itself (disk full, I/O error), ROLLBACK fails harmlessly.
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw error;
    }
    await sql`COMMIT`.execute(conn);
    return result;
  });
}
