import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { createKysely, openSqlite, setProcessNativeBinding, type SqliteDatabase } from './db/connection';
import { recogniseShopFile } from './db/recognise';
import { holdShopInUse } from './db/shop-lock';
import { type MigrationReport, migrateToLatest } from './db/migrate';
import type { Database } from './db/schema';
import { DomainError, storageError } from './errors';
import { prepareShopFolder } from './backup/leftovers';
import { CoreEvents } from './events';
import { consoleLogger, type Logger } from './log';
import type { CorePorts } from './ports';

export interface CoreOptions {
  /** The SQLite file; created with its folder when missing (unless `mustExist`). */
  dbFile: string;
  /**
   * Refuse (`folder_missing`) instead of creating a new shop when the file does not exist: for callers that
   * only read (stats, export, backup).
   */
  mustExist?: boolean;
  /** Where automatic backups go; default: `backups/` beside the database. */
  backupDir?: string;
  /** better-sqlite3 addon for another runtime (Electron); see db/connection.ts. */
  nativeBinding?: string;
  /** The clock; tests and the demo generator pin it. */
  now?: () => Date;
  logger?: Logger;
  /** Check every answer against the contract's output schema too (tests turn this on). */
  validateOutput?: boolean;
  /** Printing and file dialogs, supplied by the transport (see ports.ts). */
  ports?: CorePorts;
}

/** Everything a service needs. One instance per open database. */
export interface Core {
  readonly dbFile: string;
  readonly backupDir: string;
  readonly db: Kysely<Database>;
  /** The raw connection, for bulk paths (imports, generator) where Kysely's per-row cost matters. */
  readonly sqlite: SqliteDatabase;
  readonly events: CoreEvents;
  readonly log: Logger;
  readonly migration: MigrationReport;
  /** True when this call created a new, empty shop (there was no file, or an empty one). */
  readonly created: boolean;
  readonly validateOutput: boolean;
  /** Printing and file dialogs; transports may set them after creating the core. */
  ports: CorePorts;
  now(): Date;
  close(): Promise<void>;
}

/**
 * The one composition root: the main process, the command line, the browser test harness, benchmarks
 * and tests all build the core here, so they all run the same migrations, pragmas and services.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const dbFile = resolve(options.dbFile);
  // First: every connection below (the recognising one, the locks) must load the runtime's own addon.
  if (options.nativeBinding) setProcessNativeBinding(options.nativeBinding);
  const existed = existsSync(dbFile) && statSync(dbFile).size > 0;
  if (!existed && options.mustExist) {
    const folderExists = existsSync(dirname(dbFile));
    throw new DomainError(
      'folder_missing',
      folderExists ? `There is no shop at ${dbFile}.` : `There is no shop at ${dbFile}: the folder ${dirname(dbFile)} does not exist.`,
      { file: dbFile },
    );
  }
  // Before anything writes to an existing file: is it a Zaplecze shop of this or an older version? Another
  // program's database, a newer shop or a damaged file are refused here, opened read-only and unchanged.
  const kind = existed ? recogniseShopFile(dbFile) : 'empty';
  try {
    mkdirSync(dirname(dbFile), { recursive: true });
  } catch (error) {
    throw storageError(error, `the folder ${dirname(dbFile)}`) ?? error;
  }
  const backupDir = options.backupDir ? resolve(options.backupDir) : join(dirname(dbFile), 'backups');
  const now = options.now ?? (() => new Date());
  // Held while the shop is open: a restore (another process) refuses meanwhile; see db/shop-lock.ts.
  const inUse = holdShopInUse(dbFile);
  // What killed imports, backups and restores left beside this shop goes; temporary files stay beside it.
  let sqlite: SqliteDatabase;
  try {
    prepareShopFolder(dbFile, backupDir, now());
    sqlite = openSqlite(dbFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    inUse.release();
    throw error;
  }
  let migration: MigrationReport;
  try {
    migration = await migrateToLatest(sqlite, { backupDir, now: now() });
  } catch (error) {
    sqlite.close();
    inUse.release();
    throw error instanceof DomainError ? error : (storageError(error) ?? error);
  }
  const db = createKysely(sqlite);
  let closed = false;
  return {
    dbFile,
    backupDir,
    db,
    sqlite,
    events: new CoreEvents(),
    log: options.logger ?? consoleLogger,
    migration,
    created: kind === 'empty',
    validateOutput: options.validateOutput ?? false,
    ports: options.ports ?? {},
    now,
    async close() {
      if (closed) return;
      closed = true;
      // Kysely's destroy() closes the connection only if Kysely ever opened its driver (it does so
      // lazily): close the raw handle ourselves when it is still open.
      try {
        await db.destroy();
        if (sqlite.open) sqlite.close();
      } finally {
        inUse.release();
      }
    },
  };
}
