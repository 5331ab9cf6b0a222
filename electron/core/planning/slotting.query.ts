import type { SlottingOutput, SlottingProduct } from '../../../shared/contract/planning.contract';
import type { Core } from '../create-core';
import { getSettings } from '../settings/settings.service';
import { prepared } from '../stock/product.repository';
import { readDemand, type ProductDemand } from './demand';

/** Rows of each list the answer carries; the totals say how many there are in all. */
export const SLOTTING_LIMIT = 50;

/** Near shelves as the owner typed them: prefixes compared without case, as shelf codes are unique regardless of case. */
export function isNearShelf(code: string | null, prefixes: readonly string[]): boolean {
  if (code === null) return false;
  const upper = code.toUpperCase();
  return prefixes.some((p) => upper.startsWith(p.toUpperCase()));
}

const unitsSold = (d: ProductDemand) => d.daily.reduce((s, n) => s + n, 0);

/**
 * Slotting hint (issue 17 point 5): A-products (ABC by sales value, as planning.classes) whose home shelf
 * is not one of the shelves nearest the packing table (settings.nearPackingShelves, code prefixes), most
 * sold first; and C-products on those near shelves, least sold first. The i-th far A-product is paired
 * with the i-th near C-product: the busiest far product takes the quietest near shelf. Products on sale
 * only; a product with no home shelf is far.
 */
export async function slottingHint(core: Core): Promise<SlottingOutput> {
  const nearShelves = (await getSettings(core.db)).nearPackingShelves ?? [];
  if (nearShelves.length === 0) return { nearShelves, farA: [], farATotal: 0, nearC: [], nearCTotal: 0 };
  const demand = readDemand(core.sqlite, core.now());
  const shelves = prepared(
    core.sqlite,
    'SELECT p.id, l.code FROM products p LEFT JOIN locations l ON l.id = p.default_location_id WHERE p.archived = 0',
  ).all() as Array<{ id: number; code: string | null }>;
  const farA: SlottingProduct[] = [];
  const nearC: SlottingProduct[] = [];
  for (const { id, code } of shelves) {
    const d = demand.byProduct.get(id);
    if (!d || d.abc === 'B') continue;
    const near = isNearShelf(code, nearShelves);
    if (d.abc === 'A' && !near) farA.push({ productId: id, sku: d.sku, name: d.name, shelf: code, unitsSold: unitsSold(d), abc: 'A' });
    if (d.abc === 'C' && near) nearC.push({ productId: id, sku: d.sku, name: d.name, shelf: code, unitsSold: unitsSold(d), abc: 'C' });
  }
  farA.sort((a, b) => b.unitsSold - a.unitsSold || a.sku.localeCompare(b.sku));
  nearC.sort((a, b) => a.unitsSold - b.unitsSold || a.sku.localeCompare(b.sku));
  const shownC = nearC.slice(0, SLOTTING_LIMIT);
  return {
    nearShelves,
    farA: farA.slice(0, SLOTTING_LIMIT).map((p, i) => ({ ...p, swapWith: shownC[i] ?? null })),
    farATotal: farA.length,
    nearC: shownC,
    nearCTotal: nearC.length,
  };
}
