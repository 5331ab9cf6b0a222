import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { tempCore, type TempCore } from '../support/temp-core';
import { insertOrder } from './orders/order-fixtures';

/**
 * Issue 16: the dashboard's counts (shop.stats) read whole tables on every visit — 50–130 ms at 100k
 * orders, ~260 ms at 1M. They are kept until the shop changes, whoever writes: this app, or another
 * connection (the import's worker, the command line). On a real SQLite file.
 */
let t: TempCore;

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-12-08T10:00:00Z') });
  insertOrder(t.core, { status: 'new', boughtAt: '2026-12-07T08:00:00.000Z', totalToPayGrosze: 1000 });
});
afterAll(() => t.dispose());

describe('shop.stats', () => {
  it('answers a second visit with the kept counts', async () => {
    const first = await call(t.core, 'shop.stats', {});
    expect(first.orders).toBe(1);
    expect(await call(t.core, 'shop.stats', {})).toBe(first);
  });

  it("counts again after this app's write and after another connection's commit", async () => {
    const first = await call(t.core, 'shop.stats', {});
    insertOrder(t.core, { status: 'new', boughtAt: '2026-12-07T09:00:00.000Z', totalToPayGrosze: 2500 });
    const second = await call(t.core, 'shop.stats', {});
    expect(second.orders).toBe(first.orders + 1);
    expect(second.totalToPayGrosze.PLN).toBe((first.totalToPayGrosze.PLN ?? 0) + 2500);
    const other = new Database(t.dbFile);
    try {
      other.prepare("UPDATE orders SET status = 'cancelled' WHERE id = (SELECT min(id) FROM orders)").run();
    } finally {
      other.close();
    }
    const third = await call(t.core, 'shop.stats', {});
    expect(third.cancelledOrders).toBe(second.cancelledOrders + 1);
    expect(third.openOrders).toBe(second.openOrders - 1);
  });
});
