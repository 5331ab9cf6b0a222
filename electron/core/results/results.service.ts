import type { SqliteDatabase } from '../db/connection';
import type { Core } from '../create-core';
import { checkPeriod, type Period, previousPeriod } from './period';
import { percentile, rate } from './percentiles';
import { refreshOrderFacts } from './results-facts';
import { refreshStockouts } from './stockouts';
import { addDays, daysBetween, warsawDayOf } from './warsaw-days';

/**
 * The fulfilment numbers of Wyniki for a period (Warsaw days, both ends included) and the period of the
 * same length before it. Every number is defined once, in README.md ("Wyniki — what each number
 * means") and on the screen; the comments here say which rows each one counts.
 */

export interface CycleStage {
  /** Orders that have both ends of the stage. */
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface PeriodNumbers {
  /** Orders whose promised dispatch deadline falls in the period and has passed or was met (cancelled left out). */
  dueOrders: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
  /** Orders whose deadline is in the period but later than now and not yet shipped: not judged yet. */
  notYetDue: number;
  /** Orders shipped in the period (the base of perfect orders, cycle times, returns, complaints). */
  shippedOrders: number;
  shippedUnits: number;
  perfect: number;
  perfectRate: number | null;
  failures: { late: number; damaged: number; wrongItem: number; incomplete: number; complaintUpheld: number };
  cycle: { boughtToPaid: CycleStage; paidToPacked: CycleStage; packedToShipped: CycleStage; shippedToDelivered: CycleStage; boughtToShipped: CycleStage };
  returnedOrders: number;
  returnedUnits: number;
  returnRate: number | null;
  complaints: number;
  complaintsUpheld: number;
  complaintRate: number | null;
  stockoutDays: number;
  stockoutProducts: number;
  campaignStockoutDays: number;
  campaignProductDays: number;
  campaignStockoutRate: number | null;
  ordersWaitedForStock: number;
  packedOrders: number;
  packedUnits: number;
  wrongScans: number;
  wrongScansPer100Units: number | null;
}

export interface LateOrder {
  orderId: number;
  allegroOrderId: string | null;
  buyer: string | null;
  dueAt: string;
  shippedAt: string | null;
  /** Whole days between the deadline and the shipping (or now, while still not shipped). */
  daysLate: number;
}

export interface ResultsSummary {
  period: Period;
  previousPeriod: Period;
  /** The instant the numbers were computed at (late-but-unshipped orders are judged against it). */
  computedAt: string;
  current: PeriodNumbers;
  previous: PeriodNumbers;
  lateOrders: LateOrder[];
  /** More late orders than listed (the list keeps the first LATE_LIST_LIMIT by deadline). */
  lateOrdersTruncated: boolean;
  daily: Array<{ day: string; due: number; onTime: number; late: number; shipped: number; perfect: number; stockoutDays: number }>;
  returnsByProduct: Array<{ productId: number; sku: string; name: string; shippedUnits: number; returnedUnits: number; rate: number | null; outlier: boolean }>;
  returnsByReason: Array<{ reason: string; units: number; lines: number }>;
  returnsByPacker: Array<{ packer: string; shippedOrders: number; returnedOrders: number; rate: number | null }>;
  packing: Array<{ day: string; packer: string; orders: number; units: number; wrongScans: number; wrongScansPer100Units: number | null }>;
  stockoutsByProduct: Array<{ productId: number; sku: string; name: string; days: number; campaignDays: number }>;
}

export const LATE_LIST_LIMIT = 500;
/** A product's return rate is "far above the shop's" at twice the shop's rate or more, with at least this many units back. */
export const OUTLIER_MIN_UNITS = 3;
export const OUTLIER_FACTOR = 2;

const HOUR = 3_600_000;

/** Brings the kept facts up to date (only what changed since the last read). */
export function refreshResults(core: Core): { orders: number; products: number } {
  const orders = refreshOrderFacts(core.sqlite);
  const products = refreshStockouts(core.sqlite, warsawDayOf(core.now().toISOString())!);
  return { orders, products };
}

interface FactRow {
  boughtAt: string;
  paidAt: string | null;
  packedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  dueAt: string | null;
  shipDay: string;
  units: number;
  failDamaged: number;
  failWrongItem: number;
  failIncomplete: number;
  complaint: number;
  complaintUpheld: number;
  returned: number;
  returnedUnits: number;
}

function hoursBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const d = Date.parse(to) - Date.parse(from);
  return d >= 0 ? d / HOUR : null;
}

