import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { DomainError, storageError } from '../errors';
import { snapshotTo } from './backup';
import type { SqliteDatabase } from './connection';
import { MIGRATIONS } from './migrations';

export interface MigrationReport {
  /** Migrations run now, in order. */
  applied: string[];
  /** Name of the newest migration the database now has. */
  schemaVersion: string;
  /** Copy taken before running pending migrations on a database that already had data. */
  backupFile: string | null;
}

function executedMigrations(sqlite: SqliteDatabase): string[] {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='kysely_migration'").get();
  if (!table) return [];
  return (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
}

/**
 * Brings the database to the newest schema. Refuses a database written by a newer Zaplecze (it has
 * migrations this build does not know) without touching it, and takes a backup copy before changing
 * a database that already has a schema.
 */
export async function migrateToLatest(
  sqlite: SqliteDatabase,
  options: { backupDir: string; now: Date },
): Promise<MigrationReport> {
  const known = Object.keys(MIGRATIONS);
  const executed = executedMigrations(sqlite);
  const unknown = executed.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new DomainError(
      'database_from_future',
      `This database was written by a newer version of Zaplecze (schema ${unknown.at(-1)}). Update the app, or restore a backup.`,
      { unknownMigrations: unknown },
    );
  }
  const pending = known.filter((name) => !executed.includes(name));
  if (pending.length === 0) return { applied: [], schemaVersion: executed.at(-1) ?? '', backupFile: null };

  const hasContent = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' LIMIT 1").get();
  const backupFile = hasContent ? snapshotTo(sqlite, options.backupDir, 'before-migration', options.now) : null;

  // Migrations run without the camelCase plugin: they are raw SQL and must mean the same forever.
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    // A full or read-only disk is something the owner can fix: say so (SQLite has rolled the migration back).
    const storage = storageError(error);
    if (storage) throw storage;
    throw new DomainError('internal', `Database migration failed: ${(error as Error).message ?? String(error)}`, {
      backupFile,
    });
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  return { applied, schemaVersion: known.at(-1)!, backupFile };
}
