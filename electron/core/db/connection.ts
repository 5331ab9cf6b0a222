import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, type DatabaseConnection, type Driver, Kysely, SqliteDialect } from 'kysely';
import { DomainError, storageError } from '../errors';
import type { Database } from './schema';

export type SqliteDatabase = BetterSqlite3.Database;

export interface OpenOptions {
  /**
   * Path of a better-sqlite3 addon built for another runtime. Electron needs one compiled against its
   * own ABI; tests, the CLI and benchmarks use the Node build installed by npm (option left empty).
   */
  nativeBinding?: string;
  readonly?: boolean;
}

let processNativeBinding: string | undefined;

/**
 * The better-sqlite3 addon every connection of this process loads. Electron's main process sets it once
 * (createCore does it when given `nativeBinding`), so side connections — backups, restore checks, import
 * staging — load the Electron build too instead of the Node build, which Electron cannot load.
 */
/** How long a statement waits for another connection's write lock before SQLITE_BUSY (it waits synchronously). */
export const BUSY_TIMEOUT_MS = 5000;

export function setProcessNativeBinding(path: string | undefined): void {
  processNativeBinding = path;
}

/** The addon set with setProcessNativeBinding (undefined: npm's Node build); worker threads load the same. */
export function processNativeBindingPath(): string | undefined {
  return processNativeBinding;
}

/**
 * A driver that cannot load (wrong ABI, missing addon) is not a damaged database: say so plainly. Null for
 * any other error.
 */
export function driverLoadError(error: unknown): DomainError | null {
  const message = (error as Error)?.message ?? String(error);
  if (!/NODE_MODULE_VERSION|invalid ELF|cannot open shared object|was compiled against|\.node\b/i.test(message)) return null;
  return new DomainError('internal', `The SQLite driver could not be loaded (${message}).`);
}

/** A bare connection (no pragmas) with the process's addon: for backup copies, verification, staging files. */
export function openRawSqlite(file: string, options: BetterSqlite3.Options = {}): SqliteDatabase {
  const nativeBinding = options.nativeBinding ?? processNativeBinding;
  return new BetterSqlite3(file, nativeBinding ? { ...options, nativeBinding } : options);
}

/**
 * Opens the SQLite file with the pragmas every connection needs:
 * - WAL: readers never block the writer, and a crash mid-write leaves the last commit intact;
 * - synchronous=NORMAL: in WAL mode this cannot corrupt the file; a power cut may drop the last
 *   commit (an app crash does not);
 * - foreign keys on (SQLite's default is off);
 * - busy timeout, so a backup or a second process waits instead of failing at once.
 */
export function openSqlite(file: string, options: OpenOptions = {}): SqliteDatabase {
  let sqlite: SqliteDatabase;
  try {
    sqlite = openRawSqlite(file, { readonly: options.readonly ?? false, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    const driver = driverLoadError(error);
    if (driver) throw driver;
    const storage = storageError(error, `the file ${file}`);
    if (storage) throw storage;
    throw new DomainError('database_corrupt', `Cannot open the database file ${file}: ${message}`);
  }
  try {
    // The first statement that reads the header: a file that is not SQLite fails here.
    if (!options.readonly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('cache_size = -32000'); // 32 MB page cache
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    sqlite.close();
    // A read-only file or disk, a full disk, a busy file: say that, not "damaged".
    const storage = storageError(error, `the file ${file}`);
    if (storage) throw storage;
    throw new DomainError(
      'database_corrupt',
      `The file ${file} is not a readable Zaplecze database (${(error as Error).message}).`,
    );
  }
  return sqlite;
}

/**
 * Kysely's SQLite dialect, except that a rollback after SQLite has already rolled the transaction back by
 * itself (a full disk, an I/O error, a busy commit) is skipped. Kysely would otherwise send ROLLBACK anyway
 * and throw "cannot rollback - no transaction is active", which replaces the error that matters.
 */
class KeepFirstErrorDialect extends SqliteDialect {
  constructor(private readonly sqlite: SqliteDatabase) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection: DatabaseConnection) => {
      if (this.sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

/** Kysely over an open connection; camelCase in TypeScript, snake_case in SQL. */
export function createKysely(sqlite: SqliteDatabase): Kysely<Database> {
  return new Kysely<Database>({ dialect: new KeepFirstErrorDialect(sqlite), plugins: [new CamelCasePlugin()] });
}
