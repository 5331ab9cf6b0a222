import type { SqliteDatabase } from '../db/connection';
import type { Period } from './period';
import { rate } from './percentiles';

/**
 * Complaints on the orders shipped in a period, broken down like returns: by product (complaints per
 * unit of it shipped), by the buyer's demand (a complaint records no reason code — its reason is free
 * text — so the demand is what it can be grouped by) and by who packed the order. Upheld = accepted.
 */

export interface ComplaintsBreakdown {
  complaintsByProduct: Array<{ productId: number; sku: string; name: string; shippedUnits: number; complaints: number; upheld: number; rate: number | null }>;
  complaintsByDemand: Array<{ demand: string; complaints: number; upheld: number }>;
  complaintsByPacker: Array<{ packer: string; shippedOrders: number; complaintOrders: number; upheldOrders: number; rate: number | null }>;
}

export function complaintsBreakdown(sqlite: SqliteDatabase, period: Period, shippedByPacker: ReadonlyArray<{ packer: string; shippedOrders: number }>): ComplaintsBreakdown {
  const rows = sqlite
    .prepare(
      `SELECT c.order_id AS orderId, c.product_id AS productId, coalesce(c.demand, '') AS demand, c.status = 'accepted' AS upheld,
         coalesce(f.packer, '') AS packer
       FROM results_orders f JOIN complaints c ON c.order_id = f.order_id
       WHERE f.ship_day BETWEEN @from AND @to AND f.cancelled = 0`,
    )
    .all(period) as Array<{ orderId: number; productId: number | null; demand: string; upheld: number; packer: string }>;
  const byProduct = new Map<number, { complaints: number; upheld: number }>();
  const byDemand = new Map<string, { complaints: number; upheld: number }>();
  // Per packer, orders (not complaints): two complaints on one parcel are one order packed badly.
  const byPacker = new Map<string, { orders: Set<number>; upheld: Set<number> }>();
  for (const r of rows) {
    if (r.productId !== null) {
      const p = byProduct.get(r.productId) ?? { complaints: 0, upheld: 0 };
      p.complaints += 1;
      p.upheld += r.upheld;
      byProduct.set(r.productId, p);
    }
    const d = byDemand.get(r.demand) ?? { complaints: 0, upheld: 0 };
    d.complaints += 1;
    d.upheld += r.upheld;
    byDemand.set(r.demand, d);
    const k = byPacker.get(r.packer) ?? { orders: new Set<number>(), upheld: new Set<number>() };
    k.orders.add(r.orderId);
    if (r.upheld) k.upheld.add(r.orderId);
    byPacker.set(r.packer, k);
  }
  const product = sqlite.prepare('SELECT sku, name FROM products WHERE id = ?');
  const shippedOf = sqlite.prepare('SELECT coalesce(sum(units), 0) AS units FROM results_product_days WHERE product_id = ? AND day BETWEEN ? AND ?');
  const complaintsByProduct = [...byProduct.entries()]
    .map(([productId, c]) => {
      const names = product.get(productId) as { sku: string; name: string } | undefined;
      const shippedUnits = (shippedOf.get(productId, period.from, period.to) as { units: number }).units;
      return { productId, sku: names?.sku ?? '', name: names?.name ?? '', shippedUnits, complaints: c.complaints, upheld: c.upheld, rate: rate(c.complaints, shippedUnits) };
    })
    .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || b.complaints - a.complaints || a.productId - b.productId)
    .slice(0, 200);
  const complaintsByDemand = [...byDemand.entries()]
    .map(([demand, c]) => ({ demand, ...c }))
    .sort((a, b) => b.complaints - a.complaints || (a.demand < b.demand ? -1 : a.demand > b.demand ? 1 : 0));
  const complaintsByPacker = shippedByPacker.map((p) => {
    const k = byPacker.get(p.packer);
    const complaintOrders = k?.orders.size ?? 0;
    return { packer: p.packer, shippedOrders: p.shippedOrders, complaintOrders, upheldOrders: k?.upheld.size ?? 0, rate: rate(complaintOrders, p.shippedOrders) };
  });
  return { complaintsByProduct, complaintsByDemand, complaintsByPacker };
}
