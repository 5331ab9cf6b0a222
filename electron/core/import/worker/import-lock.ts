import type BetterSqlite3 from 'better-sqlite3';
import { openRawSqlite } from '../../db/connection';
import { DomainError } from '../../errors';

/**
 * "An import is writing to this shop right now", between processes: `<shop>.import.lock`, a small SQLite
 * file beside the shop whose RESERVED lock (a write transaction that never writes) is held while an import,
 * its preview rehearsal or an undo has its one big transaction open — by the app's import worker or by the
 * command line. The operating system drops the lock when its holder ends in any way (a killed worker's
 * connection is closed with its thread), so it is never stale.
 *
 * - A second import anywhere cannot take it: refused at once with `import_in_progress`, before it waits
 *   for the first one's transaction (one import at a time).
 * - The app asks `importWritingAnywhere` before a write: when an import holds the lock, the write waits its
 *   turn (see write-queue.ts) instead of failing with "busy" after SQLite's 5 s busy timeout.
 */

export const importLockFile = (dbFile: string): string => `${dbFile}.import.lock`;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

function openLock(dbFile: string, timeout: number): BetterSqlite3.Database {
  return openRawSqlite(importLockFile(dbFile), { timeout });
}

export interface ImportLock {
  release(): void;
}

/** Takes the lock, or refuses with `import_in_progress` when another import (any process) holds it. */
export function holdImportLock(dbFile: string): ImportLock {
  // A short wait: the app's probe holds the lock for microseconds; another import holds it for its whole transaction.
  const db = openLock(dbFile, 500);
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    db.close();
    if (isBusy(error)) {
      throw new DomainError(
        'import_in_progress',
        'Another import is being saved into this shop right now (in the app or on the command line). Wait until it finishes, then try again. Nothing was changed.',
      );
    }
    throw error;
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (db.open) db.close();
    },
  };
}

/**
 * A probe kept open by the app: is some import holding the lock right now? Costs one BEGIN/ROLLBACK on a
 * tiny file (microseconds); an unreadable lock file counts as "no import".
 */
export class ImportLockProbe {
  private db: BetterSqlite3.Database | null = null;

  constructor(private readonly dbFile: string) {}

  held(): boolean {
    try {
      if (!this.db || !this.db.open) this.db = openLock(this.dbFile, 0);
      this.db.exec('BEGIN IMMEDIATE');
      this.db.exec('ROLLBACK');
      return false;
    } catch (error) {
      if (this.db?.inTransaction) this.db.exec('ROLLBACK');
      return isBusy(error);
    }
  }

  close(): void {
    if (this.db?.open) this.db.close();
    this.db = null;
  }
}
