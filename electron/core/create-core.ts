import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { createKysely, openSqlite, setProcessNativeBinding, type SqliteDatabase } from './db/connection';
import { type MigrationReport, migrateToLatest } from './db/migrate';
import type { Database } from './db/schema';
import { CoreEvents } from './events';
import { consoleLogger, type Logger } from './log';
import type { CorePorts } from './ports';

export interface CoreOptions {
  /** The SQLite file; created with its folder when missing. */
  dbFile: string;
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
  mkdirSync(dirname(dbFile), { recursive: true });
  const backupDir = options.backupDir ? resolve(options.backupDir) : join(dirname(dbFile), 'backups');
  const now = options.now ?? (() => new Date());
  if (options.nativeBinding) setProcessNativeBinding(options.nativeBinding);
  const sqlite = openSqlite(dbFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  let migration: MigrationReport;
  try {
    migration = await migrateToLatest(sqlite, { backupDir, now: now() });
  } catch (error) {
    sqlite.close();
    throw error;
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
    validateOutput: options.validateOutput ?? false,
    ports: options.ports ?? {},
    now,
    async close() {
      if (closed) return;
      closed = true;
      // Kysely's destroy() closes the connection only if Kysely ever opened its driver (it does so
      // lazily): close the raw handle ourselves when it is still open.
      await db.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
}
