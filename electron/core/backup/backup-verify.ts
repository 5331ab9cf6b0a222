import { closeSync, openSync, readSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { openRawSqlite } from '../db/connection';
import { MIGRATIONS } from '../db/migrations';
import { DomainError } from '../errors';

/** Why a file cannot be restored; `details.reason` of a `backup_invalid` error. */
export type BackupProblem = 'missing' | 'not_sqlite' | 'corrupt' | 'not_zaplecze' | 'from_future';

export interface VerifiedBackup {
  /** Newest migration the copy has; may be older than this build's (restoring then migrates it on open). */
  schemaVersion: string;
  products: number;
  orders: number;
}

const SQLITE_MAGIC = 'SQLite format 3\0';
/** Tables every Zaplecze database has since the first schema. */
const CORE_TABLES = ['kysely_migration', 'products', 'orders', 'order_lines', 'stock_ledger', 'settings'];

function fail(reason: BackupProblem, message: string): never {
  throw new DomainError('backup_invalid', message, { reason });
}

function readHeader(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    fail('missing', `The backup file ${file} cannot be read (it does not exist or is not accessible).`);
  }
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks that a file is a whole, readable Zaplecze database this build can open: SQLite's own
 * `PRAGMA integrity_check` passes, it has Zaplecze's tables and first migration, and it has no migration
 * this build does not know (a backup from a newer version would be refused on open anyway — better to say
 * so before replacing anything). Throws `backup_invalid` with a plain message; never changes the file.
 *
 * Opens read-only. A file in WAL mode (a copy of a live database rather than one of our backups, which
 * are written in rollback mode) may get `-shm`/`-wal` side files while open; restore therefore verifies
 * its own staged copy, never the owner's original.
 */
export function verifyBackupFile(file: string, options: { readonly?: boolean } = {}): VerifiedBackup {
  if (readHeader(file) !== SQLITE_MAGIC) fail('not_sqlite', `${file} is not a database file (it may be a spreadsheet, an export or a damaged copy).`);
  let db: BetterSqlite3.Database;
  try {
    db = openRawSqlite(file, { readonly: options.readonly ?? true, fileMustExist: true });
  } catch (error) {
    fail('corrupt', `${file} cannot be opened as a database: ${(error as Error).message}`);
  }
  try {
    let problems: string[];
    try {
      const rows = db.pragma('integrity_check(20)') as Array<{ integrity_check: string }>;
      problems = rows.map((r) => r.integrity_check);
    } catch (error) {
      fail('corrupt', `${file} is damaged: ${(error as Error).message}`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      fail('corrupt', `${file} is damaged (SQLite's integrity check found: ${problems.slice(0, 3).join('; ')}).`);
    }
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]));
    const missing = CORE_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) fail('not_zaplecze', `${file} is an SQLite database, but not one of Zaplecze's (no ${missing.join(', ')}).`);
    const applied = db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all() as string[];
    const known = Object.keys(MIGRATIONS);
    if (!applied.includes(known[0]!)) fail('not_zaplecze', `${file} has no Zaplecze schema (its migrations are missing).`);
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      fail('from_future', `${file} was written by a newer version of Zaplecze (schema ${unknown.at(-1)}); update the app before restoring it.`);
    }
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { schemaVersion: applied.at(-1)!, products: count('products'), orders: count('orders') };
  } finally {
    db.close();
  }
}
