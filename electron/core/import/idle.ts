import type { Core } from '../create-core';
import { DomainError } from '../errors';

/**
 * Waits until no other transaction is open on the shared connection. Kysely's transactions are async
 * (they await between statements); a synchronous better-sqlite3 transaction started meanwhile would
 * silently become a savepoint inside theirs — the import would then commit or roll back with someone
 * else's work. So imports, undo and links start only on an idle connection.
 */
export async function whenIdle(core: Core, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (core.sqlite.inTransaction) {
    if (Date.now() - started > timeoutMs) throw new DomainError('conflict', 'The database is busy with another change; try again in a moment.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
