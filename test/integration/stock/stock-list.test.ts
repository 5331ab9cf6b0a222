import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { CANDIDATE_LIMIT } from '../../../electron/core/stock/stock-list.query';
import { foldText } from '../../../electron/core/stock/search-text';
import { STOCK_SORT_FIELDS, type ProductRow, type StockSortField } from '../../../shared/contract/stock.contract';
import { tempCore, type TempCore } from '../../support/temp-core';
import { insertProduct, receive } from '../orders/order-fixtures';

let t: TempCore;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await tempCore();
  const a = (await call(t.core, 'stock.saveLocation', { code: 'A-01' })).id;
  const b = (await call(t.core, 'stock.saveLocation', { code: 'B-02' })).id;
  ids.mug = insertProduct(t.core, { sku: 'KUB-001', name: 'Kubek żółty 300 ml', ean: '5901234123457', locationId: a, reorderPoint: 5, salePriceGrosze: 1999, purchasePriceGrosze: 700 });
  ids.spoon = insertProduct(t.core, { sku: 'LYZ-010', name: 'Łyżka stołowa', ean: '5900000000017', locationId: b, reorderPoint: 0, salePriceGrosze: 499 });
  ids.plate = insertProduct(t.core, { sku: 'tal-002', name: 'Talerz płytki', ean: null, locationId: null, reorderPoint: 2, salePriceGrosze: null });
  ids.old = insertProduct(t.core, { sku: 'OLD-1', name: 'Kubek stary', archived: true });
  ids.big = insertProduct(t.core, { sku: 'KUB-002', name: 'Duży kubek termiczny', ean: '5901234123464', locationId: a, reorderPoint: 1, salePriceGrosze: 4999 });
  receive(t.core, ids.mug, 3); // available 3 < reorder 5 → low
  receive(t.core, ids.spoon, 50);
  receive(t.core, ids.big, 10);
  // plate: nothing on hand → out of stock; also no location.
});
afterAll(async () => t.dispose());

const list = (input: object, role: 'owner' | 'helper' = 'owner') => call(t.core, 'stock.list', input, { role });
const skus = (rows: ProductRow[]) => rows.map((r) => r.sku);

describe('stock.list search', () => {
  it('finds a name by the beginning of any word, ignoring case and Polish accents (ł too)', async () => {
    expect(skus((await list({ search: 'zolty' })).rows)).toEqual(['KUB-001']);
    expect(skus((await list({ search: 'lyzka' })).rows)).toEqual(['LYZ-010']);
    expect(skus((await list({ search: 'ŁYŻ' })).rows)).toEqual(['LYZ-010']);
    expect(skus((await list({ search: 'kubek' })).rows).sort()).toEqual(['KUB-001', 'KUB-002']);
    expect(skus((await list({ search: 'kub term' })).rows)).toEqual(['KUB-002']);
    expect(skus((await list({ search: 'kubek t' })).rows)).toEqual(['KUB-002']); // one-letter word: tested per row
    expect(skus((await list({ search: 'kubek t', sort: { field: 'sku', dir: 'asc' } })).rows)).toEqual(['KUB-002']);
    expect((await list({ search: 'ubek' })).rows).toEqual([]); // middle of a word is not a beginning
  });

  it('orders a search by relevance: exact code, then names starting with the text, then other word matches', async () => {
    expect(skus((await list({ search: 'kubek' })).rows)).toEqual(['KUB-001', 'KUB-002']); // "Kubek żółty…" before "Duży kubek…"
    expect(skus((await list({ search: 'KUB-002' })).rows)).toEqual(['KUB-002']);
    const exactFirst = await list({ search: '5901234123464' });
    expect(skus(exactFirst.rows)).toEqual(['KUB-002']);
    expect(exactFirst).toMatchObject({ total: 1, totalExact: true });
  });

  it('finds SKUs by their beginning regardless of case, and EANs by their beginning', async () => {
    expect(skus((await list({ search: 'kub-00' })).rows).sort()).toEqual(['KUB-001', 'KUB-002']);
    expect(skus((await list({ search: 'TAL' })).rows)).toEqual(['tal-002']);
    expect(skus((await list({ search: '590123412346' })).rows)).toEqual(['KUB-002']);
  });

  it('leaves archived products out unless asked for them', async () => {
    expect(skus((await list({ search: 'stary' })).rows)).toEqual([]);
    expect(skus((await list({ filter: 'archived' })).rows)).toEqual(['OLD-1']);
  });

  it('filters low stock, out of stock and no location, and by shelf', async () => {
    expect(skus((await list({ filter: 'low' })).rows).sort()).toEqual(['KUB-001', 'tal-002']);
    expect(skus((await list({ filter: 'out' })).rows)).toEqual(['tal-002']);
    expect(skus((await list({ filter: 'noLocation' })).rows)).toEqual(['tal-002']);
    const a = (await call(t.core, 'stock.locations', {})).find((l) => l.code === 'A-01')!;
    expect(skus((await list({ locationId: a.id })).rows).sort()).toEqual(['KUB-001', 'KUB-002']);
  });

  it('computes available = on hand − reserved and counts the total', async () => {
    const result = await list({});
    expect(result.total).toBe(4);
    expect(result.totalExact).toBe(true);
    const mug = result.rows.find((r) => r.sku === 'KUB-001')!;
    expect(mug).toMatchObject({ onHand: 3, reserved: 0, available: 3, locationCode: 'A-01', salePriceGrosze: 1999, purchasePriceGrosze: 700 });
  });

  it('sorts on every column, both ways, with missing values last', async () => {
    const all = (await list({ limit: 500 })).rows;
    const value: Record<StockSortField, (r: ProductRow) => string | number | null> = {
      sku: (r) => r.sku.toLowerCase(),
      name: (r) => r.name.toLowerCase(),
      ean: (r) => r.ean,
      location: (r) => r.locationCode?.toLowerCase() ?? null,
      onHand: (r) => r.onHand,
      reserved: (r) => r.reserved,
      available: (r) => r.available,
      reorderPoint: (r) => r.reorderPoint,
      salePrice: (r) => r.salePriceGrosze,
      purchasePrice: (r) => r.purchasePriceGrosze ?? null,
    };
    for (const field of STOCK_SORT_FIELDS) {
      for (const dir of ['asc', 'desc'] as const) {
        const rows = (await list({ sort: { field, dir }, limit: 500 })).rows;
        const expected = [...all].sort((x, y) => {
          const a = value[field](x);
          const b = value[field](y);
          const nullsLast = field === 'ean' || field === 'location' || field === 'salePrice' || field === 'purchasePrice';
          if (a === null || b === null) {
            if (a === b) return dir === 'asc' ? x.id - y.id : y.id - x.id;
            if (nullsLast) return a === null ? 1 : -1;
            return (a === null ? -1 : 1) * (dir === 'asc' ? 1 : -1);
          }
          const c = a < b ? -1 : a > b ? 1 : 0;
          return (dir === 'asc' ? c : -c) || (dir === 'asc' ? x.id - y.id : y.id - x.id);
        });
        expect(skus(rows), `${field} ${dir}`).toEqual(skus(expected));
      }
    }
  });

  it('pages without overlap or gaps', async () => {
    const pages = [];
    for (let offset = 0; offset < 4; offset += 2) pages.push(...(await list({ sort: { field: 'name', dir: 'asc' }, offset, limit: 2 })).rows);
    expect(skus(pages)).toEqual(skus((await list({ sort: { field: 'name', dir: 'asc' } })).rows));
  });

  it('never sends purchase prices to the helper', async () => {
    const rows = (await list({}, 'helper')).rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).not.toHaveProperty('purchasePriceGrosze');
    const detail = await call(t.core, 'stock.get', { id: ids.mug! }, { role: 'helper' });
    expect(detail.product).not.toHaveProperty('purchasePriceGrosze');
    const lookup = await call(t.core, 'stock.lookup', { code: '5901234123457' }, { role: 'helper' });
    expect(lookup.product).not.toHaveProperty('purchasePriceGrosze');
  });
});

