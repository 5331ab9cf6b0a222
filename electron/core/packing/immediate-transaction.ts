import type { Kysely } from 'kysely';
import type { SqliteDatabase } from '../db/connection';
import type { Database } from '../db/schema';

/**
 * Runs `fn` in a `BEGIN IMMEDIATE` transaction while holding Kysely's one connection.
 *
 * Why not `db.transaction()`: that opens a deferred transaction, which takes the write lock only at its
 * first write. When two processes (the app and the command line, say) ship the last unit at the same
 * moment, both may read "1 on hand", then one of them fails at commit with SQLITE_BUSY instead of a
 * clear answer. IMMEDIATE takes the write lock first (waiting up to the busy timeout), so the reads
 * inside see the latest committed stock and the loser gets `insufficient_stock` from our own check.
 *
 * Holding Kysely's connection keeps every other Kysely call of this process out until we finish, so
 * the raw better-sqlite3 statements used on hot paths (and BEGIN/COMMIT themselves, which need no
 * query building) run inside this transaction and nobody else's.
 */
export async function immediateTransaction<T>(core: { db: Kysely<Database>; sqlite: SqliteDatabase }, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return core.db.connection().execute(async (conn) => {
    core.sqlite.exec('BEGIN IMMEDIATE');
    let result: T;
    try {
      result = await fn(conn);
    } catch (error) {
      // A trigger's RAISE(ABORT) undoes only its statement: roll the rest back. If SQLite already
      // rolled back by itself (disk full, I/O error), there is nothing left to undo.
      if (core.sqlite.inTransaction) core.sqlite.exec('ROLLBACK');
      throw error;
    }
    core.sqlite.exec('COMMIT');
    return result;
  });
}