function stage(values: number[]): CycleStage {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return { count: values.length, medianHours: round(percentile(values, 0.5)), p90Hours: round(percentile(values, 0.9)) };
}

interface Campaign {
  from: string;
  to: string;
  productIds: number[];
}

function campaignsOverlapping(sqlite: SqliteDatabase, period: Period): Campaign[] {
  const rows = sqlite
    .prepare(
      `SELECT p.id, p.starts_at AS startsAt, p.ends_at AS endsAt, group_concat(i.product_id) AS products
       FROM promotions p JOIN promotion_items i ON i.promotion_id = p.id GROUP BY p.id`,
    )
    .all() as Array<{ id: number; startsAt: string; endsAt: string; products: string }>;
  const out: Campaign[] = [];
  for (const row of rows) {
    const from = warsawDayOf(row.startsAt)!;
    // A campaign ending at midnight ends the day before.
    const to = warsawDayOf(new Date(Date.parse(row.endsAt) - 1).toISOString())!;
    const clippedFrom = from > period.from ? from : period.from;
    const clippedTo = to < period.to ? to : period.to;
    if (clippedFrom > clippedTo) continue;
    out.push({ from: clippedFrom, to: clippedTo, productIds: row.products.split(',').map(Number) });
  }
  return out;
}

function numbersFor(sqlite: SqliteDatabase, period: Period, now: Date): PeriodNumbers {
  const nowIso = now.toISOString();
  const due = sqlite
    .prepare(
      `SELECT count(*) AS total,
         coalesce(sum(shipped_at IS NOT NULL AND shipped_at <= due_at), 0) AS onTime,
         coalesce(sum((shipped_at IS NOT NULL AND shipped_at > due_at) OR (shipped_at IS NULL AND due_at < @now)), 0) AS late
       FROM results_orders WHERE due_day BETWEEN @from AND @to AND cancelled = 0`,
    )
    .get({ ...period, now: nowIso }) as { total: number; onTime: number; late: number };
  const facts = sqlite
    .prepare(
      `SELECT bought_at AS boughtAt, paid_at AS paidAt, packed_at AS packedAt, shipped_at AS shippedAt, delivered_at AS deliveredAt,
         due_at AS dueAt, ship_day AS shipDay, units, fail_damaged AS failDamaged, fail_wrong_item AS failWrongItem,
         fail_incomplete AS failIncomplete, complaint, complaint_upheld AS complaintUpheld, returned, returned_units AS returnedUnits
       FROM results_orders WHERE ship_day BETWEEN @from AND @to AND cancelled = 0`,
    )
    .all(period) as FactRow[];
  const failures = { late: 0, damaged: 0, wrongItem: 0, incomplete: 0, complaintUpheld: 0 };
  const cycles = { boughtToPaid: [] as number[], paidToPacked: [] as number[], packedToShipped: [] as number[], shippedToDelivered: [] as number[], boughtToShipped: [] as number[] };
  let perfect = 0;
  let shippedUnits = 0;
  let returnedOrders = 0;
  let returnedUnits = 0;
  let complaints = 0;
  let complaintsUpheld = 0;
  const push = (list: number[], v: number | null) => {
    if (v !== null) list.push(v);
  };
  for (const f of facts) {
    const late = f.dueAt !== null && f.shippedAt! > f.dueAt;
    if (late) failures.late += 1;
    if (f.failDamaged) failures.damaged += 1;
    if (f.failWrongItem) failures.wrongItem += 1;
    if (f.failIncomplete) failures.incomplete += 1;
    if (f.complaintUpheld) failures.complaintUpheld += 1;
    if (!late && !f.failDamaged && !f.failWrongItem && !f.failIncomplete && !f.complaintUpheld) perfect += 1;
    shippedUnits += f.units;
    returnedOrders += f.returned;
    returnedUnits += f.returnedUnits;
    complaints += f.complaint;
    complaintsUpheld += f.complaintUpheld;
    // Cash on delivery is paid after shipping: that payment is not a step before packing.
    const paidBeforeShipping = f.paidAt && f.paidAt <= f.shippedAt! ? f.paidAt : null;
    push(cycles.boughtToPaid, hoursBetween(f.boughtAt, paidBeforeShipping));
    push(cycles.paidToPacked, hoursBetween(paidBeforeShipping, f.packedAt));
    push(cycles.packedToShipped, hoursBetween(f.packedAt, f.shippedAt));
    push(cycles.shippedToDelivered, hoursBetween(f.shippedAt, f.deliveredAt));
    push(cycles.boughtToShipped, hoursBetween(f.boughtAt, f.shippedAt));
  }
  const stock = sqlite
    .prepare('SELECT count(*) AS days, count(DISTINCT product_id) AS products FROM results_stockout_days WHERE day BETWEEN @from AND @to')
    .get(period) as { days: number; products: number };
  let campaignStockoutDays = 0;
  let campaignProductDays = 0;
  const countIn = sqlite.prepare('SELECT count(*) AS n FROM results_stockout_days WHERE product_id = ? AND day BETWEEN ? AND ?');
  // A product in two overlapping campaigns counts its days once.
  const seen = new Set<string>();
  for (const c of campaignsOverlapping(sqlite, period)) {
    for (const productId of c.productIds) {
      for (let day = c.from; day <= c.to; day = addDays(day, 1)) {
        const key = `${productId}|${day}`;
        if (seen.has(key)) continue;
        seen.add(key);
        campaignProductDays += 1;
        campaignStockoutDays += (countIn.get(productId, day, day) as { n: number }).n;
      }
    }
  }
  const waited = sqlite
    .prepare(
      `SELECT count(*) AS n FROM results_orders f
       WHERE f.due_day BETWEEN @from AND @to AND f.cancelled = 0 AND EXISTS (
         SELECT 1 FROM order_lines l JOIN results_stockout_days s ON s.product_id = l.product_id
         WHERE l.order_id = f.order_id
           AND s.day BETWEEN substr(f.bought_at, 1, 10) AND coalesce(f.ship_day, @today))`,
    )
    .get({ ...period, today: warsawDayOf(nowIso) }) as { n: number };
  const packing = sqlite
    .prepare(
      `SELECT count(*) AS orders, coalesce(sum(units), 0) AS units, coalesce(sum(scanned_units), 0) AS scanned, coalesce(sum(wrong_scans), 0) AS wrong
       FROM results_orders WHERE packed_day BETWEEN @from AND @to`,
    )
    .get(period) as { orders: number; units: number; scanned: number; wrong: number };
  const judged = due.onTime + due.late;
  return {
    dueOrders: judged,
    onTime: due.onTime,
    late: due.late,
    onTimeRate: rate(due.onTime, judged),
    notYetDue: due.total - judged,
    shippedOrders: facts.length,
    shippedUnits,
    perfect,
    perfectRate: rate(perfect, facts.length),
    failures,
    cycle: {
      boughtToPaid: stage(cycles.boughtToPaid),
      paidToPacked: stage(cycles.paidToPacked),
      packedToShipped: stage(cycles.packedToShipped),
      shippedToDelivered: stage(cycles.shippedToDelivered),
      boughtToShipped: stage(cycles.boughtToShipped),
    },
    returnedOrders,
    returnedUnits,
    returnRate: rate(returnedOrders, facts.length),
    complaints,
    complaintsUpheld,
    complaintRate: rate(complaints, facts.length),
    stockoutDays: stock.days,
    stockoutProducts: stock.products,
    campaignStockoutDays,
    campaignProductDays,
    campaignStockoutRate: rate(campaignStockoutDays, campaignProductDays),
    ordersWaitedForStock: waited.n,
    packedOrders: packing.orders,
    packedUnits: packing.units,
    wrongScans: packing.wrong,
    wrongScansPer100Units: packing.units > 0 ? Math.round((packing.wrong / packing.units) * 1000) / 10 : null,
  };
}

