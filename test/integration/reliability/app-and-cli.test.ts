/**
 * Issue 12, "done when": the app (the browser harness — the real core and dispatch over HTTP) and the
 * command line (`node bin/zaplecze.cjs`, its own process) on ONE shop file.
 * - a restore from the command line is refused while the app has the shop, names the app, changes nothing;
 * - a second app on the same shop is refused;
 * - a command-line import of a biggish orders file goes on while a person keeps receiving stock in the app;
 * - every receipt the app acknowledged is in the database at the end (counted), and no receipt is refused:
 *   a receipt asked for while the import writes waits for it (the app sees the command line's import lock
 *   and says "Trwa import…") instead of failing "busy" after SQLite's 5 s timeout (it did, ~1 in 300).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCoreFully } from '../../../electron/core/backup/restore.service';
import { createCore } from '../../../electron/core/create-core';
import { silentLogger } from '../../../electron/core/log';
import { type Harness, startHarness } from '../../harness/harness';
import { tempDir } from '../../support/temp-core';
import { writeBigOrdersCsv } from './support/big-orders-csv';
import { jsonOf, zaplecze } from './support/processes';
import { seedSmallShop } from './support/small-shop';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const ORDERS = 3000;
const SEEDED_ORDERS = 50;

interface Answer {
  ok: boolean;
  data?: { entries: Array<{ id: number }> };
  error?: { code: string; message: string };
}

function client(harness: Harness) {
  const origin = new URL(harness.url).origin;
  return async (channel: string, body: unknown): Promise<Answer> => {
    const response = await fetch(`${origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-zaplecze-token': harness.token, origin },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Answer;
  };
}

describe('the app and the command line on one shop', () => {
  it('restore refused, a second app refused, an import goes on while the app receives stock, nothing acknowledged is lost', async () => {
    const d = tempDir('zaplecze-app-cli-');
    cleanups.push(d.dispose);
    const dbFile = join(d.dir, 'sklep.db');
    const backup = join(d.dir, 'kopia.db');
    const ordersFile = join(d.dir, 'zamowienia.csv');
    // The harness only needs some page to serve; this test talks to its API.
    const webRoot = join(d.dir, 'web');
    mkdirSync(webRoot);
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Zaplecze</title>');

    const setup = await createCore({ dbFile, logger: silentLogger });
    seedSmallShop(setup.sqlite);
    await setup.sqlite.backup(backup);
    await closeCoreFully(setup);
    const ordersInFile = writeBigOrdersCsv(ordersFile, ORDERS);

    const harness = await startHarness({ dbFile, webRoot, printer: false, logErrors: false });
    cleanups.push(() => harness.close());
    const api = client(harness);
    expect(await api('session.choose', { role: 'owner' })).toMatchObject({ ok: true });
    // Something the backup does not have: a restore would take it away.
    const first = await api('stock.receive', { document: 'WZ-0', lines: [{ productId: 1, quantity: 1 }] });
    expect(first.ok, JSON.stringify(first.error)).toBe(true);
    const acknowledged = ['WZ-0'];

    // 1. A restore from the command line while the app runs: refused, names the app, changes nothing.
    const restore = await zaplecze(['restore', backup, '--db', dbFile, '--json']);
    expect(restore.code, restore.stderr).toBe(1);
    const refusal = jsonOf(restore) as { error: { code: string; message: string } };
    expect(refusal.error.code).toBe('shop_in_use');
    expect(refusal.error.message).toContain(`pid ${process.pid}`);
    expect(restore.stderr).toMatch(/open in Zaplecze in the browser \(npm run web\) \(pid \d+, since \d\d:\d\d\)/);
    expect(harness.core.sqlite.prepare("SELECT count(*) FROM stock_ledger WHERE document = 'WZ-0'").pluck().get()).toBe(1);

    // 2. A second app on the same shop: refused at start, naming the first.
    await expect(startHarness({ dbFile, webRoot, printer: false, logErrors: false })).rejects.toMatchObject({ code: 'shop_in_use' });

    // 3. An import on the command line while a person keeps receiving stock in the app.
    let importing = true;
    const startedAt = Date.now();
    const importRun = zaplecze(['import', ordersFile, '--db', dbFile, '--json']).finally(() => {
      importing = false;
    });
    const refusals: string[] = [];
    let duringImport = 0;
    let waitedForImport = 0;
    const stopActivity = harness.core.events.on('import.activity', (a) => {
      if (a.waiting > 0) waitedForImport++;
    });
    cleanups.push(stopActivity);
    for (let i = 1; importing; i++) {
      const document = `WZ-${i}`;
      const answer = await api('stock.receive', { document, lines: [{ productId: 1 + (i % 20), quantity: 1 }] });
      if (answer.ok) {
        acknowledged.push(document);
        if (importing) duringImport++;
      } else refusals.push(answer.error!.code);
      await new Promise((done) => setTimeout(done, 25));
    }
    const imported = await importRun;
    const importMs = Date.now() - startedAt;
    expect(imported.code, imported.stderr).toBe(0);
    expect(jsonOf(imported)).toMatchObject({ files: [{ status: 'imported', inserted: ordersInFile }] });
    // The app kept working while the import ran; receipts met by the import's transaction waited for it.
    expect(duringImport, `import took ${importMs} ms; refusals: ${refusals.join(',')}`).toBeGreaterThan(0);
    expect(refusals).toEqual([]);
    expect(waitedForImport).toBeGreaterThan(0);
    expect(harness.coreErrors).toEqual([]);

    // 4. Every acknowledged receipt is in the shop, and nothing that was refused.
    await harness.close();
    const db = new BetterSqlite3(dbFile, { readonly: true });
    try {
      const documents = db.prepare("SELECT document FROM stock_ledger WHERE kind = 'receipt' AND document LIKE 'WZ-%' ORDER BY id").pluck().all() as string[];
      expect(documents.sort()).toEqual([...acknowledged].sort());
      expect(db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(SEEDED_ORDERS + ordersInFile);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    console.log(`import of ${ordersInFile} orders: ${importMs} ms; receipts acknowledged ${acknowledged.length} (${duringImport} during the import), refused ${refusals.length}, waited for the import ${waitedForImport}`);
  }, 240_000);
});
