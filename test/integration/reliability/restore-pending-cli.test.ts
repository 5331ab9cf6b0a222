/**
 * Issue 12 point 2, the command line's side: a restore staged in the app (`<shop>.restore-pending.json`)
 * replaces the shop at the desktop app's next start. The command line ignored it, so what `zaplecze import`
 * wrote meanwhile was silently rolled back at that start. Now commands that write refuse
 * (`restore_pending`, with how to cancel), commands that read run and warn on stderr, and
 * `zaplecze restore --cancel-pending` withdraws the restore. Real `bin/zaplecze.cjs` processes on a real shop.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../../electron/core/backup/backup.service';
import { closeCoreFully } from '../../../electron/core/backup/restore.service';
import { call } from '../../../electron/core/dispatch';
import { tempCore } from '../../support/temp-core';
import { jsonOf, zaplecze } from './support/processes';
import { seedSmallShop } from './support/small-shop';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const ORDERS_JSON = join(__dirname, '../../fixtures/allegro/checkout-forms.page-1.json');

function count(file: string, sql: string): number {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

/** A shop with a backup, and a restore of it asked for in the app (staged for the next start). */
async function shopWithPendingRestore() {
  const t = await tempCore();
  cleanups.push(t.dispose);
  seedSmallShop(t.core.sqlite);
  const backup = await createBackup(t.core, { label: 'manual' });
  const name = backup.file.split(/[\\/]/).at(-1)!;
  const staged = await call(t.core, 'backup.restore', { name });
  expect(staged.when).toBe('next-start');
  await closeCoreFully(t.core);
  const marker = `${t.dbFile}.restore-pending.json`;
  expect(existsSync(marker)).toBe(true);
  return { ...t, name, marker };
}

describe('the command line and a restore waiting for the app’s next start', () => {
  it('import and restore refuse with restore_pending and change nothing; stats runs and warns on stderr', async () => {
    const t = await shopWithPendingRestore();
    const orders = count(t.dbFile, 'SELECT count(*) FROM orders');

    const imported = await zaplecze(['import', '--db', t.dbFile, '--json', ORDERS_JSON]);
    expect(imported.code).toBe(1);
    expect(jsonOf(imported)).toMatchObject({ error: { code: 'restore_pending' } });
    expect(imported.stderr).toContain(t.name);
    expect(imported.stderr).toContain(`zaplecze restore --cancel-pending --db ${t.dbFile}`);
    expect(imported.stderr).not.toContain('Unexpected');
    expect(count(t.dbFile, 'SELECT count(*) FROM orders')).toBe(orders);
    expect(count(t.dbFile, 'SELECT count(*) FROM import_runs')).toBe(0);

    const restored = await zaplecze(['restore', '--db', t.dbFile, '--json', join(t.dir, 'backups', t.name)]);
    expect(restored.code).toBe(1);
    expect(jsonOf(restored)).toMatchObject({ error: { code: 'restore_pending' } });

    const stats = await zaplecze(['stats', '--db', t.dbFile, '--json']);
    expect(stats.code).toBe(0);
    expect(jsonOf(stats)).toMatchObject({ orders: expect.anything() });
    expect(stats.stderr).toMatch(/^Warning: A restore of the backup .+ is waiting/);

    // A dry run writes nothing: it runs (with the warning).
    const dry = await zaplecze(['import', '--db', t.dbFile, '--dry-run', '--json', ORDERS_JSON]);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('Warning: A restore of the backup');
    expect(existsSync(t.marker)).toBe(true);
  }, 120_000);

  it('restore --cancel-pending withdraws it (recorded in the history); then import writes', async () => {
    const t = await shopWithPendingRestore();
    const cancelled = await zaplecze(['restore', '--cancel-pending', '--db', t.dbFile, '--json']);
    expect(cancelled.code).toBe(0);
    expect(jsonOf(cancelled)).toEqual({ database: t.dbFile, cancelled: t.name });
    expect(existsSync(t.marker)).toBe(false);
    expect(count(t.dbFile, "SELECT count(*) FROM audit_log WHERE action = 'backup.cancelRestore'")).toBe(1);

    const again = await zaplecze(['restore', '--cancel-pending', '--db', t.dbFile, '--json']);
    expect(jsonOf(again)).toEqual({ database: t.dbFile, cancelled: null });

    const imported = await zaplecze(['import', '--db', t.dbFile, '--json', ORDERS_JSON]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).not.toContain('restore');
    expect(count(t.dbFile, "SELECT count(*) FROM import_runs WHERE status = 'committed'")).toBe(1);
  }, 120_000);
});