/** Everything Wyniki's fulfilment tab shows, for one period and the one before it. */
export function resultsSummary(core: Core, input: Period): ResultsSummary {
  const period = checkPeriod(input);
  refreshResults(core);
  const sqlite = core.sqlite;
  const now = core.now();
  const nowIso = now.toISOString();
  const previous = previousPeriod(period);
  const lateRows = sqlite
    .prepare(
      `SELECT f.order_id AS orderId, o.allegro_order_id AS allegroOrderId, coalesce(o.buyer_name, o.buyer_login) AS buyer,
         f.due_at AS dueAt, f.shipped_at AS shippedAt
       FROM results_orders f JOIN orders o ON o.id = f.order_id
       WHERE f.due_day BETWEEN @from AND @to AND f.cancelled = 0
         AND ((f.shipped_at IS NOT NULL AND f.shipped_at > f.due_at) OR (f.shipped_at IS NULL AND f.due_at < @now))
       ORDER BY f.due_at, f.order_id LIMIT ${LATE_LIST_LIMIT + 1}`,
    )
    .all({ ...period, now: nowIso }) as Array<Omit<LateOrder, 'daysLate'>>;
  const lateOrders = lateRows.slice(0, LATE_LIST_LIMIT).map((r) => ({
    ...r,
    daysLate: Math.max(0, Math.ceil((Date.parse(r.shippedAt ?? nowIso) - Date.parse(r.dueAt)) / 86_400_000)),
  }));
  const dailyDue = sqlite
    .prepare(
      `SELECT due_day AS day, coalesce(sum(shipped_at IS NOT NULL AND shipped_at <= due_at), 0) AS onTime,
         coalesce(sum((shipped_at IS NOT NULL AND shipped_at > due_at) OR (shipped_at IS NULL AND due_at < @now)), 0) AS late
       FROM results_orders WHERE due_day BETWEEN @from AND @to AND cancelled = 0 GROUP BY due_day`,
    )
    .all({ ...period, now: nowIso }) as Array<{ day: string; onTime: number; late: number }>;
  const dailyShipped = sqlite
    .prepare(
      `SELECT ship_day AS day, count(*) AS shipped,
         coalesce(sum(NOT (shipped_at > coalesce(due_at, shipped_at) OR fail_damaged OR fail_wrong_item OR fail_incomplete OR complaint_upheld)), 0) AS perfect
       FROM results_orders WHERE ship_day BETWEEN @from AND @to AND cancelled = 0 GROUP BY ship_day`,
    )
    .all(period) as Array<{ day: string; shipped: number; perfect: number }>;
  const dailyStock = sqlite
    .prepare('SELECT day, count(*) AS n FROM results_stockout_days WHERE day BETWEEN @from AND @to GROUP BY day')
    .all(period) as Array<{ day: string; n: number }>;
  const byDay = new Map<string, ResultsSummary['daily'][number]>();
  for (let day = period.from, i = 0; day <= period.to && i <= daysBetween(period.from, period.to); day = addDays(day, 1), i++) {
    byDay.set(day, { day, due: 0, onTime: 0, late: 0, shipped: 0, perfect: 0, stockoutDays: 0 });
  }
  for (const r of dailyDue) Object.assign(byDay.get(r.day) ?? {}, { onTime: r.onTime, late: r.late, due: r.onTime + r.late });
  for (const r of dailyShipped) Object.assign(byDay.get(r.day) ?? {}, { shipped: r.shipped, perfect: r.perfect });
  for (const r of dailyStock) Object.assign(byDay.get(r.day) ?? {}, { stockoutDays: r.n });

  const current = numbersFor(sqlite, period, now);
  const shippedByProduct = sqlite
    .prepare(
      `SELECT l.product_id AS productId, sum(l.quantity) AS units FROM results_orders f JOIN order_lines l ON l.order_id = f.order_id
       WHERE f.ship_day BETWEEN @from AND @to AND f.cancelled = 0 AND l.product_id IS NOT NULL GROUP BY l.product_id`,
    )
    .all(period) as Array<{ productId: number; units: number }>;
  const returnedLines = sqlite
    .prepare(
      `SELECT rl.product_id AS productId, coalesce(rl.reason_code, '') AS reason, rl.quantity AS quantity, coalesce(f.packer, '') AS packer
       FROM results_orders f JOIN returns r ON r.order_id = f.order_id AND r.cancelled_at IS NULL JOIN return_lines rl ON rl.return_id = r.id
       WHERE f.ship_day BETWEEN @from AND @to AND f.cancelled = 0 AND f.returned = 1`,
    )
    .all(period) as Array<{ productId: number | null; reason: string; quantity: number; packer: string }>;
  const returnedByProduct = new Map<number, number>();
  const byReason = new Map<string, { units: number; lines: number }>();
  for (const line of returnedLines) {
    if (line.productId !== null) returnedByProduct.set(line.productId, (returnedByProduct.get(line.productId) ?? 0) + line.quantity);
    const r = byReason.get(line.reason) ?? { units: 0, lines: 0 };
    r.units += line.quantity;
    r.lines += 1;
    byReason.set(line.reason, r);
  }
  const shopUnitRate = rate(current.returnedUnits, current.shippedUnits) ?? 0;
  const productIds = new Set([...shippedByProduct.map((r) => r.productId), ...returnedByProduct.keys()]);
  const names = productNames(sqlite, [...productIds]);
  const shippedMap = new Map(shippedByProduct.map((r) => [r.productId, r.units]));
  const returnsByProduct = [...returnedByProduct.entries()]
    .map(([productId, returnedUnits]) => {
      const shippedUnits = shippedMap.get(productId) ?? 0;
      const productRate = rate(returnedUnits, shippedUnits);
      return {
        productId,
        sku: names.get(productId)?.sku ?? '',
        name: names.get(productId)?.name ?? '',
        shippedUnits,
        returnedUnits,
        rate: productRate,
        outlier: returnedUnits >= OUTLIER_MIN_UNITS && productRate !== null && shopUnitRate > 0 && productRate >= OUTLIER_FACTOR * shopUnitRate,
      };
    })
    .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || b.returnedUnits - a.returnedUnits || a.productId - b.productId);
  const returnsByPacker = (
    sqlite
      .prepare(
        `SELECT coalesce(packer, '') AS packer, count(*) AS shippedOrders, coalesce(sum(returned), 0) AS returnedOrders
         FROM results_orders WHERE ship_day BETWEEN @from AND @to AND cancelled = 0 GROUP BY coalesce(packer, '') ORDER BY 1`,
      )
      .all(period) as Array<{ packer: string; shippedOrders: number; returnedOrders: number }>
  ).map((r) => ({ ...r, rate: rate(r.returnedOrders, r.shippedOrders) }));
  const packing = (
    sqlite
      .prepare(
        `SELECT packed_day AS day, packer, count(*) AS orders, coalesce(sum(units), 0) AS units, coalesce(sum(wrong_scans), 0) AS wrongScans
         FROM results_orders WHERE packed_day BETWEEN @from AND @to AND packer IS NOT NULL GROUP BY packed_day, packer ORDER BY packed_day, packer`,
      )
      .all(period) as Array<{ day: string; packer: string; orders: number; units: number; wrongScans: number }>
  ).map((r) => ({ ...r, wrongScansPer100Units: r.units > 0 ? Math.round((r.wrongScans / r.units) * 1000) / 10 : null }));
  const campaigns = campaignsOverlapping(sqlite, period);
  const stockRows = sqlite
    .prepare('SELECT product_id AS productId, day FROM results_stockout_days WHERE day BETWEEN @from AND @to')
    .all(period) as Array<{ productId: number; day: string }>;
  const stockByProduct = new Map<number, { days: number; campaignDays: number }>();
  for (const row of stockRows) {
    const s = stockByProduct.get(row.productId) ?? { days: 0, campaignDays: 0 };
    s.days += 1;
    if (campaigns.some((c) => row.day >= c.from && row.day <= c.to && c.productIds.includes(row.productId))) s.campaignDays += 1;
    stockByProduct.set(row.productId, s);
  }
  const stockNames = productNames(sqlite, [...stockByProduct.keys()]);
  const stockoutsByProduct = [...stockByProduct.entries()]
    .map(([productId, s]) => ({ productId, sku: stockNames.get(productId)?.sku ?? '', name: stockNames.get(productId)?.name ?? '', ...s }))
    .sort((a, b) => b.days - a.days || a.productId - b.productId)
    .slice(0, 200);

  return {
    period,
    previousPeriod: previous,
    computedAt: nowIso,
    current,
    previous: numbersFor(sqlite, previous, now),
    lateOrders,
    lateOrdersTruncated: lateRows.length > LATE_LIST_LIMIT,
    daily: [...byDay.values()],
    returnsByProduct: returnsByProduct.slice(0, 200),
    returnsByReason: [...byReason.entries()].map(([reason, r]) => ({ reason, ...r })).sort((a, b) => b.units - a.units || a.reason.localeCompare(b.reason)),
    returnsByPacker,
    packing,
    stockoutsByProduct,
  };
}

function productNames(sqlite: SqliteDatabase, ids: number[]): Map<number, { sku: string; name: string }> {
  const out = new Map<number, { sku: string; name: string }>();
  const select = sqlite.prepare('SELECT id, sku, name FROM products WHERE id = ?');
  for (const id of ids) {
    const row = select.get(id) as { id: number; sku: string; name: string } | undefined;
    if (row) out.set(id, { sku: row.sku, name: row.name });
  }
  return out;
}
