import type { SqliteDatabase } from '../db/connection';
import { warsawDate } from '../orders/dispatch-promise';
import { prepared } from '../stock/product.repository';
import { daysBetween, nextDate, startOfWarsawDay } from '../results/at-risk/working-days';

/** Days of ledger history the planning reads: 13 whole weeks before today. */
export const WINDOW_DAYS = 91;
/** The trend compares the last four weeks with the four before. */
export const TREND_DAYS = 28;
/** A weekday pattern is read only from a product that sold at least this many units on days with stock (≈ 10 per weekday). */
export const WEEKDAY_MIN_UNITS = 70;
/** A trend is read only when each of the two four-week spans had this many units and two weeks with stock. */
export const TREND_MIN_UNITS = 20;
const TREND_MIN_DAYS = 14;
const WEEKDAY_MIN_DIFFERENCE = 0.2;
const TREND_CLAMP: [number, number] = [0.5, 2];

export interface ProductDemand {
  productId: number;
  sku: string;
  name: string;
  onHand: number;
  reserved: number;
  salePriceGrosze: number | null;
  purchasePriceGrosze: number | null;
  /** Units sold on each day of the window (index 0 = the oldest day). */
  daily: Int32Array;
  /** 1 when the day began with nothing on the shelf (a stock-out day: no sale could be made). */
  stockOut: Uint8Array;
  /** On hand at the start of each day. */
  startStock: Int32Array;
  /** Units a day on the days that began with stock; 0 = none sold. */
  mean: number;
  /** Standard deviation of those days' sales. */
  sd: number;
  /** Sales value over the window (units × sale price), grosze. */
  valueGrosze: number;
  abc: 'A' | 'B' | 'C';
  xyz: 'X' | 'Y' | 'Z' | null;
  /** Sales of each weekday (0 = Monday) against the product's average day, averaging 1 over the week; all 1 when too few sales tell. */
  weekdayFactor: Float64Array;
  /** Units a day over the last TREND_DAYS days with stock, weekdays evened out by weekdayFactor. */
  level: number;
  /** The last TREND_DAYS days' level against the TREND_DAYS before (clamped to 0.5–2; 1 when too few sales tell). */
  trend: number;
}

export interface Demand {
  /** The window's first day (YYYY-MM-DD, Warsaw); today is not part of it. */
  firstDay: string;
  today: string;
  byProduct: Map<number, ProductDemand>;
}

const cache = new WeakMap<SqliteDatabase, { key: string; demand: Demand }>();

/** The window's day index of a Warsaw date (may be outside 0..WINDOW_DAYS-1). */
export function dayIndex(demand: Demand, isoDate: string): number {
  return daysBetween(demand.firstDay, isoDate);
}

/**
 * Sales per product and day over the last WINDOW_DAYS days, read from the ledger (sales only; returns
 * and corrections are not demand), with the days that began with an empty shelf marked: those days
 * say nothing about demand and are left out of the rate. On hand at each day's start is rebuilt
 * backwards from today's on hand. Kept per connection until the ledger grows or the day changes, so
 * the screens that share it (Magazyn's ABC column, proposals, campaigns) pay for it once.
 */
