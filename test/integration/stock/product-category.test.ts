import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { tempCore, type TempCore } from '../../support/temp-core';

/**
 * Issue 17 point 4: a product has a category (for a campaign on "a whole category"). The product form's
 * channels take it trimmed, refuse a too long one and store an empty one as none; stock.categories lists
 * the distinct ones the Polish way, counting products on sale only.
 */
let t: TempCore;
beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-12-07T09:00:00Z') });
});
afterAll(() => t.dispose());

const create = async (sku: string, fields: Record<string, unknown> = {}) => (await call(t.core, 'stock.createProduct', { sku, name: `Produkt ${sku}`, ...fields })).product;

describe('product category', () => {
  it('is stored trimmed, read back by stock.get, and none when not given', async () => {
    const karma = await create('KAR-1', { category: '  Karmy  ' });
    expect(karma.category).toBe('Karmy');
    expect((await call(t.core, 'stock.get', { id: karma.id })).product.category).toBe('Karmy');
    expect((await create('SMY-1')).category).toBeNull();
  });

  it('is changed and cleared by stock.updateProduct (empty → none), and audited', async () => {
    const p = await create('KAR-2', { category: 'Karmy' });
    expect((await call(t.core, 'stock.updateProduct', { id: p.id, category: 'Łańcuszki' })).product.category).toBe('Łańcuszki');
    expect((await call(t.core, 'stock.updateProduct', { id: p.id, category: '   ' })).product.category).toBeNull();
    expect((await call(t.core, 'stock.updateProduct', { id: p.id, category: null })).product.category).toBeNull();
    const audit = t.core.sqlite.prepare("SELECT details_json FROM audit_log WHERE action = 'product.update' AND entity_id = ? ORDER BY id").all(String(p.id)) as Array<{ details_json: string }>;
    expect(audit.map((a) => JSON.parse(a.details_json).category)).toEqual([{ from: 'Karmy', to: 'Łańcuszki' }, { from: 'Łańcuszki', to: null }]);
  });

  it('refuses a category over 100 characters with a sentence in Polish', async () => {
    await expect(call(t.core, 'stock.createProduct', { sku: 'LONG-1', name: 'Długi', category: 'x'.repeat(101) })).rejects.toMatchObject({
      code: 'invalid_input',
      details: [expect.objectContaining({ path: 'category' })],
    });
    expect((await create('LONG-2', { category: 'x'.repeat(100) })).category).toHaveLength(100);
  });

  it('lists the distinct categories in Polish order with products on sale counted', async () => {
    await create('MOP-1', { category: 'Mopy' });
    await create('LOP-1', { category: 'Łopaty' });
    await create('LAL-1', { category: 'Lalki' });
    await create('ARC-1', { category: 'Lalki', archived: true });
    expect(await call(t.core, 'stock.categories', {})).toEqual([
      { category: 'Karmy', products: 1 },
      { category: 'Lalki', products: 1 },
      { category: 'Łopaty', products: 1 },
      { category: 'Mopy', products: 1 },
      { category: 'x'.repeat(100), products: 1 },
    ]);
  });
});
