import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listBackups } from '../../../electron/core/backup/backup-files';
import { readChecks } from '../../../electron/core/backup/backup-checks';
import { rotateBackups } from '../../../electron/core/backup/backup-rotation';
import { backupOnStartIfDue } from '../../../electron/core/backup/backup.service';
import { checkShopOnStart, shopHealth } from '../../../electron/core/backup/shop-health';
import { afterShopOpened } from '../../../electron/core/backup/shop-start';
import { createCore } from '../../../electron/core/create-core';
import { call, dispatch } from '../../../electron/core/dispatch';
import { silentLogger } from '../../../electron/core/log';
import { main } from '../../../electron/cli/main';
import { damagedCopyOfShop as damagedCopy } from './support/damaged-copy';
import { seedSmallShop } from './support/small-shop';
import { tempCore } from '../../support/temp-core';

/**
 * Issue 12 point 3: a shop with damaged data pages started, answered `internal`, and `zaplecze backup`
 * exited 0 with a damaged copy that rotation then counted — two weeks later the last good copy was gone.
 * Here: a real shop with verified backups, a COPY of it with garbage written over a page of the orders
 * table, then start, calls, backups and rotation on that copy.
 */

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

async function damagedCopyOfShop() {
  const shop = await damagedCopy();
  cleanups.push(shop.dispose);
  return shop;
}

describe('a damaged shop', () => {
  it('is reported damaged at start and by calls that hit the page, offering the newest verified backup', async () => {
    const shop = await damagedCopyOfShop();
    const core = await createCore({ dbFile: shop.dbFile, logger: silentLogger, validateOutput: true, now: () => new Date('2026-11-22T08:00:00Z') });
    cleanups.push(() => core.close());

    const health = await checkShopOnStart(core);
    expect(health.state).toBe('damaged');
    const list = await call(core, 'backup.list', {});
    expect(list.health).toMatchObject({ state: 'damaged', newestVerified: { name: shop.good[0], verified: true } });

    // A call that reads the damaged page says "damaged", not "internal".
    const orders = await dispatch(core, 'orders.list', { search: 'kupujący, którego nie ma' }, { role: 'owner' }); // a search reads every order
    expect(orders).toMatchObject({ ok: false, error: { code: 'database_corrupt' } });
  });

  it('`zaplecze backup` exits 1, says the shop is damaged, keeps the copy apart and rotates nothing away', async () => {
    const shop = await damagedCopyOfShop();
    const res = await cli(['backup', '--db', shop.dbFile]);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/damaged/);
    expect(res.err).toContain(shop.good[0]);
    expect(listBackups(shop.backupDir).map((b) => b.name)).toEqual(shop.good);
    const apart = readdirSync(shop.backupDir).filter((n) => n.startsWith('damaged-zaplecze-'));
    expect(apart).toHaveLength(1);
    expect(readChecks(shop.backupDir)[apart[0]!]).toMatchObject({ ok: false });
  });

  it('daily backups of a damaged shop never push the last verified copy out, whatever the keep setting', async () => {
    const shop = await damagedCopyOfShop();
    let clock = new Date('2026-11-22T08:00:00Z');
    const core = await createCore({ dbFile: shop.dbFile, logger: silentLogger, now: () => clock });
    cleanups.push(() => core.close());
    await call(core, 'settings.update', { backupKeep: 1 });
    for (let day = 0; day < 5; day++) {
      clock = new Date(Date.UTC(2026, 10, 22 + day, 8));
      await expect(backupOnStartIfDue(core)).rejects.toMatchObject({ code: 'database_corrupt' });
    }
    expect(listBackups(shop.backupDir).map((b) => b.name)).toEqual(shop.good);
    // Only the newest few damaged copies are kept for rescue.
    expect(readdirSync(shop.backupDir).filter((n) => n.startsWith('damaged-zaplecze-'))).toHaveLength(3);
  });

  it('rotation checks copies it has no record of: a damaged one is set apart instead of outliving the good ones', async () => {
    const shop = await damagedCopyOfShop();
    // A damaged copy written before checks existed (no record), newer than the good ones.
    const sneaky = 'zaplecze-2026-11-23T08-00-00-000Z-auto.db';
    copyFileSync(shop.dbFile, join(shop.backupDir, sneaky));
    const result = rotateBackups(shop.backupDir, 1);
    expect(result.setApart).toEqual([sneaky]);
    expect(listBackups(shop.backupDir).map((b) => b.name)).toEqual([shop.good[0]]);
    expect(existsSync(join(shop.backupDir, `damaged-${sneaky}`))).toBe(true);
  });

  it('a whole shop: quick check at every start, the full check once a week, recorded in the shop', async () => {
    let clock = new Date('2026-12-01T08:00:00Z');
    const t = await tempCore({ now: () => clock });
    cleanups.push(t.dispose);
    seedSmallShop(t.core.sqlite);
    const first = await checkShopOnStart(t.core);
    expect(first).toMatchObject({ state: 'ok', lastFullCheckAt: '2026-12-01T08:00:00.000Z' });
    clock = new Date('2026-12-05T08:00:00Z');
    expect(await checkShopOnStart(t.core)).toMatchObject({ state: 'ok', checkedAt: '2026-12-05T08:00:00.000Z', lastFullCheckAt: '2026-12-01T08:00:00.000Z' });
    clock = new Date('2026-12-08T08:00:00Z');
    expect(await checkShopOnStart(t.core)).toMatchObject({ state: 'ok', lastFullCheckAt: '2026-12-08T08:00:00.000Z' });
    expect((await call(t.core, 'backup.list', {})).health).toMatchObject({ state: 'ok', lastFullCheckAt: '2026-12-08T08:00:00.000Z' });
  });

  it('an app left running: the shop is checked again, and the full check happens when its week is up', async () => {
    let clock = new Date('2026-12-01T08:00:00Z');
    const t = await tempCore({ now: () => clock });
    cleanups.push(t.dispose);
    seedSmallShop(t.core.sqlite);
    const started = await afterShopOpened(t.core, { recheckEveryMs: 50 });
    expect(started.health.lastFullCheckAt).toBe('2026-12-01T08:00:00.000Z');
    expect(started.backup?.kind).toBe('automatic');
    clock = new Date('2026-12-09T08:00:00Z');
    await vi.waitFor(() => expect(shopHealth(t.core).lastFullCheckAt).toBe('2026-12-09T08:00:00.000Z'), { timeout: 10_000 });
  });

  it('a damaged shop whose backups were made before checks existed: they are checked at start and the newest good one offered', async () => {
    const shop = await damagedCopyOfShop();
    rmSync(join(shop.backupDir, 'zaplecze-checks.json'));
    const core = await createCore({ dbFile: shop.dbFile, logger: silentLogger, validateOutput: true });
    cleanups.push(() => core.close());
    const started = await afterShopOpened(core);
    expect(started).toMatchObject({ health: { state: 'damaged' }, backup: null });
    expect((await call(core, 'backup.list', {})).health).toMatchObject({ state: 'damaged', newestVerified: { name: shop.good[0] } });
  });
});
