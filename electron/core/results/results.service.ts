import type { SqliteDatabase } from '../db/connection';
import type { Core } from '../create-core';
import { checkPeriod, type Period, previousPeriod } from './period';
import { rate } from './percentiles';
import { type Stage, STAGES } from './aggregates';
import { type CampaignDays, campaignDays } from './campaign-days';
import { complaintsBreakdown, type ComplaintsBreakdown } from './complaints-breakdown';
import { refreshOrderFacts } from './results-facts';
import { refreshStockouts } from './stockouts';
import { addDays, warsawDayOf } from './warsaw-days';

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

export interface ResultsSummary extends ComplaintsBreakdown {
  period: Period;
  previousPeriod: Period;
  /** The instant the numbers were computed at (late-but-unshipped orders are judged against it). */
  computedAt: string;
  /** Orders not yet summarised (only on the first open of a big shop, when the app's time budget ran out): the numbers are partial. */
  pendingOrders: number;
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

/**
 * Brings the kept facts up to date (only what changed since the last read). With `budgetMs`, stops
 * after about that long and reports how many orders are still to count (`pendingOrders`).
 */
export function refreshResults(core: Core, budgetMs?: number): { orders: number; products: number; pendingOrders: number } {
  const deadline = budgetMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + budgetMs;
  const today = warsawDayOf(core.now().toISOString())!;
  // Stock-outs first: a changed product marks its recent orders, whose "waited for stock" is then recomputed.
  const products = refreshStockouts(core.sqlite, today);
  const orders = refreshOrderFacts(core.sqlite, today, deadline);
  return { orders: orders.done, products, pendingOrders: orders.remaining };
}

interface DaySums {
  dueOnTime: number;
  dueLateShipped: number;
  dueUnshipped: number;
  shipped: number;
  shippedUnits: number;
  perfect: number;
  failLate: number;
  failDamaged: number;
  failWrongItem: number;
  failIncomplete: number;
  failUpheld: number;
  returned: number;
  returnedUnits: number;
  complaints: number;
  packedOrders: number;
  packedUnits: number;
  wrongScans: number;
  waited: number;
}

const SUM_COLUMNS = `coalesce(sum(due_on_time), 0) AS dueOnTime, coalesce(sum(due_late_shipped), 0) AS dueLateShipped,
  coalesce(sum(due_unshipped), 0) AS dueUnshipped, coalesce(sum(shipped), 0) AS shipped, coalesce(sum(shipped_units), 0) AS shippedUnits,
  coalesce(sum(perfect), 0) AS perfect, coalesce(sum(fail_late), 0) AS failLate, coalesce(sum(fail_damaged), 0) AS failDamaged,
  coalesce(sum(fail_wrong_item), 0) AS failWrongItem, coalesce(sum(fail_incomplete), 0) AS failIncomplete, coalesce(sum(fail_upheld), 0) AS failUpheld,
  coalesce(sum(returned), 0) AS returned, coalesce(sum(returned_units), 0) AS returnedUnits, coalesce(sum(complaints), 0) AS complaints,
  coalesce(sum(packed_orders), 0) AS packedOrders, coalesce(sum(packed_units), 0) AS packedUnits, coalesce(sum(wrong_scans), 0) AS wrongScans,
  coalesce(sum(waited), 0) AS waited`;

/**
 * Orders due on `from`…`to` judged against `now`: from the day sums for days already over (every
 * unshipped order of a past day is late), from the orders themselves for today and later days.
 */
function dueCounts(sqlite: SqliteDatabase, period: Period, now: Date): Map<string, { onTime: number; late: number; pending: number }> {
  const today = warsawDayOf(now.toISOString())!;
  const out = new Map<string, { onTime: number; late: number; pending: number }>();
  const pastTo = period.to < today ? period.to : addDays(today, -1);
  if (period.from <= pastTo) {
    const rows = sqlite
      .prepare('SELECT day, due_on_time AS onTime, due_late_shipped + due_unshipped AS late FROM results_days WHERE day BETWEEN ? AND ?')
      .all(period.from, pastTo) as Array<{ day: string; onTime: number; late: number }>;
    for (const r of rows) out.set(r.day, { onTime: r.onTime, late: r.late, pending: 0 });
  }
  if (period.to >= today) {
    const rows = sqlite
      .prepare(
        `SELECT due_day AS day, coalesce(sum(shipped_at IS NOT NULL AND shipped_at <= due_at), 0) AS onTime,
           coalesce(sum((shipped_at IS NOT NULL AND shipped_at > due_at) OR (shipped_at IS NULL AND due_at < @now)), 0) AS late,
           coalesce(sum(shipped_at IS NULL AND due_at >= @now), 0) AS pending
         FROM results_orders WHERE due_day BETWEEN @from AND @to AND cancelled = 0 GROUP BY due_day`,
      )
      .all({ from: period.from > today ? period.from : today, to: period.to, now: now.toISOString() }) as Array<{ day: string; onTime: number; late: number; pending: number }>;
    for (const r of rows) out.set(r.day, { onTime: r.onTime, late: r.late, pending: r.pending });
  }
  return out;
}

/** Nearest-rank percentile over summed 0.1 h buckets. */
function stageFromBuckets(buckets: Array<{ bucket: number; n: number }>): CycleStage {
  const total = buckets.reduce((n, b) => n + b.n, 0);
  const at = (p: number) => {
    if (total === 0) return null;
    const rank = Math.max(1, Math.ceil(p * total));
    let seen = 0;
    for (const b of buckets) {
      seen += b.n;
      if (seen >= rank) return b.bucket / 10;
    }
    return buckets.at(-1)!.bucket / 10;
  };
  return { count: total, medianHours: at(0.5), p90Hours: at(0.9) };
}

function numbersFor(sqlite: SqliteDatabase, period: Period, now: Date, campaigns: CampaignDays): PeriodNumbers {
  const sums = sqlite.prepare(`SELECT ${SUM_COLUMNS} FROM results_days WHERE day BETWEEN @from AND @to`).get(period) as DaySums;
  let onTime = 0;
  let late = 0;
  let pending = 0;
  for (const d of dueCounts(sqlite, period, now).values()) {
    onTime += d.onTime;
    late += d.late;
    pending += d.pending;
  }
  const buckets = sqlite
    .prepare('SELECT stage, bucket, sum(n) AS n FROM results_cycle WHERE day BETWEEN @from AND @to GROUP BY stage, bucket HAVING sum(n) > 0 ORDER BY stage, bucket')
    .all(period) as Array<{ stage: Stage; bucket: number; n: number }>;
  const cycle = Object.fromEntries(STAGES.map((stage) => [stage, stageFromBuckets(buckets.filter((b) => b.stage === stage))])) as PeriodNumbers['cycle'];
  const stock = sqlite
    .prepare('SELECT count(*) AS days, count(DISTINCT product_id) AS products FROM results_stockout_days WHERE day BETWEEN @from AND @to')
    .get(period) as { days: number; products: number };
  const inCampaign = campaigns.count(period);
  const judged = onTime + late;
  return {
    dueOrders: judged,
    onTime,
    late,
    onTimeRate: rate(onTime, judged),
    notYetDue: pending,
    shippedOrders: sums.shipped,
    shippedUnits: sums.shippedUnits,
    perfect: sums.perfect,
    perfectRate: rate(sums.perfect, sums.shipped),
    failures: { late: sums.failLate, damaged: sums.failDamaged, wrongItem: sums.failWrongItem, incomplete: sums.failIncomplete, complaintUpheld: sums.failUpheld },
    cycle,
    returnedOrders: sums.returned,
    returnedUnits: sums.returnedUnits,
    returnRate: rate(sums.returned, sums.shipped),
    complaints: sums.complaints,
    complaintsUpheld: sums.failUpheld,
    complaintRate: rate(sums.complaints, sums.shipped),
    stockoutDays: stock.days,
    stockoutProducts: stock.products,
    campaignStockoutDays: inCampaign.stockoutDays,
    campaignProductDays: inCampaign.productDays,
    campaignStockoutRate: rate(inCampaign.stockoutDays, inCampaign.productDays),
    ordersWaitedForStock: sums.waited,
    packedOrders: sums.packedOrders,
    packedUnits: sums.packedUnits,
    wrongScans: sums.wrongScans,
    wrongScansPer100Units: sums.packedUnits > 0 ? Math.round((sums.wrongScans / sums.packedUnits) * 1000) / 10 : null,
  };
}

/** Everything Wyniki's fulfilment tab shows, for one period and the one before it. */
export function resultsSummary(core: Core, input: Period, options: { budgetMs?: number } = {}): ResultsSummary {
  const period = checkPeriod(input);
  const { pendingOrders } = refreshResults(core, options.budgetMs);
  const sqlite = core.sqlite;
  const now = core.now();
  const nowIso = now.toISOString();
  const previous = previousPeriod(period);
  const lateRows = sqlite
    .prepare(
      `SELECT f.order_id AS orderId, o.allegro_order_id AS allegroOrderId, coalesce(o.buyer_name, o.buyer_login) AS buyer,
         f.due_at AS dueAt, f.shipped_at AS shippedAt
       FROM results_orders f JOIN orders o ON o.id = f.order_id
       WHERE f.due_day BETWEEN @from AND @to AND f.cancelled = 0 AND (f.shipped_at IS NULL OR f.shipped_at > f.due_at)
         AND (f.shipped_at IS NOT NULL OR f.due_at < @now)
       ORDER BY f.due_at, f.order_id LIMIT ${LATE_LIST_LIMIT + 1}`,
    )
    .all({ ...period, now: nowIso }) as Array<Omit<LateOrder, 'daysLate'>>;
  const lateOrders = lateRows.slice(0, LATE_LIST_LIMIT).map((r) => ({
    ...r,
    daysLate: Math.max(0, Math.ceil((Date.parse(r.shippedAt ?? nowIso) - Date.parse(r.dueAt)) / 86_400_000)),
  }));
  const dailyDue = dueCounts(sqlite, period, now);
  const dailySums = sqlite
    .prepare('SELECT day, shipped, perfect FROM results_days WHERE day BETWEEN @from AND @to')
    .all(period) as Array<{ day: string; shipped: number; perfect: number }>;
  const dailyStock = sqlite
    .prepare('SELECT day, count(*) AS n FROM results_stockout_days WHERE day BETWEEN @from AND @to GROUP BY day')
    .all(period) as Array<{ day: string; n: number }>;
  const byDay = new Map<string, ResultsSummary['daily'][number]>();
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    byDay.set(day, { day, due: 0, onTime: 0, late: 0, shipped: 0, perfect: 0, stockoutDays: 0 });
  }
  for (const [day, r] of dailyDue) Object.assign(byDay.get(day) ?? {}, { onTime: r.onTime, late: r.late, due: r.onTime + r.late });
  for (const r of dailySums) Object.assign(byDay.get(r.day) ?? {}, { shipped: r.shipped, perfect: r.perfect });
  for (const r of dailyStock) Object.assign(byDay.get(r.day) ?? {}, { stockoutDays: r.n });

