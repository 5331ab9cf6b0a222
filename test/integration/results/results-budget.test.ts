import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoShop } from '../../../electron/core/demo/demo-shop';
import { handlingTimeAdvice } from '../../../electron/core/results/handling-time.service';
import { resultsSummary } from '../../../electron/core/results/results.service';
import { type TempCore, tempCore } from '../../support/temp-core';

/**
 * The first open of Wyniki on a big shop summarises every order once (85 s on the 100k demo). The app
 * gives each call a time budget: it answers with what is counted so far and how many orders are left
 * (`pendingOrders`), and the screen asks again until none is. Here the budget is 0, so each call counts
 * one batch of 1000; the numbers reached that way equal those counted in one go.
 */
let shop: TempCore | undefined;
afterEach(async () => {
  await shop?.dispose();
  shop = undefined;
});

const PERIOD = { from: '2026-11-01', to: '2026-11-30' };

describe('Wyniki counted within a time budget', () => {
  it('answers after one batch with the orders left, and converges to the full answer', async () => {
    shop = await tempCore({ now: () => new Date('2026-11-20T10:00:00.000Z') });
    await loadDemoShop(shop.core, { orders: 2_500, products: 40 });
    const sqlite = shop.core.sqlite;
    const full = resultsSummary(shop.core, PERIOD);
    expect(full.pendingOrders).toBe(0);
    expect(full.current.dueOrders).toBeGreaterThan(0);

    // As right after the upgrade: every order waits to be summarised (again).
    const orders = sqlite.prepare('SELECT count(*) FROM orders').pluck().get() as number;
    expect(orders).toBeGreaterThan(2_000);
    sqlite.exec('INSERT OR IGNORE INTO results_dirty (order_id) SELECT id FROM orders');

    const first = resultsSummary(shop.core, PERIOD, { budgetMs: 0 });
    expect(first.pendingOrders).toBe(orders - 1_000);
    const pending = [first.pendingOrders];
    for (let i = 0; i < 10 && pending.at(-1)! > 0; i++) pending.push(resultsSummary(shop.core, PERIOD, { budgetMs: 0 }).pendingOrders);
    expect(pending.at(-1)).toBe(0);
    expect(pending).toEqual([...pending].sort((a, b) => b - a));

    const again = resultsSummary(shop.core, PERIOD, { budgetMs: 0 });
    expect({ ...again, computedAt: '' }).toEqual({ ...full, computedAt: '' });
    expect(handlingTimeAdvice(shop.core, { budgetMs: 0 }).pendingOrders).toBe(0);
  });
});
