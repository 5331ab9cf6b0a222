import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../../electron/core/backup/backup-files';
import { backupOnStartIfDue, backupBeforeRisk, createBackup } from '../../../electron/core/backup/backup.service';
import { applyPendingRestore, closeCoreFully, reopenWithPendingRestore, restoreDatabaseFile, whenRestoreStaged } from '../../../electron/core/backup/restore.service';
import { createCore, type Core } from '../../../electron/core/create-core';
import { call } from '../../../electron/core/dispatch';
import { silentLogger } from '../../../electron/core/log';
import { main } from '../../../electron/cli/main';
import { tempCore } from '../../support/temp-core';
import { contentHash, contentHashOf } from './support/db-hash';
import { seedSmallShop } from './support/small-shop';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function shopWithData(now?: () => Date) {
  const t = await tempCore(now ? { now } : {});
  cleanups.push(t.dispose);
  seedSmallShop(t.core.sqlite);
  return t;
}

function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('backup and restore', () => {
  it('restores, from the app, exactly the content the backup was taken from; the replaced database is kept', async () => {
    const t = await shopWithData();
    const before = contentHashOf(t.core.sqlite);
    const backup = await call(t.core, 'backup.create', {});
    expect(backup.kind).toBe('manual');

    // Life goes on after the backup: stock moves, an order is cancelled, a product is added.
    t.core.sqlite.prepare("INSERT INTO stock_ledger (product_id, kind, quantity, reason, actor, created_at) VALUES (1, 'adjustment', -3, 'Uszkodzone', 'owner', '2026-11-02T10:00:00Z')").run();
    t.core.sqlite.prepare("UPDATE orders SET status = 'cancelled' WHERE id = 2").run();
    t.core.sqlite.prepare("INSERT INTO products (sku, name, created_at, updated_at) VALUES ('NEW-1', 'Nowy', 'x', 'x')").run();
    const after = contentHashOf(t.core.sqlite);
    expect(after).not.toBe(before);

    const list = await call(t.core, 'backup.list', {});
    expect(list.backups.map((b) => b.name)).toContain(backup.name);

    // No transport registered to swap the core: the restore waits for the next start.
    const staged = await call(t.core, 'backup.restore', { name: backup.name });
    expect(staged).toMatchObject({ when: 'next-start', products: 20, orders: 50 });
    expect((await call(t.core, 'backup.list', {})).pendingRestore).toBe(backup.name);
    expect(contentHashOf(t.core.sqlite)).toBe(after); // nothing replaced while open

    await closeCoreFully(t.core);
    const applied = await applyPendingRestore(t.dbFile, { backupDir: t.core.backupDir });
    expect(applied && 'restoredFrom' in applied).toBe(true);
    const reopened = await createCore({ dbFile: t.dbFile, logger: silentLogger });
    cleanups.push(() => reopened.close());
    expect(contentHashOf(reopened.sqlite)).toBe(before);
    expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    // The database that was replaced is a listed before-restore backup with the later content.
    const replaced = listBackups(reopened.backupDir).find((b) => b.kind === 'before-restore');
    expect(replaced).toBeDefined();
    expect(contentHash(replaced!.file)).toBe(after);
    // The marker is gone: the next start restores nothing.
    expect(await applyPendingRestore(t.dbFile)).toBeNull();
  });

  it('lets a transport swap the core at once (Electron main / harness)', async () => {
    const t = await shopWithData();
    const before = contentHashOf(t.core.sqlite);
    const backup = await createBackup(t.core, { label: 'manual' });
    t.core.sqlite.prepare('DELETE FROM reservations').run();

    let current: Core = t.core;
    const swapped = new Promise<void>((resolve) => {
      whenRestoreStaged(t.core, () => {
        void reopenWithPendingRestore(current, () => createCore({ dbFile: t.dbFile, logger: silentLogger })).then(({ core, restore }) => {
          expect(restore && 'restoredFrom' in restore).toBe(true);
          current = core;
          resolve();
        });
      });
    });
    const answer = await call(t.core, 'backup.restore', { name: backup.name });
    expect(answer.when).toBe('now');
    await swapped;
    cleanups.push(() => current.close());
    expect(contentHashOf(current.sqlite)).toBe(before);
    expect((current.sqlite.prepare('SELECT sum(reserved) FROM products').pluck().get() as number)).toBe(50);
  });

  it('zaplecze backup and zaplecze restore round-trip through the command line', async () => {
    const t = await shopWithData();
    const before = contentHashOf(t.core.sqlite);
    await closeCoreFully(t.core);
    const out = join(t.dir, 'kopia.db');
    const made = await cli(['backup', '--db', t.dbFile, '--out', out, '--json']);
    expect(made.code, made.err).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({ file: out });
    expect(contentHash(out)).toBe(before);
    expect((await cli(['backup', '--db', t.dbFile, '--out', out])).code).toBe(1); // never overwrites

    const changed = await createCore({ dbFile: t.dbFile, logger: silentLogger });
    changed.sqlite.prepare('DELETE FROM order_lines WHERE id > 10').run();
    const afterHash = contentHashOf(changed.sqlite);
    await closeCoreFully(changed);

    const restored = await cli(['restore', out, '--db', t.dbFile, '--json']);
    expect(restored.code, restored.err).toBe(0);
    const result = JSON.parse(restored.out) as { replacedCopy: string; replacedWasDamaged: boolean };
    expect(result.replacedWasDamaged).toBe(false);
    expect(contentHash(t.dbFile)).toBe(before);
    expect(contentHash(result.replacedCopy)).toBe(afterHash);
    expect(readFileSync(out).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0'); // the backup itself untouched
  });

  it('refuses a backup that is not a database, is damaged, is not Zaplecze\'s, or is from a newer version — changing nothing', async () => {
    const t = await shopWithData();
    await closeCoreFully(t.core);
    const original = readFileSync(t.dbFile);
    const bad: Record<string, string> = {};

    bad.not_sqlite = join(t.dir, 'arkusz.db');
    writeFileSync(bad.not_sqlite, 'Nazwa;Ilość\nŚwieca;3\n');

    bad.corrupt = join(t.dir, 'uszkodzona.db');
    const good = join(t.dir, 'good.db');
    expect((await cli(['backup', '--db', t.dbFile, '--out', good])).code).toBe(0);
    const bytes = readFileSync(good);
    // Scribble over the middle of the file: pages of tables and indexes, not the header.
    for (let i = 4096 * 3; i < Math.min(bytes.length, 4096 * 6); i++) bytes[i] = (i * 7) & 0xff;
    writeFileSync(bad.corrupt, bytes);

    bad.not_zaplecze = join(t.dir, 'inna.db');
    const { default: Sqlite } = await import('better-sqlite3');
    const other = new Sqlite(bad.not_zaplecze);
    other.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1)');
    other.close();

    bad.from_future = join(t.dir, 'przyszla.db');
    const future = await createCore({ dbFile: bad.from_future, logger: silentLogger });
    future.sqlite.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('2099-01-01-future', 'x')").run();
    await closeCoreFully(future);

    for (const [reason, file] of Object.entries(bad)) {
      await expect(restoreDatabaseFile({ dbFile: t.dbFile, backupFile: file }), reason).rejects.toMatchObject({ code: 'backup_invalid', details: { reason } });
      const viaCli = await cli(['restore', file, '--db', t.dbFile]);
      expect(viaCli.code, reason).toBe(1);
      expect(viaCli.err).toContain(file);
      expect(readFileSync(t.dbFile).equals(original), reason).toBe(true);
      expect(existsSync(`${t.dbFile}.restoring`)).toBe(false);
    }
    expect(listBackups(join(t.dir, 'backups')).filter((b) => b.kind === 'before-restore')).toEqual([]);
  });

  it('a damaged database that cannot be opened: clear error, backups listed before any core exists, restore keeps the damaged bytes', async () => {
    const t = await shopWithData();
    const before = contentHashOf(t.core.sqlite);
    await createBackup(t.core, { label: 'auto' });
    await closeCoreFully(t.core);
    const damaged = readFileSync(t.dbFile);
    damaged.fill(0x41, 0, 100); // the header
    writeFileSync(t.dbFile, damaged);

    await expect(createCore({ dbFile: t.dbFile, logger: silentLogger })).rejects.toMatchObject({ code: 'database_corrupt' });
    expect(readFileSync(t.dbFile).equals(damaged)).toBe(true);
    const offered = listBackups(join(t.dir, 'backups'));
    expect(offered).toHaveLength(1);

    const result = await restoreDatabaseFile({ dbFile: t.dbFile, backupFile: offered[0]!.file });
    expect(result.replacedWasDamaged).toBe(true);
    expect(readFileSync(result.replacedCopy!).equals(damaged)).toBe(true);
    expect(listBackups(join(t.dir, 'backups'))).toHaveLength(1); // the damaged copy is not offered as a backup
    const reopened = await createCore({ dbFile: t.dbFile, logger: silentLogger });
    cleanups.push(() => reopened.close());
    expect(contentHashOf(reopened.sqlite)).toBe(before);
  });

  it('a database from a newer version: refused untouched, then restored from a backup; the newer one is kept', async () => {
    const t = await shopWithData();
    const backup = await createBackup(t.core, { label: 'auto' });
    t.core.sqlite.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('2099-01-01-future', 'x')").run();
    await closeCoreFully(t.core);
    const futureBytes = readFileSync(t.dbFile);
    await expect(createCore({ dbFile: t.dbFile, logger: silentLogger })).rejects.toMatchObject({ code: 'database_from_future' });
    expect(readFileSync(t.dbFile).equals(futureBytes)).toBe(true);

    const restored = await cli(['restore', backup.file, '--db', t.dbFile, '--json']);
    expect(restored.code, restored.err).toBe(0);
    const { replacedCopy } = JSON.parse(restored.out) as { replacedCopy: string };
    // The newer database is kept whole (as a before-restore copy a newer app could restore).
    const { default: Sqlite } = await import('better-sqlite3');
    const kept = new Sqlite(replacedCopy, { readonly: true });
    expect(kept.prepare("SELECT count(*) FROM kysely_migration WHERE name = '2099-01-01-future'").pluck().get()).toBe(1);
    kept.close();
  });

  it('never copies a write that was rolled back, even when the backup runs during the transaction', async () => {
    const t = await shopWithData();
    const committed = contentHashOf(t.core.sqlite);
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    // A Kysely transaction spans event-loop turns: the backup's steps run while it is open.
    const rolledBack = t.core.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('locations').values({ code: 'NIE-ZAPISANA', name: null, createdAt: 'x' }).execute();
        inside();
        await new Promise((r) => setTimeout(r, 100));
        throw new Error('rolled back on purpose');
      })
      .catch(() => 'rolled back');
    await entered;
    const backup = await createBackup(t.core, { label: 'manual', pagesPerStep: 1 });
    expect(await rolledBack).toBe('rolled back');
    expect(contentHash(backup.file)).toBe(committed);
  });

  it('automatic backup: at most one per Polish calendar day, skipped for an empty shop, rotated by the setting', async () => {
    let now = new Date('2026-11-24T06:00:00Z');
    const empty = await tempCore({ now: () => now });
    cleanups.push(empty.dispose);
    expect(await backupOnStartIfDue(empty.core)).toBeNull();

    const t = await shopWithData(() => now);
    await call(t.core, 'settings.update', { backupKeep: 2 });
    const first = await backupOnStartIfDue(t.core);
    expect(first?.kind).toBe('automatic');
    now = new Date('2026-11-24T22:30:00Z'); // 23:30 in Warsaw: still the same day
    expect(await backupOnStartIfDue(t.core)).toBeNull();
    now = new Date('2026-11-24T23:30:00Z'); // 00:30 on the 25th in Warsaw
    expect(await backupOnStartIfDue(t.core)).not.toBeNull();
    expect((await call(t.core, 'backup.list', {})).lastAutomaticAt).toBe(now.toISOString());
    now = new Date('2026-11-26T08:00:00Z');
    await backupOnStartIfDue(t.core);
    now = new Date('2026-11-26T09:00:00Z');
    await backupBeforeRisk(t.core, 'before-undo');
    const kinds = listBackups(t.core.backupDir).map((b) => `${b.kind}@${b.createdAt}`);
    // keep = 2: only the two newest regular copies are left.
    expect(kinds).toEqual(['before-undo@2026-11-26T09:00:00.000Z', 'automatic@2026-11-26T08:00:00.000Z']);
  });
});
