/**
 * Defect (issue 17 point 4): a category campaign whose every product was archived after planning was
 * checked with no products and said "covered". It must say there is nothing to check (`noProducts`),
 * which the screen shows instead of a green "Towaru wystarczy". A campaign with products keeps
 * `noProducts` false.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { insertProduct } from '../orders/order-fixtures';
import { tempCoreDisposedAfterEach } from '../../support/temp-core';

const NOW = new Date('2026-12-09T09:00:00.000Z');
const newShopCore = tempCoreDisposedAfterEach();

async function shop() {
  const t = await newShopCore({ now: () => NOW });
  const product = (sku: string, category: string) => {
    const id = insertProduct(t.core, { sku, name: `Produkt ${sku}`, salePriceGrosze: 1_000 });
    t.core.sqlite.prepare('UPDATE products SET category = ? WHERE id = ?').run(category, id);
    return id;
  };
  return { core: t.core, k1: product('K-1', 'Karmy'), k2: product('K-2', 'Karmy'), z1: product('Z-1', 'Zabawki') };
}

describe('a category campaign whose products were all archived', () => {
  it('says it has no products to check instead of "covered"', async () => {
    const { core, k1, k2 } = await shop();
    const planned = await call(core, 'planning.saveCampaign', { name: 'Tydzień karm', startsOn: '2026-12-14', endsOn: '2026-12-18', category: 'Karmy', unitsPerProduct: 10 });
    expect(planned.products).toHaveLength(2);
    expect(planned.noProducts).toBe(false);
    for (const id of [k1, k2]) await call(core, 'stock.updateProduct', { id, archived: true });
    const row = (await call(core, 'planning.campaigns', {})).find((c) => c.id === planned.id)!;
    expect(row.products).toEqual([]);
    expect(row.noProducts).toBe(true);
  });

  it('keeps checking the campaign once a product is back on sale', async () => {
    const { core, k1 } = await shop();
    const planned = await call(core, 'planning.saveCampaign', { name: 'Tydzień karm', startsOn: '2026-12-14', endsOn: '2026-12-18', category: 'Karmy', unitsPerProduct: 10 });
    await call(core, 'stock.updateProduct', { id: k1, archived: true });
    const row = (await call(core, 'planning.campaigns', {})).find((c) => c.id === planned.id)!;
    expect(row.products).toHaveLength(1);
    expect(row.noProducts).toBe(false);
    expect(row.verdict).toBe('not_covered'); // nothing on the shelf, 10 short
  });
});
