import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/create-core';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { silentLogger } from '../../electron/core/log';
import { tempCore, tempDir } from '../support/temp-core';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('migrations', () => {
  it('build the whole schema on an empty file, with WAL and foreign keys', async () => {
    const t = await tempCore();
    cleanups.push(t.dispose);
    const tables = (t.core.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all() as string[]);
    for (const table of ['products', 'offers', 'locations', 'stock_ledger', 'reservations', 'customers', 'orders', 'order_lines',
      'shipments', 'returns', 'return_lines', 'complaints', 'promotions', 'promotion_items', 'import_runs', 'audit_log', 'settings']) {
      expect(tables).toContain(table);
    }
    expect(t.core.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.core.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(t.core.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(t.core.migration.applied).toEqual(Object.keys(MIGRATIONS));
    expect(t.core.migration.backupFile).toBeNull(); // nothing to back up in a new file
  });

  it('run once: reopening applies nothing', async () => {
    const t = await tempCore();
    cleanups.push(t.dispose);
    await t.core.close();
    const again = await createCore({ dbFile: t.dbFile, logger: silentLogger });
    cleanups.push(() => again.close());
    expect(again.migration.applied).toEqual([]);
    expect(again.migration.schemaVersion).toBe(Object.keys(MIGRATIONS).at(-1));
  });

  it('refuse a database written by a newer version, without changing it', async () => {
    const t = await tempCore();
    cleanups.push(t.dispose);
    t.core.sqlite.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('2099-01-01-future', '2099-01-01T00:00:00Z')").run();
    await t.core.close();
    const before = readFile(t.dbFile);
    await expect(createCore({ dbFile: t.dbFile, logger: silentLogger })).rejects.toMatchObject({ code: 'database_from_future' });
    expect(readFile(t.dbFile).equals(before)).toBe(true);
  });

  it('refuse a file that is not a database, without overwriting it', async () => {
    const d = tempDir();
    cleanups.push(d.dispose);
    const file = join(d.dir, 'zaplecze.db');
    writeFileSync(file, 'this is a spreadsheet, not a database\n'.repeat(200));
    const before = readFile(file);
    await expect(createCore({ dbFile: file, logger: silentLogger })).rejects.toMatchObject({ code: 'database_corrupt' });
    expect(readFile(file).equals(before)).toBe(true);
  });

  it('take a backup copy before running pending migrations on an existing database', async () => {
    const d = tempDir();
    cleanups.push(d.dispose);
    // An older database: every migration but the last one has run, and it holds the shop's data.
    const names = Object.keys(MIGRATIONS);
    const last = names.at(-1)!;
    const older = Object.fromEntries(names.slice(0, -1).map((n) => [n, MIGRATIONS[n]!]));
    const file = join(d.dir, 'older.db');
    const raw = new BetterSqlite3(file);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    const result = await new Migrator({ db, provider: { getMigrations: async () => older } }).migrateToLatest();
    expect(result.error).toBeUndefined();
    raw.prepare('CREATE TABLE shop_marker (note TEXT)').run();
    raw.prepare("INSERT INTO shop_marker VALUES ('Pod Lipą')").run();
    await db.destroy();

    const backupDir = join(d.dir, 'backups');
    const core = await createCore({ dbFile: file, logger: silentLogger, backupDir });
    cleanups.push(() => core.close());
    expect(core.migration.applied).toEqual([last]);
    expect(core.migration.backupFile).toMatch(/before-migration\.db$/);
    expect(readdirSync(backupDir)).toHaveLength(1);
    // The copy is the database as it was before: the data, and not the new migration.
    const copy = new BetterSqlite3(core.migration.backupFile!, { readonly: true });
    cleanups.push(() => copy.close());
    expect(copy.prepare('SELECT note FROM shop_marker').pluck().get()).toBe('Pod Lipą');
    const copied = copy.prepare("SELECT 1 FROM sqlite_master WHERE name = 'kysely_migration'").get()
      ? (copy.prepare('SELECT name FROM kysely_migration').pluck().all() as string[])
      : [];
    expect(copied).not.toContain(last);
    expect(existsSync(file)).toBe(true);
  });
});

const readFile = (file: string): Buffer => readFileSync(file);
