/**
 * Issue 12, point 4: a Zaplecze database is recognised before anything writes to it. Another program's
 * SQLite file and a shop from a newer version are refused and left byte-for-byte as they were.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/create-core';
import { ZAPLECZE_APPLICATION_ID } from '../../../electron/core/db/recognise';
import { silentLogger } from '../../../electron/core/log';
import { tempDir } from '../../support/temp-core';
import { jsonOf, zaplecze } from './support/processes';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function folder(): string {
  const d = tempDir('zaplecze-foreign-');
  cleanups.push(d.dispose);
  return d.dir;
}

function seedMarker(db: BetterSqlite3.Database): void {
  db.prepare("INSERT INTO products (sku, name, created_at, updated_at) VALUES ('STARY-1', 'Sprzed znacznika', 'x', 'x')").run();
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const sideFiles = (file: string) => ['-wal', '-shm', '-journal'].filter((s) => existsSync(`${file}${s}`));

function invoicesDatabase(file: string): void {
  const db = new BetterSqlite3(file);
  db.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, number TEXT, total REAL); INSERT INTO invoices (number, total) VALUES ('FV 1/2026', 123.45)");
  db.close();
}

describe('recognising a Zaplecze database before writing to it', () => {
  it('refuses another program\'s SQLite file in every command and in the app, leaving it byte-for-byte unchanged', async () => {
    const file = join(folder(), 'faktury.db');
    invoicesDatabase(file);
    const before = sha256(file);

    for (const args of [['stats', '--json'], ['init', '--json'], ['backup', '--json'], ['import', join(__dirname, '../../fixtures/allegro/orders-export.csv'), '--json']]) {
      const ran = await zaplecze([...args, '--db', file]);
      expect(ran.code, `${args[0]}: ${ran.stderr}`).toBe(1);
      expect(jsonOf(ran), args[0]).toMatchObject({ error: { code: 'not_zaplecze_database' } });
      expect(ran.stderr).toMatch(/not a Zaplecze database/);
      expect(sha256(file), args[0]).toBe(before);
      expect(sideFiles(file), args[0]).toEqual([]);
    }
    await expect(createCore({ dbFile: file, logger: silentLogger })).rejects.toMatchObject({ code: 'not_zaplecze_database' });
    expect(sha256(file)).toBe(before);
    expect(sideFiles(file)).toEqual([]);
  });

  it('refuses a shop from a newer version without switching its journal mode or changing any byte', async () => {
    const file = join(folder(), 'nowszy.db');
    const core = await createCore({ dbFile: file, logger: silentLogger });
    core.sqlite.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('2099-01-01-future', 'x')").run();
    await core.close();
    // Written by a newer Zaplecze that (say) went back to a rollback journal: opening must not switch it to WAL.
    const db = new BetterSqlite3(file);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha256(file);

    const ran = await zaplecze(['stats', '--db', file, '--json']);
    expect(ran.code).toBe(1);
    expect(jsonOf(ran)).toMatchObject({ error: { code: 'database_from_future' } });
    await expect(createCore({ dbFile: file, logger: silentLogger })).rejects.toMatchObject({ code: 'database_from_future' });
    expect(sha256(file)).toBe(before);
    expect(readFileSync(file)[18]).toBe(1); // header: still a rollback-journal database
    expect(sideFiles(file)).toEqual([]);
  });

  it('sets up a new shop in an empty file, marked as a Zaplecze shop; shops made before the marker still open', async () => {
    const dir = folder();
    const empty = join(dir, 'pusty.db');
    writeFileSync(empty, '');
    const init = await zaplecze(['init', '--db', empty, '--json']);
    expect(init.code, init.stderr).toBe(0);
    expect(jsonOf(init)).toMatchObject({ created: true });

    const made = new BetterSqlite3(empty, { readonly: true });
    expect(made.pragma('application_id', { simple: true })).toBe(ZAPLECZE_APPLICATION_ID);
    made.close();

    // A shop made before the marker existed (application_id 0): recognised by its migration table.
    const older = join(dir, 'starszy.db');
    const core = await createCore({ dbFile: older, logger: silentLogger });
    core.sqlite.pragma('application_id = 0');
    seedMarker(core.sqlite);
    await core.close();
    const reopened = await createCore({ dbFile: older, logger: silentLogger });
    expect(reopened.sqlite.prepare("SELECT count(*) FROM products WHERE sku = 'STARY-1'").pluck().get()).toBe(1);
    await reopened.close();
  });
});
