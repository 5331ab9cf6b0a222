import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { tempCore, type TempCore } from '../../support/temp-core';
import { addOrder, addProduct } from './support/shop-fixture';

/**
 * Issue 16: the packing queue is read whole and sorted once, then kept until the shop changes (it took
 * 50–130 ms of every visit, page and scan on a 100k-order shop). What must never happen: a kept queue
 * that hides a change — an order packed here, one added by another connection (import worker, command
 * line), a promise that passed while the screen stayed open.
 */
const helper = { role: 'helper' as const };
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

let clock = new Date('2026-11-22T10:00:00.000Z');
async function shop(): Promise<TempCore> {
  clock = new Date('2026-11-22T10:00:00.000Z');
  const t = await tempCore({ now: () => clock });
  cleanups.push(t.dispose);
  return t;
}

describe('packing queue kept between calls', () => {
  it('shows this app\'s writes, another connection\'s commits and the clock at once', async () => {
    const { core, dbFile } = await shop();
    const p = await addProduct(core, { sku: 'A', onHand: 50 });
    const soon = await addOrder(core, { dispatchBy: '2026-11-23T22:59:59.000Z', lines: [{ productId: p, quantity: 1 }] });
    const later = await addOrder(core, { dispatchBy: '2026-11-25T22:59:59.000Z', lines: [{ productId: p, quantity: 1 }] });
    const first = await call(core, 'packing.queue', {}, helper);
    expect(first.rows.map((r) => [r.id, r.overdue])).toEqual([[soon.id, false], [later.id, false]]);
    expect(await call(core, 'packing.queue', {}, helper)).toEqual(first);

    // This app packs one order: the queue says so.
    await call(core, 'packing.forceComplete', { orderId: soon.id, reason: 'test' }, { role: 'owner' });
    expect((await call(core, 'packing.queue', {}, helper)).rows.map((r) => [r.id, r.status])).toEqual([[soon.id, 'packed'], [later.id, 'to_pick']]);

    // Another connection cancels the later one (as the command line or an import would).
    const other = new Database(dbFile);
    try {
      other.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(later.id);
    } finally {
      other.close();
    }
    expect((await call(core, 'packing.queue', {}, helper)).rows.map((r) => r.id)).toEqual([soon.id]);

    // No write at all, but the promise passes: overdue now.
    clock = new Date('2026-11-24T08:00:00.000Z');
    const late = await call(core, 'packing.queue', {}, helper);
    expect(late.rows.map((r) => r.overdue)).toEqual([true]);
    expect(late.overdueCount).toBe(1);
  });
});
