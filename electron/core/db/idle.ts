import { DomainError } from '../errors';
import type { SqliteDatabase } from './connection';

/**
 * Waits until no transaction is open on the shared connection. Kysely's transactions are async (they
 * await between statements), so between two of their statements other work can run on the same
 * connection: a synchronous better-sqlite3 transaction started then would silently become a savepoint
 * inside theirs (an import would commit or roll back with someone else's work), a read would see rows
 * not committed yet, and a backup step could copy them. Imports, undo, links, backups and exports
 * therefore start — and, when they give the event loop turns, resume — only on an idle connection.
 * Transactions here last milliseconds; one still open after `timeoutMs` is reported as "busy".
 */
export async function whenIdle(sqlite: SqliteDatabase, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (sqlite.inTransaction) {
    if (Date.now() - started > timeoutMs) throw new DomainError('conflict', 'The database is busy with another change; try again in a moment.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
