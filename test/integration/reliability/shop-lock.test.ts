/**
 * Issue 12, point 1: a process that has the shop open holds a lock that a restore and a second app respect.
 * Real processes on a real file: another process holds the shop the way the app does, the command line
 * tries to restore over it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCoreFully } from '../../../electron/core/backup/restore.service';
import { holdShopForApp } from '../../../electron/core/db/shop-lock';
import { tempCore } from '../../support/temp-core';
import { type Holder, holdShop, jsonOf, zaplecze } from './support/processes';
import { seedSmallShop } from './support/small-shop';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function productsNamed(file: string, sku: string): number {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT count(*) FROM products WHERE sku = ?').pluck().get(sku) as number;
  } finally {
    db.close();
  }
}

/** A shop with data, a backup of it, and a product added after the backup (gone again once restored). */
async function shopWithBackup() {
  const t = await tempCore();
  cleanups.push(t.dispose);
  seedSmallShop(t.core.sqlite);
  const backup = join(t.dir, 'kopia.db');
  await t.core.sqlite.backup(backup);
  t.core.sqlite.prepare("INSERT INTO products (sku, name, created_at, updated_at) VALUES ('PO-KOPII', 'Dodany po kopii', 'x', 'x')").run();
  await closeCoreFully(t.core);
  return { ...t, backup };
}

async function holding(dbFile: string, options: { app?: boolean } = {}): Promise<Holder> {
  const holder = await holdShop(dbFile, options);
  cleanups.push(() => holder.kill());
  return holder;
}

describe('the shop lock', () => {
  it('refuses a restore while an app has the shop open, naming it; after that app is killed (SIGKILL) no stale lock is left', async () => {
    const t = await shopWithBackup();
    const app = await holding(t.dbFile);

    const refused = await zaplecze(['restore', t.backup, '--db', t.dbFile, '--json']);
    expect(refused.code, refused.stderr).toBe(1);
    const { error } = jsonOf(refused) as { error: { code: string; message: string } };
    expect(error.code).toBe('shop_in_use');
    expect(error.message).toContain(`pid ${app.pid}`);
    expect(error.message).toMatch(/browser/);
    expect(refused.stderr).toContain(`pid ${app.pid}`);
    // Nothing replaced, nothing left behind.
    expect(productsNamed(t.dbFile, 'PO-KOPII')).toBe(1);
    expect(existsSync(`${t.dbFile}.restoring`)).toBe(false);
    expect(existsSync(join(t.dir, 'backups')) ? readdirSync(join(t.dir, 'backups')) : []).toEqual([]);

    await app.kill();
    const restored = await zaplecze(['restore', t.backup, '--db', t.dbFile, '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(productsNamed(t.dbFile, 'PO-KOPII')).toBe(0);
  });

  it('refuses a restore while the command line has the shop open (an import, say), without naming an app', async () => {
    const t = await shopWithBackup();
    await holding(t.dbFile, { app: false });
    const refused = await zaplecze(['restore', t.backup, '--db', t.dbFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/in use by another Zaplecze program/);
    expect(productsNamed(t.dbFile, 'PO-KOPII')).toBe(1);
  });

  it('refuses a second app on the same shop, naming the first; the command line still works beside it', async () => {
    const t = await shopWithBackup();
    const app = await holding(t.dbFile);
    expect(() => holdShopForApp(t.dbFile, 'desktop')).toThrow(expect.objectContaining({ code: 'shop_in_use', message: expect.stringContaining(`pid ${app.pid}`) }));

    const stats = await zaplecze(['stats', '--db', t.dbFile, '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    expect(jsonOf(stats)).toMatchObject({ products: 21 });

    await app.kill();
    const mine = holdShopForApp(t.dbFile, 'desktop');
    mine.release();
  });
});
