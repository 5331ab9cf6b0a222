import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { exportHandlers } from '../../../electron/core/export/export.handlers';
import { tempCore, type TempCore } from '../../support/temp-core';
import { loadSampleOrders, writeShopSettings } from './support/sample-shop';

/**
 * Issue 16: opening Raporty computed both previews from scratch every time (1.3 s on a 100k-order shop).
 * They are now kept until the shop changes — any write of this app, or a commit by another connection
 * (the import's worker, the command line) — so a second visit answers at once and a changed shop is
 * never shown stale. On a real SQLite file with the Allegro sample month (June 2026).
 */
let t: TempCore;
let ids: Map<string, number>;
const preview = (month: string) => exportHandlers['export.salesRegisterPreview']({ month }, { core: t.core } as never);
const valuation = (date: string) => exportHandlers['export.stockValuationPreview']({ date }, { core: t.core } as never);

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-07-20T08:00:00Z') });
  writeShopSettings(t.core);
  ids = loadSampleOrders(t.core);
});
afterAll(() => t.dispose());

describe('Raporty previews are kept until the shop changes', () => {
  it('a second look at the same month is the kept answer, not a new computation', async () => {
    const first = await preview('2026-06');
    expect(first.sales).toBeGreaterThan(0);
    expect(await preview('2026-06')).toBe(first);
    const day = await valuation('2026-06-30');
    expect(await valuation('2026-06-30')).toBe(day);
    // Another month or day is its own answer.
    expect(await preview('2026-05')).not.toBe(first);
  });

  it('a write of this app shows at once', async () => {
    const before = await call(t.core, 'export.salesRegisterPreview', { month: '2026-06' });
    const sold = t.core.sqlite.prepare("SELECT id FROM orders WHERE status NOT IN ('cancelled') AND paid_at IS NOT NULL ORDER BY id").pluck().all() as number[];
    expect(sold.length).toBeGreaterThan(1);
    // The shop's payment record for one order disappears (as if recorded by mistake): one sale fewer in June.
    t.core.sqlite.prepare('UPDATE orders SET paid_at = NULL, paid_grosze = 0 WHERE id = ?').run(sold[0]);
    const after = await call(t.core, 'export.salesRegisterPreview', { month: '2026-06' });
    expect(after).not.toEqual(before);
    expect(after.sales + after.corrections).not.toBe(before.sales + before.corrections);
  });

  it('a commit by another connection (the command line, the import worker) shows at once', async () => {
    const before = await preview('2026-06');
    expect(await preview('2026-06')).toBe(before);
    const other = new Database(t.dbFile);
    try {
      const sold = other.prepare("SELECT id FROM orders WHERE paid_at IS NOT NULL ORDER BY id").pluck().all() as number[];
      other.prepare('UPDATE orders SET paid_at = NULL, paid_grosze = 0 WHERE id = ?').run(sold[0]);
    } finally {
      other.close();
    }
    const after = await preview('2026-06');
    expect(after).not.toBe(before);
    expect(after.sales + after.corrections).not.toBe(before.sales + before.corrections);
    expect(ids.size).toBeGreaterThan(0);
  });
});
