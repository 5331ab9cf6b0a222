import type { ReorderGroup, ReorderLine, ReorderOutput } from '../../../shared/contract/planning.contract';
import type { Core } from '../create-core';
import { addWorkingDays } from '../orders/dispatch-promise';
import { daysOfCover, expectedUnits, normalQuantile, onOrderByProduct, readDemand } from '../planning/demand';
import { daysBetween } from '../results/at-risk/working-days';
import { prepared } from '../stock/product.repository';

/** Days between orders to the same supplier: a proposal covers the lead time and one more week. */
export const REVIEW_DAYS = 7;

interface SupplierInfo {
  id: number;
  name: string;
  leadTimeDays: number;
  minimumOrderGrosze: number;
}

export function productSuppliers(core: Core): Map<number, SupplierInfo> {
  const rows = prepared(
    core.sqlite,
    `SELECT ps.product_id AS productId, s.id, s.name, s.lead_time_days AS leadTimeDays, s.minimum_order_grosze AS minimumOrderGrosze
     FROM product_suppliers ps JOIN suppliers s ON s.id = ps.supplier_id`,
  ).all() as Array<SupplierInfo & { productId: number }>;
  return new Map(rows.map((r) => [r.productId, { id: r.id, name: r.name, leadTimeDays: r.leadTimeDays, minimumOrderGrosze: r.minimumOrderGrosze }]));
}

const arrivals = new Map<string, string>();

/** The day an order placed now arrives: the lead time in working days after today (kept per day and lead time). */
export function arrivalDay(now: Date, leadTimeDays: number): string {
  const key = `${Math.floor(now.getTime() / 60_000)}|${leadTimeDays}`;
  let day = arrivals.get(key);
  if (day === undefined) {
    if (arrivals.size > 1000) arrivals.clear();
    arrivals.set(key, (day = addWorkingDays(now, leadTimeDays)));
  }
  return day;
}

/**
 * Reorder proposals. Per product: the expected sales of each coming day (the level of the last four
 * weeks on days that began with stock, × the weekday's factor, carried forward by the four-week trend:
 * planning/demand.ts) and the day-to-day spread σ; over the lead time L (calendar days until an order
 * placed today arrives): safety stock = z(service level) × σ × √L, reorder point = expected sales over
 * L + safety stock. When what the shop has (on hand − reserved + on order) is at or below the reorder
 * point, propose enough to cover the expected sales of L + one week plus the safety stock. An oversold product (negative position) is always proposed.
 * Products without a supplier are grouped apart (lead time: the default of 5 working days).
 */
export function reorderProposals(core: Core, serviceLevel: number): ReorderOutput {
  const now = core.now();
  const demand = readDemand(core.sqlite, now);
  const suppliers = productSuppliers(core);
  const onOrder = onOrderByProduct(core.sqlite);
  const z = normalQuantile(serviceLevel / 100);
  const groups = new Map<number | null, ReorderGroup>();
  for (const d of demand.byProduct.values()) {
    const supplier = suppliers.get(d.productId) ?? null;
    const lead = supplier?.leadTimeDays ?? 5;
    const arrives = arrivalDay(now, lead);
    const leadDays = Math.max(1, daysBetween(demand.today, arrives));
    const ordered = (onOrder.get(d.productId) ?? []).reduce((s, o) => s + o.units, 0);
    const position = d.onHand - d.reserved + ordered;
    const safetyStock = Math.ceil(z * d.sd * Math.sqrt(leadDays));
    // Expected sales day by day (weekday pattern and trend), not a flat rate times days; 1e-9 keeps a
    // whole number from being rounded up by floating-point dust.
    const reorderPoint = Math.ceil(expectedUnits(d, demand, 0, leadDays) + safetyStock - 1e-9);
    let quantity = 0;
    if (d.level > 0 && position <= reorderPoint) quantity = Math.ceil(expectedUnits(d, demand, 0, leadDays + REVIEW_DAYS) + safetyStock - position - 1e-9);
    if (position < 0) quantity = Math.max(quantity, -position);
    if (quantity <= 0) continue;
    const line: ReorderLine = {
      productId: d.productId,
      sku: d.sku,
      name: d.name,
      abc: d.abc,
      xyz: d.xyz,
      // The coming week's expected sales a day (weekday pattern and trend included).
      dailySalesX100: Math.round((expectedUnits(d, demand, 0, 7) / 7) * 100),
      onHand: d.onHand,
      reserved: d.reserved,
      onOrder: ordered,
      safetyStock,
      reorderPoint,
      quantity,
      unitCostGrosze: d.purchasePriceGrosze,
      valueGrosze: quantity * (d.purchasePriceGrosze ?? 0),
      daysOfCover: daysOfCover(d, demand, position),
    };
    const key = supplier?.id ?? null;
    let group = groups.get(key);
    if (!group) {
      group = {
        supplierId: key,
        supplierName: supplier?.name ?? null,
        leadTimeDays: supplier?.leadTimeDays ?? null,
        minimumOrderGrosze: supplier?.minimumOrderGrosze ?? 0,
        arrivesOn: supplier ? arrives : null,
        totalGrosze: 0,
        belowMinimum: false,
        lines: [],
      };
      groups.set(key, group);
    }
    group.lines.push(line);
    group.totalGrosze += line.valueGrosze;
  }
  const out = [...groups.values()];
  for (const g of out) {
    g.belowMinimum = g.supplierId !== null && g.totalGrosze < g.minimumOrderGrosze;
    // The shortest cover first: what runs out soonest is ordered first.
    g.lines.sort((a, b) => (a.daysOfCover ?? 1e9) - (b.daysOfCover ?? 1e9) || a.sku.localeCompare(b.sku));
  }
  out.sort((a, b) => (a.supplierName === null ? 1 : 0) - (b.supplierName === null ? 1 : 0) || (a.supplierName ?? '').localeCompare(b.supplierName ?? '', 'pl'));
  return { serviceLevel, groups: out, computedAt: now.toISOString() };
}