describe('stock.lookup (scanner)', () => {
  it('finds the product by exact EAN, then by SKU in any case', async () => {
    expect(await call(t.core, 'stock.lookup', { code: '5900000000017' })).toMatchObject({ matchedBy: 'ean', product: { sku: 'LYZ-010' } });
    expect(await call(t.core, 'stock.lookup', { code: 'kub-002' })).toMatchObject({ matchedBy: 'sku', product: { sku: 'KUB-002' } });
    expect(await call(t.core, 'stock.lookup', { code: '590123412345' })).toEqual({ product: null, matchedBy: null });
  });
});

describe('stock.list with a broad search', () => {
  it('walks the sort order instead of collecting candidates, and finds the same rows', async () => {
    const b = await tempCore();
    try {
      const insert = b.core.sqlite.prepare(`INSERT INTO products (sku, name, created_at, updated_at) VALUES (?, ?, '2026-01-01', '2026-01-01')`);
      b.core.sqlite.transaction(() => {
        for (let i = 0; i < CANDIDATE_LIMIT + 300; i++) insert.run(`P-${String(i).padStart(5, '0')}`, i % 3 === 0 ? `Żółw pluszowy ${i}` : `Zegar ścienny ${i}`);
      })();
      const names = (rows: ProductRow[]) => rows.map((r) => r.name);
      // "z" matches every product (Żółw and Zegar): more than CANDIDATE_LIMIT → row-by-row plan.
      const broad = await call(b.core, 'stock.list', { search: 'z', sort: { field: 'sku', dir: 'desc' }, limit: 50 });
      expect(broad.totalExact).toBe(false);
      expect(broad.rows).toHaveLength(50);
      expect(broad.rows[0]!.sku).toBe(`P-${String(CANDIDATE_LIMIT + 299).padStart(5, '0')}`);
      // "zol" matches a third (< CANDIDATE_LIMIT) → candidate plan; both agree with a plain filter.
      const narrow = await call(b.core, 'stock.list', { search: 'zol', sort: { field: 'name', dir: 'asc' }, limit: 500 });
      expect(narrow.totalExact).toBe(true);
      expect(narrow.total).toBe(Math.ceil((CANDIDATE_LIMIT + 300) / 3));
      for (const name of names(narrow.rows)) expect(foldText(name)).toMatch(/^zolw/);
      const page2 = await call(b.core, 'stock.list', { search: 'z', sort: { field: 'sku', dir: 'desc' }, offset: 50, limit: 50 });
      expect(page2.rows[0]!.sku).toBe(`P-${String(CANDIDATE_LIMIT + 249).padStart(5, '0')}`);
    } finally {
      await b.dispose();
    }
  });
});
