import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { flushSearchIndexes } from '../../../electron/core/stock/search-index';
import { tempCore, type TempCore } from '../../support/temp-core';
import { insertOrder, insertProduct } from './order-fixtures';

/** The search indexes follow every insert, change and deletion (queued by triggers, written in batches). */
let t: TempCore;
beforeAll(async () => {
  t = await tempCore();
});
afterAll(async () => t.dispose());

const pending = () => t.core.sqlite.prepare('SELECT count(*) FROM search_pending').pluck().get() as number;
const orderIds = async (input: object) => (await call(t.core, 'orders.list', input)).rows.map((r) => r.id);
const productSkus = async (search: string) => (await call(t.core, 'stock.list', { search })).rows.map((r) => r.sku);

describe('search index maintenance', () => {
  it('queues new rows and writes them on the next search', async () => {
    const id = insertOrder(t.core, { buyerName: 'Łucja Żmuda', buyerLogin: 'lucja_z', status: 'new', boughtAt: '2026-06-01T10:00:00.000Z' });
    insertProduct(t.core, { sku: 'ZEG-1', name: 'Zegar ścienny' });
    expect(pending()).toBe(2);
    expect(await orderIds({ search: 'zmuda' })).toEqual([id]);
    expect(pending()).toBe(0);
    expect(await productSkus('scien')).toEqual(['ZEG-1']);
  });

  it('follows status changes (status is part of the index), renames, new purchase dates and deletions', async () => {
    const id = insertOrder(t.core, { buyerName: 'Ewa Kot', status: 'new', boughtAt: '2026-06-02T10:00:00.000Z' });
    expect(await orderIds({ search: 'kot', status: ['new'] })).toEqual([id]);
    await call(t.core, 'orders.setStatus', { ids: [id], status: 'to_pick' });
    expect(await orderIds({ search: 'kot', status: ['new'] })).toEqual([]);
    expect(await orderIds({ search: 'kot', status: ['to_pick'] })).toEqual([id]);

    t.core.sqlite.prepare(`UPDATE orders SET buyer_name = 'Ewa Lis', bought_at = '2026-06-03T10:00:00.000Z' WHERE id = ?`).run(id);
    t.core.sqlite.prepare(`UPDATE orders SET buyer_name = 'Ewa Sowa' WHERE id = ?`).run(id); // twice before a search
    expect(await orderIds({ search: 'kot' })).toEqual([]);
    expect(await orderIds({ search: 'lis' })).toEqual([]);
    expect(await orderIds({ search: 'sowa' })).toEqual([id]);

    const product = insertProduct(t.core, { sku: 'GAR-1', name: 'Garnek' });
    flushSearchIndexes(t.core.sqlite);
    await call(t.core, 'stock.updateProduct', { id: product, name: 'Rondel' });
    expect(await productSkus('garn')).toEqual([]);
    expect(await productSkus('rond')).toEqual(['GAR-1']);

    t.core.sqlite.prepare('DELETE FROM orders WHERE id = ?').run(id);
    t.core.sqlite.prepare('DELETE FROM products WHERE id = ?').run(product);
    expect(await orderIds({ search: 'sowa' })).toEqual([]);
    expect(await productSkus('rond')).toEqual([]);
    // Nothing stale left behind: the index holds exactly the live rows.
    expect(t.core.sqlite.prepare(`SELECT count(*) FROM order_search WHERE order_search MATCH 'doc : sowa'`).pluck().get()).toBe(0);
  });

  it('leaves on-hand updates (every ledger entry) out of the queue', async () => {
    const product = insertProduct(t.core, { sku: 'MIS-1', name: 'Miska' });
    flushSearchIndexes(t.core.sqlite);
    await call(t.core, 'stock.adjust', { productId: product, quantity: 5, reason: 'test' });
    expect(pending()).toBe(0);
  });
});
