import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DomainError, storageError } from '../errors';
import { driverLoadError, openRawSqlite } from './connection';
import { MIGRATIONS } from './migrations';

/**
 * `PRAGMA application_id` of a Zaplecze database: "ZAPL" in ASCII. Set by the migration
 * 2026-12-07-01-application-id; shops made before it are recognised by their migration table.
 */
export const ZAPLECZE_APPLICATION_ID = 0x5a41504c;

const FIRST_MIGRATION = Object.keys(MIGRATIONS)[0]!;

function writable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export type ShopFileKind = 'zaplecze' | 'empty';

/**
 * Looks at an existing SQLite file **read-only**, before anything writes to it, and says whether it may be
 * opened as a shop: a Zaplecze database of this version or an older one ('zaplecze'), or a database
 * without any table ('empty': a new shop may be set up in it). Throws, having changed nothing:
 * - `not_zaplecze_database` for another program's database (e.g. one `invoices` table),
 * - `database_from_future` for a shop written by a newer Zaplecze,
 * - `database_corrupt` for a file that is not a readable SQLite database,
 * - `read_only` / `no_permission` / `database_busy` when the system refuses to read it.
 *
 * A read-only connection to a rollback-journal file creates no side file. (One to a WAL file may leave
 * empty `-wal`/`-shm` files beside it, as any reader does; the database's own bytes never change.)
 */
export function recogniseShopFile(file: string): ShopFileKind {
  let db: BetterSqlite3.Database;
  try {
    db = openRawSqlite(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  } catch (error) {
    throw driverLoadError(error) ?? storageError(error, `the file ${file}`) ?? new DomainError('database_corrupt', `Cannot open the database file ${file}: ${(error as Error).message}`);
  }
  try {
    let tables: string[];
    let applicationId: number;
    try {
      tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all() as Array<{ name: string }>).map((r) => r.name);
      applicationId = Number(db.pragma('application_id', { simple: true }));
    } catch (error) {
      const storage = storageError(error, `the file ${file}`);
      if (storage) throw storage;
      // A WAL database needs its -shm beside it even to be read: in a read-only folder or disk SQLite
      // cannot make one, and says only "unable to open database file".
      if ((error as { code?: unknown }).code === 'SQLITE_CANTOPEN' && !writable(dirname(file))) {
        throw new DomainError('read_only', `The folder of ${file} is read-only (a read-only disk, mount or folder): the shop cannot be opened there. Nothing was changed.`);
      }
      throw new DomainError('database_corrupt', `The file ${file} is not a readable Zaplecze database (${(error as Error).message}).`);
    }
    if (tables.length === 0 && (applicationId === 0 || applicationId === ZAPLECZE_APPLICATION_ID)) return 'empty';
    const executed = tables.includes('kysely_migration')
      ? (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name)
      : [];
    const ours = applicationId === ZAPLECZE_APPLICATION_ID || (applicationId === 0 && executed.includes(FIRST_MIGRATION));
    if (!ours) {
      const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', …' : '');
      throw new DomainError(
        'not_zaplecze_database',
        `The file ${file} is not a Zaplecze database (it belongs to another program: tables ${shown}). It was opened read-only and not changed.`,
        { tables: tables.slice(0, 20) },
      );
    }
    const unknown = executed.filter((name) => !(name in MIGRATIONS));
    if (unknown.length > 0) {
      throw new DomainError(
        'database_from_future',
        `This database was written by a newer version of Zaplecze (schema ${unknown.at(-1)}). Update the app, or restore a backup. The file was not changed.`,
        { unknownMigrations: unknown },
      );
    }
    return 'zaplecze';
  } finally {
    db.close();
  }
}