  // Campaign days of both periods, read once.
  const campaigns = campaignDays(sqlite, { from: previous.from, to: period.to });
  const current = numbersFor(sqlite, period, now, campaigns);
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
  const names = productNames(sqlite, [...returnedByProduct.keys()]);
  // Units shipped in the period, only for the products that came back (the rate's base).
  const shippedOf = sqlite.prepare(
    'SELECT coalesce(sum(units), 0) AS units FROM results_product_days WHERE product_id = ? AND day BETWEEN ? AND ?',
  );
  const returnsByProduct = [...returnedByProduct.entries()]
    .map(([productId, returnedUnits]) => {
      const shippedUnits = (shippedOf.get(productId, period.from, period.to) as { units: number }).units;
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
        `SELECT packer, sum(shipped_orders) AS shippedOrders, sum(returned_orders) AS returnedOrders
         FROM results_packer_days WHERE day BETWEEN @from AND @to GROUP BY packer HAVING sum(shipped_orders) > 0 ORDER BY packer`,
      )
      .all(period) as Array<{ packer: string; shippedOrders: number; returnedOrders: number }>
  ).map((r) => ({ ...r, rate: rate(r.returnedOrders, r.shippedOrders) }));
  const packing = (
    sqlite
      .prepare(
        `SELECT day, packer, packed_orders AS orders, packed_units AS units, wrong_scans AS wrongScans
         FROM results_packer_days WHERE day BETWEEN @from AND @to AND packed_orders > 0 ORDER BY day, packer`,
      )
      .all(period) as Array<{ day: string; packer: string; orders: number; units: number; wrongScans: number }>
  ).map((r) => ({ ...r, wrongScansPer100Units: r.units > 0 ? Math.round((r.wrongScans / r.units) * 1000) / 10 : null }));
  const stockRows = sqlite
    .prepare('SELECT product_id AS productId, day FROM results_stockout_days WHERE day BETWEEN @from AND @to')
    .all(period) as Array<{ productId: number; day: string }>;
  const stockByProduct = new Map<number, { days: number; campaignDays: number }>();
  for (const row of stockRows) {
    const s = stockByProduct.get(row.productId) ?? { days: 0, campaignDays: 0 };
    s.days += 1;
    if (campaigns.includes(row.productId, row.day)) s.campaignDays += 1;
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
    pendingOrders,
    current,
    previous: numbersFor(sqlite, previous, now, campaigns),
    lateOrders,
    lateOrdersTruncated: lateRows.length > LATE_LIST_LIMIT,
    daily: [...byDay.values()],
    returnsByProduct: returnsByProduct.slice(0, 200),
    returnsByReason: [...byReason.entries()].map(([reason, r]) => ({ reason, ...r })).sort((a, b) => b.units - a.units || a.reason.localeCompare(b.reason)),
    returnsByPacker,
    ...complaintsBreakdown(sqlite, period, returnsByPacker),
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
