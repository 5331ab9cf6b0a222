import { existsSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DomainError, storageError } from '../errors';
import { driverLoadError, openRawSqlite } from './connection';

/**
 * How the shop file is locked between processes (the app, the browser version, the command line, a restore).
 *
 * Two small SQLite files beside the shop hold operating-system locks (SQLite's own file locks, in
 * rollback-journal mode). The operating system drops such a lock when its process ends in any way — a crash
 * or a kill never leaves a stale lock behind, so nobody ever has to delete a lock file by hand.
 *
 * - `<shop>.lock` — "in use". Every process that opens the shop (createCore) holds a SHARED lock on it for as
 *   long as the shop is open: an open read transaction. A restore needs an EXCLUSIVE lock on it, which the
 *   system grants only when nobody else has the shop open; otherwise the restore refuses and says who.
 *   While a restore holds it, a process that wants to open the shop waits (up to a few seconds).
 * - `<shop>.app.lock` — "the app". The desktop app and the browser version (`npm run web`) also hold a
 *   RESERVED lock on it (a write transaction that never writes), which only one process can hold: a second
 *   app on the same shop refuses to start. The command line does not take it, so `stats`, `import`,
 *   `backup` and `export` still work beside a running app (WAL lets them share the file safely). The app
 *   writes who it is (program, pid, since, computer) into this file before taking the lock, so a refusal
 *   can name the holder.
 */

export type ShopProgram = 'desktop' | 'web' | 'cli';

export interface ShopHolder {
  program: ShopProgram;
  pid: number;
  /** ISO time the lock was taken. */
  since: string;
  hostname: string;
}

export interface HeldLock {
  release(): void;
}

export const useLockFile = (dbFile: string): string => `${dbFile}.lock`;
export const appLockFile = (dbFile: string): string => `${dbFile}.app.lock`;

/** How long an opener waits for a restore that is replacing the file right now. */
const OPEN_WAIT_MS = 10_000;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * A lock file with its one table. Created on first use; the CREATE needs a brief write lock, so it waits
 * for the lock's holders like any writer would (IF NOT EXISTS makes the race harmless).
 */
function openLockDb(file: string): BetterSqlite3.Database {
  const db = openRawSqlite(file, { timeout: 0 });
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'holder'").get();
    if (!hasTable) {
      db.pragma('busy_timeout = 5000');
      db.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), program TEXT NOT NULL, pid INTEGER NOT NULL, since TEXT NOT NULL, hostname TEXT NOT NULL)');
      db.pragma('busy_timeout = 0');
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function wrapLockError(error: unknown, dbFile: string): never {
  if (error instanceof DomainError) throw error;
  if (isBusy(error)) throw error;
  const driver = driverLoadError(error);
  if (driver) throw driver;
  const storage = storageError(error, `the folder of ${dbFile}`);
  if (storage) throw storage;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_CANTOPEN') {
    if (!existsSync(dirname(dbFile))) throw new DomainError('folder_missing', `The folder ${dirname(dbFile)} does not exist.`);
    throw new DomainError('read_only', `The folder of ${dbFile} cannot be written (a read-only disk, mount or folder): the shop cannot be opened there. Nothing was changed.`);
  }
  throw new DomainError('internal', `Cannot take the lock beside ${dbFile}: ${(error as Error).message}`);
}

/**
 * Held by every process that has the shop open, for as long as it is open. Waits while a restore is
 * replacing the file; refuses (`shop_in_use`) when that takes longer than a few seconds.
 */
export function holdShopInUse(dbFile: string, waitMs = OPEN_WAIT_MS): HeldLock {
  let db: BetterSqlite3.Database;
  try {
    db = openLockDb(useLockFile(dbFile));
  } catch (error) {
    wrapLockError(error, dbFile);
  }
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      db.exec('BEGIN');
      db.prepare('SELECT count(*) FROM sqlite_master').get(); // the read that takes the SHARED lock
      break;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      if (!isBusy(error) || Date.now() > deadline) {
        db.close();
        if (isBusy(error)) {
          throw new DomainError('shop_in_use', `The shop ${dbFile} is being replaced by a restore right now; try again in a moment.`, { holder: null });
        }
        wrapLockError(error, dbFile);
      }
      sleepSync(50);
    }
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (db.open) db.close(); // closing ends the read transaction and drops the lock
    },
  };
}

