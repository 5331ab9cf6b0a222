/**
 * Issue 12, point 6: a full disk, a read-only file and a second process in the middle of writing are
 * reported as what they are — disk_full, read_only, database_busy — with nothing changed, in the app's
 * answers (dispatch), in the command line's text and in its --json output. On a real small tmpfs and a
 * real read-only mount where this machine allows mounting; otherwise simulated at the driver.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeCoreFully } from '../../../electron/core/backup/restore.service';
import { createCore, type Core } from '../../../electron/core/create-core';
import { dispatch } from '../../../electron/core/dispatch';
import type { Logger } from '../../../electron/core/log';
import { tempDir } from '../../support/temp-core';
import { holdShop, jsonOf, zaplecze } from './support/processes';
import { writeBigOrdersCsv } from './support/big-orders-csv';
import { readOnlyView, smallDisk } from './support/small-disks';
import { seedSmallShop } from './support/small-shop';

const ORDERS_CSV = join(__dirname, '../../fixtures/allegro/orders-export.csv');
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(message),
    error: (message, error) => lines.push(`${message} ${error instanceof Error ? error.message : String(error ?? '')}`),
  };
}

const receipt = { document: 'WZ 1/12', lines: [{ productId: 1, quantity: 5 }] };
const ledgerRows = (core: Core) => core.sqlite.prepare('SELECT count(*) FROM stock_ledger').pluck().get() as number;

async function openShop(dbFile: string, logger: Logger = recordingLogger()): Promise<Core> {
  const core = await createCore({ dbFile, logger });
  cleanups.push(() => closeCoreFully(core));
  return core;
}

describe('errors of the disk and of other processes', () => {
  const disk = smallDisk(4096);
  const probe = tempDir();
  const readOnly = readOnlyView(probe.dir);
  // Mounted while the tests are collected: unmount even when a test was skipped or filtered out (-t).
  afterAll(() => {
    disk?.dispose();
    readOnly?.dispose();
    probe.dispose();
  });
  it(disk ? 'a full disk (a real 4 MB tmpfs): disk_full, nothing changed, not masked by "cannot rollback"; the CLI says so in --json' : 'a full disk (simulated at the driver: max_page_count)', async () => {
    let dir: string;
    if (disk) {
      dir = disk.dir;
    } else {
      const d = tempDir();
      cleanups.push(d.dispose);
      dir = d.dir;
    }
    const dbFile = join(dir, 'sklep.db');
    const logger = recordingLogger();
    const core = await openShop(dbFile, logger);
    seedSmallShop(core.sqlite, { products: 20, orders: 10 });
    core.sqlite.pragma('wal_checkpoint(TRUNCATE)'); // the next write must take new space
    if (disk) disk.fill();
    else core.sqlite.pragma(`max_page_count = ${core.sqlite.pragma('page_count', { simple: true }) as number}`);
    const before = ledgerRows(core);

    const bigReceipt = { document: 'WZ 2/12', note: 'x'.repeat(400), lines: Array.from({ length: 20 }, (_, i) => ({ productId: i + 1, quantity: 1 + i })) };
    const answer = await dispatch(core, 'stock.receive', bigReceipt, { role: 'owner' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    expect(ledgerRows(core)).toBe(before);
    expect(logger.lines.join('\n')).not.toMatch(/cannot rollback/);

    if (disk) {
      // A second process (the command line) on the same full disk.
      const ran = await zaplecze(['import', ORDERS_CSV, '--db', dbFile, '--json']);
      expect(ran.code, ran.stderr).toBe(1);
      expect(jsonOf(ran)).toMatchObject({ error: { code: 'disk_full' } });
      expect(ran.stderr).toMatch(/disk is full/);
      expect(ledgerRows(core)).toBe(before);
      expect(core.sqlite.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(10);
    }
  });

  it.skipIf(!readOnly)('a read-only file (a read-only mount): read_only, in the app and the CLI, instead of "not a readable database"', async () => {
    // A closed, clean shop in the folder that is then seen read-only.
    const source = join(probe.dir, 'zrodlo');
    mkdirSync(source);
    const made = await createCore({ dbFile: join(source, 'sklep.db'), logger: recordingLogger() });
    seedSmallShop(made.sqlite, { products: 3, orders: 2 });
    await closeCoreFully(made);
    copyFileSync(join(source, 'sklep.db'), join(probe.dir, 'sklep.db'));
    const dbFile = join(readOnly!.dir, 'sklep.db');

    await expect(createCore({ dbFile, logger: recordingLogger() })).rejects.toMatchObject({ code: 'read_only' });
    for (const command of ['stats', 'import']) {
      const ran = await zaplecze(command === 'import' ? ['import', ORDERS_CSV, '--db', dbFile, '--json'] : [command, '--db', dbFile, '--json']);
      expect(ran.code, ran.stderr).toBe(1);
      expect(jsonOf(ran), command).toMatchObject({ error: { code: 'read_only' } });
      expect(ran.stderr).toMatch(/read-only/);
    }
  });

  it('another process in the middle of a write: database_busy after the wait, nothing changed; a CLI import prints JSON', async () => {
    const d = tempDir();
    cleanups.push(d.dispose);
    const dbFile = join(d.dir, 'sklep.db');
    const core = await openShop(dbFile);
    seedSmallShop(core.sqlite, { products: 3, orders: 2 });
    const before = ledgerRows(core);
    const writer = await holdShop(dbFile, { write: true, app: false });
    cleanups.push(() => writer.kill());

    const [answer, ran] = await Promise.all([
      dispatch(core, 'stock.receive', receipt, { role: 'owner' }),
      zaplecze(['import', ORDERS_CSV, '--db', dbFile, '--json']),
    ]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'database_busy' } });
    expect(ran.code, ran.stderr).toBe(1);
    expect(jsonOf(ran)).toMatchObject({ error: { code: 'database_busy' } });
    expect(ran.stderr).not.toMatch(/Unexpected error/);

    await writer.kill();
    expect(ledgerRows(core)).toBe(before);
    expect(await dispatch(core, 'stock.receive', receipt, { role: 'owner' })).toMatchObject({ ok: true });
  });

  it('two real CLI imports of one file at once: one imports it, the other prints a JSON error (not "Unexpected error")', async () => {
    const d = tempDir();
    cleanups.push(d.dispose);
    const dbFile = join(d.dir, 'sklep.db');
    const core = await openShop(dbFile);
    seedSmallShop(core.sqlite, { products: 3, orders: 2 });
    await closeCoreFully(core);
    // Big enough that the first one's write transaction is still open when the second one reaches its own.
    const csv = join(d.dir, 'zamowienia.csv');
    const orders = writeBigOrdersCsv(csv, 12_000);

    const runs = await Promise.all([zaplecze(['import', csv, '--db', dbFile, '--json']), zaplecze(['import', csv, '--db', dbFile, '--json'])]);
    const [winner, loser] = runs[0]!.code === 0 ? runs : [runs[1]!, runs[0]!];
    expect(winner!.code, winner!.stderr).toBe(0);
    expect(loser!.code, `${loser!.stdout}\n${loser!.stderr}`).toBe(1);
    expect(loser!.stderr).not.toMatch(/Unexpected error/);
    // The loser's one JSON object: refused as a second import, or busy while the first one was writing.
    const error = jsonOf(loser!).error as { code: string; message: string };
    expect(['import_in_progress', 'database_busy']).toContain(error.code);
    expect(error.message).toMatch(/Nothing was changed|nothing was changed|try again/i);

    // The file is in the shop once, from the winner's one committed run.
    const db = new BetterSqlite3(dbFile, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM import_runs WHERE status = 'committed'").pluck().get()).toBe(1);
      expect(db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(2 + orders);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 240_000);
});

