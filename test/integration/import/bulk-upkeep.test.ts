/**
 * A big import (≥ BULK_RECORDS records) suspends the per-row insert triggers of orders, lines and
 * shipments inside its transaction and does their work set-wise (electron/core/import/apply/row-upkeep.ts).
 * What must hold afterwards, as after a row-by-row import: the triggers are there again, word for word;
 * the orders-at-risk list kept by a connection that read it before the import equals one computed from
 * scratch; every imported order is in the search index and on Wyniki's dirty list; a preview (rolled
 * back) and an undo leave the schema as it was; a repeat of the file changes nothing.
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOrdersCsv } from '../../../bench/generate/allegro-files';
import { closeCoreFully } from '../../../electron/core/backup/restore.service';
import type { Core } from '../../../electron/core/create-core';
import { createCore } from '../../../electron/core/create-core';
import { call } from '../../../electron/core/dispatch';
import { loadDemoShop } from '../../../electron/core/demo/demo-shop';
import { BULK_RECORDS } from '../../../electron/core/import/apply/row-upkeep';
import { previewImport } from '../../../electron/core/import/import.service';
import { undoImport } from '../../../electron/core/import/undo';
import { silentLogger } from '../../../electron/core/log';
import { computeAtRisk, rowAt, type AtRiskListing } from '../../../electron/core/results/at-risk/at-risk.query';
import { tempCore, tempDir } from '../../support/temp-core';
import { importPath } from './support';

const ORDERS = BULK_RECORDS + 500;

describe('a big import: row triggers suspended, their work done set-wise', () => {
  const dirs = tempDir('zaplecze-bulk-');
  const csv = join(dirs.dir, 'orders.csv');
  beforeAll(async () => {
    const source = await createCore({ dbFile: join(dirs.dir, 'source.db'), logger: silentLogger });
    await loadDemoShop(source, { orders: ORDERS, seed: 7 });
    expect(writeOrdersCsv(source.sqlite, csv, {}).orders).toBe(ORDERS);
    await closeCoreFully(source);
  }, 240_000);
  afterAll(() => dirs.dispose());

  const triggers = (core: Core) => core.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();

  it('leaves the triggers, the at-risk list, search and Wyniki as a row-by-row import would', async () => {
    const t = await tempCore();
    try {
      const { core } = t;
      await loadDemoShop(core, { orders: 0, seed: 7 });
      const schema = triggers(core);
      expect(schema.map((r) => (r as { name: string }).name)).toEqual(expect.arrayContaining(['at_risk_orders_ins', 'at_risk_lines_ins', 'order_search_insert', 'results_orders_ins']));
      const now = core.now();
      const plain = (l: AtRiskListing) => ({ rows: l.orders.map((_, i) => rowAt(l, i)), summary: { ...l.summary, computedAt: '' } });
      const kept = () => plain(computeAtRisk(core, now));
      const fromScratch = () => {
        const fresh = new BetterSqlite3(t.dbFile, { readonly: true });
        try {
          return plain(computeAtRisk({ sqlite: fresh, now: () => now } as unknown as Core, now));
        } finally {
          fresh.close();
        }
      };
      // This connection reads the list before the import: afterwards it must notice everything the import wrote.
      expect(kept()).toEqual(fromScratch());

      // A preview rehearses the whole write and rolls it back: the triggers are untouched.
      const preview = await previewImport(core, { name: 'orders.csv', path: csv });
      expect(preview.counts.inserted).toBe(ORDERS);
      expect(triggers(core)).toEqual(schema);

      const result = await importPath(core, csv);
      expect(result.run.status).toBe('committed');
      expect(result.run.inserted).toBe(ORDERS);
      expect(triggers(core)).toEqual(schema);

      const open = core.sqlite.prepare("SELECT count(*) FROM orders WHERE status IN ('new','to_pick','packed','on_hold')").pluck().get() as number;
      expect(open).toBeGreaterThan(0);
      const after = kept();
      expect(after).toEqual(fromScratch());

      // Every order in the search index (flushed after the commit) and on Wyniki's dirty list.
      const orders = core.sqlite.prepare('SELECT count(*) FROM orders').pluck().get() as number;
      expect(core.sqlite.prepare('SELECT count(*) FROM order_search').pluck().get()).toBe(orders);
      expect(core.sqlite.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
      expect(core.sqlite.prepare('SELECT count(*) FROM orders WHERE id NOT IN (SELECT order_id FROM results_dirty)').pluck().get()).toBe(0);
      const login = core.sqlite.prepare('SELECT buyer_login FROM orders WHERE buyer_login IS NOT NULL ORDER BY id DESC LIMIT 1').pluck().get() as string;
      const found = await call(core, 'orders.list', { search: login });
      expect(found.rows.length).toBeGreaterThan(0);

      // The same file again: nothing to change.
      const again = await importPath(core, csv);
      expect(again.run.inserted).toBe(0);
      expect(triggers(core)).toEqual(schema);

      // Undone: the orders are gone, the schema unchanged, the kept list follows (delete triggers log it).
      undoImport(core, result.run.id, 'owner');
      expect(core.sqlite.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(0);
      expect(triggers(core)).toEqual(schema);
      expect(kept()).toEqual(fromScratch());

      // Imported once more, then one order changed: the restored per-row triggers log it for the kept list.
      expect((await importPath(core, csv)).run.inserted).toBe(ORDERS);
      expect(kept()).toEqual(fromScratch());
      core.sqlite.prepare("UPDATE orders SET status = 'cancelled' WHERE id = (SELECT min(id) FROM orders WHERE status IN ('new','to_pick'))").run();
      expect(kept()).toEqual(fromScratch());
    } finally {
      await t.dispose();
    }
  }, 300_000);
});
