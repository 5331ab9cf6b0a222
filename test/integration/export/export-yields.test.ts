import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoShop } from '../../../electron/core/demo/demo-shop';
import { dispatch } from '../../../electron/core/dispatch';
import { salesRegisterFile, stockValuationFile } from '../../../electron/core/export/export.service';
import { Pacer } from '../../../electron/core/export/pacer';
import type { SaveTarget } from '../../../electron/core/ports';
import { tempCore, type TempCore } from '../../support/temp-core';

/**
 * The exports run in the Electron main process, which also answers every window: they must give the
 * event loop turns as they go (see electron/core/export/pacer.ts), leave the shared connection usable
 * in between, and write the same bytes however often they are interrupted. Nothing here is timed: the
 * pacers are told to pause at every check, or never.
 */
let t: TempCore;
const MONTH = '2026-10';

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-11-20T10:00:00Z') });
  // ~1400 orders in the busiest month (October), with refunds: hundreds of rows in every export.
  await loadDemoShop(t.core, { orders: 8000, products: 300, seed: 3 });
}, 120_000);
afterAll(() => t.dispose());

/**
 * Runs `work` while a setImmediate loop ticks on the same event loop; each tick also reads the database
 * through the shared connection (raw and through Kysely), as a window's call would.
 */
async function whileTicking<T>(work: () => Promise<T>): Promise<{ result: T; ticks: number; reads: number }> {
  let ticks = 0;
  let reads = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      ticks++;
      if (ticks % 10 === 0) {
        expect((t.core.sqlite.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n).toBeGreaterThan(0);
        expect((await t.core.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n).toBeGreaterThan(0);
        reads++;
      }
    }
  })();
  try {
    const result = await work();
    return { result, ticks, reads };
  } finally {
    running = false;
    await loop;
  }
}

describe('exports share the event loop', () => {
  it('the month register gives the event loop turns in every format, and the same bytes as in one go', async () => {
    for (const format of ['xlsx', 'csv', 'epp'] as const) {
      const oneGo = await salesRegisterFile(t.core, MONTH, format, new Pacer(Number.POSITIVE_INFINITY));
      const pacer = new Pacer(0, 1);
      const { result, ticks, reads } = await whileTicking(() => salesRegisterFile(t.core, MONTH, format, pacer));
      const documents = result.register.documents.length;
      expect(documents).toBeGreaterThan(1000);
      // At least one turn per document built and written, and per 500 orders read.
      expect(pacer.pauses).toBeGreaterThan(2 * documents);
      expect(ticks).toBeGreaterThanOrEqual(pacer.pauses);
      expect(reads).toBeGreaterThan(100);
      expect(Buffer.from(result.bytes).equals(Buffer.from(oneGo.bytes)), format).toBe(true);
      expect(result.register.totals).toEqual(oneGo.register.totals);
    }
  });

  it('through the app channel, with the pacer it uses by default, the export lets a timer loop run meanwhile', async () => {
    const saved: Uint8Array[] = [];
    const saveTarget: SaveTarget = {
      async save(_name, bytes) {
        saved.push(bytes);
        return '/dev/null';
      },
    };
    t.core.ports = { ...t.core.ports, saveTarget };
    const { result, ticks } = await whileTicking(() => dispatch(t.core, 'export.salesRegister', { month: MONTH, format: 'xlsx' }, { role: 'owner' }));
    expect(result.ok).toBe(true);
    expect(saved).toHaveLength(1);
    // Default slices are 8 ms; a month of ~1400 orders is several slices of work on any machine.
    expect(ticks).toBeGreaterThan(1);
  });

  it('the stock valuation gives the event loop turns too, with the same bytes', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const oneGo = await stockValuationFile(t.core, '2026-11-19', format, new Pacer(Number.POSITIVE_INFINITY));
      const pacer = new Pacer(0, 1);
      const { result, ticks } = await whileTicking(() => stockValuationFile(t.core, '2026-11-19', format, pacer));
      expect(result.valuation.rows.length).toBeGreaterThan(100);
      expect(pacer.pauses).toBeGreaterThan(result.valuation.rows.length);
      expect(ticks).toBeGreaterThanOrEqual(pacer.pauses);
      expect(Buffer.from(result.bytes).equals(Buffer.from(oneGo.bytes)), format).toBe(true);
    }
  });
});