/** Who holds the app lock, or null when no other process does. */
export function appLockHolder(dbFile: string): ShopHolder | null {
  let db: BetterSqlite3.Database;
  try {
    db = openLockDb(appLockFile(dbFile));
  } catch {
    return null;
  }
  try {
    try {
      db.exec('BEGIN IMMEDIATE');
      db.exec('ROLLBACK');
      return null; // nobody holds it
    } catch (error) {
      if (!isBusy(error)) return null;
    }
    const row = db.prepare('SELECT program, pid, since, hostname FROM holder WHERE id = 1').get() as ShopHolder | undefined;
    if (!row || (row.pid === process.pid && row.hostname === hostname())) return null;
    return row;
  } finally {
    db.close();
  }
}

function timeOf(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

const PROGRAM_NAME: Record<ShopProgram, string> = {
  desktop: 'the Zaplecze app',
  web: 'Zaplecze in the browser (npm run web)',
  cli: 'the zaplecze command line',
};

/** "the Zaplecze app (pid 1234, since 10:12 on shop-pc)". */
export function describeHolder(holder: ShopHolder): string {
  const host = holder.hostname && holder.hostname !== hostname() ? ` on ${holder.hostname}` : '';
  return `${PROGRAM_NAME[holder.program] ?? holder.program} (pid ${holder.pid}, since ${timeOf(holder.since)}${host})`;
}

/**
 * Held by the desktop app and the browser version for their whole run: a second app on the same shop is
 * refused (`shop_in_use`, naming the first). Released when the process ends, however it ends.
 */
export function holdShopForApp(dbFile: string, program: Exclude<ShopProgram, 'cli'>, now: Date = new Date()): HeldLock {
  let db: BetterSqlite3.Database;
  try {
    mkdirSync(dirname(dbFile), { recursive: true }); // the app creates a new shop there anyway (and says so)
    db = openLockDb(appLockFile(dbFile));
  } catch (error) {
    wrapLockError(error, dbFile);
  }
  const refuse = (): never => {
    let holder: ShopHolder | undefined;
    try {
      holder = db.prepare('SELECT program, pid, since, hostname FROM holder WHERE id = 1').get() as ShopHolder | undefined;
    } catch {
      holder = undefined;
    }
    db.close();
    const who = holder ? describeHolder(holder) : 'another Zaplecze app';
    throw new DomainError('shop_in_use', `The shop ${dbFile} is already open in ${who}. Use that window, or close it first.`, { holder: holder ?? null });
  };
  const me: ShopHolder = { program, pid: process.pid, since: now.toISOString(), hostname: hostname() };
  try {
    // Say who we are (a committed write: needs the lock free for a moment), then take the lock for good.
    // Two apps starting together: the one whose BEGIN IMMEDIATE comes second is refused, and the winner's
    // row is written after the loser's, so the row names the holder.
    db.exec('BEGIN IMMEDIATE');
    db.prepare('INSERT OR REPLACE INTO holder (id, program, pid, since, hostname) VALUES (1, ?, ?, ?, ?)').run(me.program, me.pid, me.since, me.hostname);
    db.exec('COMMIT');
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (isBusy(error)) refuse();
    db.close();
    wrapLockError(error, dbFile);
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
 * For a restore: the shop must be open nowhere else. Takes the EXCLUSIVE "in use" lock (openers wait
 * meanwhile) or refuses with `shop_in_use`, naming the app that has the shop open when it is one.
 * Call with this process's own connection to the shop closed.
 */
export function holdShopExclusively(dbFile: string, purpose = 'restoring a backup'): HeldLock {
  let db: BetterSqlite3.Database;
  try {
    mkdirSync(dirname(dbFile), { recursive: true }); // a restore into a new folder makes it anyway
    db = openLockDb(useLockFile(dbFile));
  } catch (error) {
    wrapLockError(error, dbFile);
  }
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
    if (!isBusy(error)) wrapLockError(error, dbFile);
    const holder = appLockHolder(dbFile);
    const who = holder ? `open in ${describeHolder(holder)}` : 'in use by another Zaplecze program (for example an import on the command line)';
    const advice = holder ? 'close it' : 'wait until it finishes';
    throw new DomainError('shop_in_use', `The shop ${dbFile} is ${who} — ${advice} before ${purpose}. Nothing was changed.`, { holder });
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
