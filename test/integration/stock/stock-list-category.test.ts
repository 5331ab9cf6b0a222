import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import type { ProductRow } from '../../../shared/contract/stock.contract';
import { tempCore, type TempCore } from '../../support/temp-core';

/**
 * Issue 17: Magazyn's "Kategoria" filter. stock.list takes an optional `category` and keeps only the
 * products carrying exactly it; it combines with the shelf filter, search, the archived view and paging.
 */
let t: TempCore;
beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-12-07T09:00:00Z') });
  const a = (await call(t.core, 'stock.saveLocation', { code: 'A-01' })).id;
  const create = (sku: string, name: string, fields: Record<string, unknown>) => call(t.core, 'stock.createProduct', { sku, name, ...fields });
  await create('KAR-1', 'Karma dla psa', { category: 'Karmy', locationId: a });
  await create('KAR-2', 'Karma dla kota', { category: 'Karmy' });
  await create('KAR-3', 'Karma stara', { category: 'Karmy' });
  await create('SMY-1', 'Smycz czerwona', { category: 'Smycze', locationId: a });
  await create('MIS-1', 'Miska', {});
  const old = (await call(t.core, 'stock.list', { search: 'KAR-3' })).rows[0]!;
  await call(t.core, 'stock.updateProduct', { id: old.id, archived: true });
});
afterAll(() => t.dispose());

const skus = (rows: ProductRow[]) => rows.map((r) => r.sku).sort();
const list = (input: object) => call(t.core, 'stock.list', input);

describe('stock.list category filter', () => {
  it('keeps only the products of the category, counted exactly', async () => {
    const karmy = await list({ category: 'Karmy' });
    expect(skus(karmy.rows)).toEqual(['KAR-1', 'KAR-2']);
    expect(karmy).toMatchObject({ total: 2, totalExact: true });
    expect(skus((await list({ category: 'Smycze' })).rows)).toEqual(['SMY-1']);
    expect((await list({ category: 'Zabawki' })).rows).toEqual([]);
    expect((await list({})).total).toBe(4); // no category: everything on sale, with or without one
  });

  it('combines with the shelf, the search, the archived view and sorting', async () => {
    const a = (await call(t.core, 'stock.locations', {})).find((l) => l.code === 'A-01')!;
    expect(skus((await list({ category: 'Karmy', locationId: a.id })).rows)).toEqual(['KAR-1']);
    expect(skus((await list({ category: 'Karmy', search: 'kota' })).rows)).toEqual(['KAR-2']);
    expect(skus((await list({ category: 'Smycze', search: 'karma' })).rows)).toEqual([]);
    expect(skus((await list({ category: 'Karmy', filter: 'archived' })).rows)).toEqual(['KAR-3']);
    const sorted = await list({ category: 'Karmy', sort: { field: 'sku', dir: 'desc' } });
    expect(sorted.rows.map((r) => r.sku)).toEqual(['KAR-2', 'KAR-1']);
  });
});