export function readDemand(sqlite: SqliteDatabase, now: Date): Demand {
  const today = warsawDate(now);
  const lastId = (prepared(sqlite, 'SELECT coalesce(max(id), 0) FROM stock_ledger').pluck().get() as number) ?? 0;
  const productCount = prepared(sqlite, 'SELECT count(*) FROM products').pluck().get() as number;
  const key = `${today}|${lastId}|${productCount}`;
  const hit = cache.get(sqlite);
  if (hit && hit.key === key) return hit.demand;

  let firstDay = today;
  for (let i = 0; i < WINDOW_DAYS; i++) firstDay = new Date(Date.parse(`${firstDay}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  // Day boundaries as ISO instants: a ledger time is placed by string comparison, no time zone maths per row.
  const starts: string[] = [];
  for (let d = firstDay, i = 0; i <= WINDOW_DAYS; i++, d = nextDate(d)) starts.push(startOfWarsawDay(d));
  const windowStart = starts[0]!;
  const weekdayOfFirst = weekdayOf(firstDay);

  const byProduct = new Map<number, ProductDemand>();
  const products = prepared(sqlite, 'SELECT id, sku, name, on_hand AS onHand, reserved, sale_price_grosze AS sale, purchase_price_grosze AS cost FROM products').all() as Array<{
    id: number; sku: string; name: string; onHand: number; reserved: number; sale: number | null; cost: number | null;
  }>;
  // Products that did not move in the window share read-only arrays (a big catalogue has many of them).
  const noSales = new Int32Array(WINDOW_DAYS);
  const flat = new Map<number, Int32Array>();
  const flatStock = (onHand: number) => {
    let a = flat.get(onHand);
    if (!a) flat.set(onHand, (a = new Int32Array(WINDOW_DAYS).fill(onHand)));
    return a;
  };
  const outAll = new Uint8Array(WINDOW_DAYS).fill(1);
  const outNone = new Uint8Array(WINDOW_DAYS);
  for (const p of products) {
    byProduct.set(p.id, {
      productId: p.id, sku: p.sku, name: p.name, onHand: p.onHand, reserved: p.reserved, salePriceGrosze: p.sale, purchasePriceGrosze: p.cost,
      daily: noSales, stockOut: p.onHand <= 0 ? outAll : outNone, startStock: flatStock(p.onHand),
      mean: 0, sd: 0, valueGrosze: 0, abc: 'C', xyz: null, weekdayFactor: FLAT_WEEK, level: 0, trend: 1,
    });
  }
  // Net change per product and day (all kinds), and sales per day; entries of today count toward the
  // rebuild of on hand but are not a whole day of demand.
  const change = new Map<number, Int32Array>();
  const rows = prepared(sqlite, 'SELECT product_id AS p, kind, quantity AS q, created_at AS at FROM stock_ledger WHERE created_at >= ? ORDER BY created_at').raw(true).iterate(windowStart) as Iterable<[number, string, number, string]>;
  let day = 0;
  for (const [p, kind, q, at] of rows) {
    while (day < WINDOW_DAYS && at >= starts[day + 1]!) day++;
    const d = byProduct.get(p);
    if (!d) continue;
    let ch = change.get(p);
    if (!ch) {
      change.set(p, (ch = new Int32Array(WINDOW_DAYS + 1)));
      d.daily = new Int32Array(WINDOW_DAYS);
      d.stockOut = new Uint8Array(WINDOW_DAYS);
      d.startStock = new Int32Array(WINDOW_DAYS);
    }
    ch[day]! += q;
    if (kind === 'sale' && day < WINDOW_DAYS) d.daily[day]! += -q;
  }
  for (const d of byProduct.values()) {
    const ch = change.get(d.productId);
    if (!ch) continue; // no movement: the shared arrays already say it all (no sales, C, no class by variability)
    // On hand at the start of today, then walk back one day at a time.
    let stock = d.onHand - (ch ? ch[WINDOW_DAYS]! : 0);
    for (let i = WINDOW_DAYS - 1; i >= 0; i--) {
      stock -= ch ? ch[i]! : 0;
      d.startStock[i] = stock;
      d.stockOut[i] = stock <= 0 ? 1 : 0;
    }
    let n = 0;
    let sum = 0;
    let sumSq = 0;
    let units = 0;
    for (let i = 0; i < WINDOW_DAYS; i++) {
      units += d.daily[i]!;
      if (d.stockOut[i] && d.daily[i] === 0) continue;
      n++;
      sum += d.daily[i]!;
      sumSq += d.daily[i]! * d.daily[i]!;
    }
    d.mean = n ? sum / n : 0;
    d.sd = n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * d.mean * d.mean) / (n - 1))) : 0;
    d.valueGrosze = units * (d.salePriceGrosze ?? 0);
    d.xyz = variabilityClass(d.daily);
    readPattern(d, weekdayOfFirst);
  }
  classifyAbc([...byProduct.values()]);
  const demand: Demand = { firstDay, today, byProduct };
  cache.set(sqlite, { key, demand });
  return demand;
}

const FLAT_WEEK = new Float64Array(7).fill(1);

/** 0 = Monday … 6 = Sunday, of a YYYY-MM-DD date. */
export function weekdayOf(isoDate: string): number {
  return (new Date(`${isoDate}T12:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * The product's weekday pattern, level and trend from its daily sales, leaving out the days that began
 * with an empty shelf (as the rate does). The pattern: each weekday's average day against the average
 * of all days, scaled so the seven average 1 (a week's total is kept). The level: the last four weeks'
 * units over the same days' weekday factors (a week sold mostly on Mondays and Tuesdays counts as an
 * ordinary week). The trend: that level against the four weeks before.
 */
function readPattern(d: ProductDemand, weekdayOfFirst: number): void {
  const sum = new Float64Array(7);
  const days = new Int32Array(7);
  let units = 0;
  for (let i = 0; i < WINDOW_DAYS; i++) {
    if (d.stockOut[i] && d.daily[i] === 0) continue;
    const wd = (weekdayOfFirst + i) % 7;
    sum[wd]! += d.daily[i]!;
    days[wd]!++;
    units += d.daily[i]!;
  }
  let factor = FLAT_WEEK;
  if (units >= WEEKDAY_MIN_UNITS && d.mean > 0 && days.every((n) => n > 0)) {
    const read = new Float64Array(7);
    for (let wd = 0; wd < 7; wd++) read[wd] = sum[wd]! / days[wd]! / d.mean;
    const average = read.reduce((a, b) => a + b, 0) / 7;
    for (let wd = 0; wd < 7; wd++) read[wd] = read[wd]! / average;
    // A weekday 20 % off the average day at least: a pattern; less is taken as chance.
    if (read.some((f) => Math.abs(f - 1) >= WEEKDAY_MIN_DIFFERENCE)) factor = read;
  }
  d.weekdayFactor = factor;
  const span = (from: number, to: number) => {
    let sold = 0;
    let weight = 0;
    let n = 0;
    for (let i = Math.max(0, from); i < to; i++) {
      if (d.stockOut[i] && d.daily[i] === 0) continue;
      sold += d.daily[i]!;
      weight += factor[(weekdayOfFirst + i) % 7]!;
      n++;
    }
    return { sold, level: weight > 0 ? sold / weight : 0, days: n };
  };
  const last = span(WINDOW_DAYS - TREND_DAYS, WINDOW_DAYS);
  const before = span(WINDOW_DAYS - 2 * TREND_DAYS, WINDOW_DAYS - TREND_DAYS);
  const enough = last.sold >= TREND_MIN_UNITS && before.sold >= TREND_MIN_UNITS && last.days >= TREND_MIN_DAYS && before.days >= TREND_MIN_DAYS && before.level > 0;
  // Too few sales for a trend: the level of the whole 13 weeks (the plain rate when there is no weekday pattern).
  d.level = enough ? last.level : span(0, WINDOW_DAYS).level;
  d.trend = enough ? Math.min(TREND_CLAMP[1], Math.max(TREND_CLAMP[0], last.level / before.level)) : 1;
}

/**
 * The expected sales of one day, k days after today (0 = today): the level, carried forward by the trend
 * from the middle of the last four weeks (the trend is the change over four weeks, applied per day as
 * a steady growth: × trend^((14 + k) / 28), kept within 0.5–2), times the day's weekday factor.
 */
export function expectedOn(d: ProductDemand, k: number, weekday: number): number {
  const growth = d.trend === 1 ? 1 : Math.min(TREND_CLAMP[1], Math.max(TREND_CLAMP[0], d.trend ** ((TREND_DAYS / 2 + k) / TREND_DAYS)));
  return d.level * growth * d.weekdayFactor[weekday]!;
}

/** Expected units over `days` days starting `fromK` days after today (0 = today). */
export function expectedUnits(d: ProductDemand, demand: Pick<Demand, 'today'>, fromK: number, days: number): number {
  const first = weekdayOf(demand.today);
  let units = 0;
  for (let k = fromK; k < fromK + days; k++) units += expectedOn(d, k, (((first + k) % 7) + 7) % 7);
  return units;
}

/** Whole days from today the position lasts at the expected sales (null when nothing is expected; at most `cap`). */
export function daysOfCover(d: ProductDemand, demand: Pick<Demand, 'today'>, position: number, cap = 365): number | null {
  if (d.level <= 0) return null;
  const first = weekdayOf(demand.today);
  let left = position;
  for (let k = 0; k < cap; k++) {
    left -= expectedOn(d, k, (first + k) % 7);
    if (left < 0) return k;
  }
  return cap;
}

/**
 * ABC by sales value: the products bringing the first 80 % of the value are A, the next 15 % B, the
 * rest (and products that sold nothing) C.
 */
function classifyAbc(all: ProductDemand[]): void {
  const selling = all.filter((d) => d.valueGrosze > 0).sort((a, b) => b.valueGrosze - a.valueGrosze || a.productId - b.productId);
  const total = selling.reduce((s, d) => s + d.valueGrosze, 0);
  let cumulative = 0;
  for (const d of selling) {
    // A product is placed by the share before it: the one that crosses 80 % is still A.
    d.abc = cumulative < 0.8 * total ? 'A' : cumulative < 0.95 * total ? 'B' : 'C';
    cumulative += d.valueGrosze;
  }
}

/**
 * XYZ by week-to-week variability of sales (coefficient of variation over the window's 13 weeks):
 * X up to 0.5 (steady), Y up to 1.0, Z above (erratic); null when nothing sold.
 */
export function variabilityClass(daily: Int32Array): 'X' | 'Y' | 'Z' | null {
  const weeks = Math.floor(daily.length / 7);
  const sums: number[] = [];
  for (let w = 0; w < weeks; w++) {
    let s = 0;
    for (let i = daily.length - (w + 1) * 7; i < daily.length - w * 7; i++) s += daily[i]!;
    sums.push(s);
  }
  const mean = sums.reduce((a, b) => a + b, 0) / Math.max(1, sums.length);
  if (mean === 0) return null;
  const sd = Math.sqrt(sums.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, sums.length - 1));
  const cv = sd / mean;
  return cv <= 0.5 ? 'X' : cv <= 1 ? 'Y' : 'Z';
}

/** The standard normal quantile (Acklam's rational approximation, error < 1.2e-9): z for a service level. */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** Units on order from suppliers and not received yet, per product. */
export function onOrderByProduct(sqlite: SqliteDatabase): Map<number, { units: number; expectedAt: string }[]> {
  const rows = prepared(
    sqlite,
    `SELECT l.product_id AS productId, l.quantity - l.received_quantity AS units, o.expected_at AS expectedAt
     FROM purchase_orders o JOIN purchase_order_lines l ON l.purchase_order_id = o.id
     WHERE o.status IN ('open','partly_received') AND l.quantity > l.received_quantity`,
  ).all() as Array<{ productId: number; units: number; expectedAt: string }>;
  const out = new Map<number, { units: number; expectedAt: string }[]>();
  for (const r of rows) {
    const list = out.get(r.productId) ?? [];
    list.push({ units: r.units, expectedAt: r.expectedAt });
    out.set(r.productId, list);
  }
  return out;
}
