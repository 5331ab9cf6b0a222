import { closeSync, copyFileSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createBackup } from '../../../../electron/core/backup/backup.service';
import { openRawSqlite } from '../../../../electron/core/db/connection';
import { tempCore, tempDir } from '../../../support/temp-core';
import { seedSmallShop } from './small-shop';

/** Overwrites one leaf page of the orders table (found with dbstat) with garbage; returns its number. */
export function damageOrdersPage(file: string): number {
  const db = openRawSqlite(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'orders' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
  db.close();
  if (pages.length < 2) throw new Error('the orders table is too small to damage one page of it');
  const page = pages[Math.floor(pages.length / 2)]!;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
  return page;
}

/**
 * A shop with two verified backups (taken 20 and 21 Nov 2026), closed; then a COPY of it, with its
 * backups, in a fresh folder, with garbage over a page of its orders table. `good` = backup names, newest first.
 */
export async function damagedCopyOfShop(): Promise<{ dbFile: string; backupDir: string; good: string[]; dispose(): Promise<void> }> {
  let clock = new Date('2026-11-20T08:00:00Z');
  const t = await tempCore({ now: () => clock });
  seedSmallShop(t.core.sqlite, { orders: 400 });
  const first = await createBackup(t.core, { label: 'auto' });
  clock = new Date('2026-11-21T08:00:00Z');
  const second = await createBackup(t.core, { label: 'auto' });
  await t.core.close(); // checkpoints the WAL into the file

  const copy = tempDir('zaplecze-damaged-');
  const dbFile = join(copy.dir, 'zaplecze.db');
  copyFileSync(t.dbFile, dbFile);
  mkdirSync(join(copy.dir, 'backups'));
  for (const b of [first, second]) copyFileSync(b.file, join(copy.dir, 'backups', b.name));
  copyFileSync(join(t.core.backupDir, 'zaplecze-checks.json'), join(copy.dir, 'backups', 'zaplecze-checks.json'));
  damageOrdersPage(dbFile);
  return {
    dbFile,
    backupDir: join(copy.dir, 'backups'),
    good: [second.name, first.name],
    async dispose() {
      await t.dispose();
      copy.dispose();
    },
  };
}
