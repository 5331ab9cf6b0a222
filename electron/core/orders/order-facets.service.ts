import type { Core } from '../create-core';
import { prepared } from '../stock/product.repository';

/**
 * The carriers and delivery methods seen in the orders, for the filter lists. Reading distinct values
 * from a million orders takes a scan, so the answer is kept for a minute and dropped as soon as the core
 * says orders changed (imports, edits).
 */
interface Facets {
  carriers: string[];
  deliveryMethods: string[];
}

const cache = new WeakMap<Core, { at: number; value: Facets; unsubscribe: () => void }>();
const TTL_MS = 60_000;

export function orderFacets(core: Core): Facets {
  const hit = cache.get(core);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  hit?.unsubscribe();
  const distinct = (column: 'carrier' | 'delivery_method_name') =>
    (prepared(core.sqlite, `SELECT DISTINCT ${column} AS v FROM orders WHERE ${column} IS NOT NULL AND ${column} <> '' ORDER BY v COLLATE NOCASE LIMIT 500`).all() as Array<{ v: string }>).map(
      (r) => r.v,
    );
  const value = { carriers: distinct('carrier'), deliveryMethods: distinct('delivery_method_name') };
  const unsubscribe = core.events.on('data.changed', ({ areas }) => {
    if (areas.includes('orders') || areas.includes('imports') || areas.includes('all')) {
      cache.delete(core);
      unsubscribe();
    }
  });
  cache.set(core, { at: Date.now(), value, unsubscribe });
  return value;
}
