import { expectedOn, weekdayOf, type Demand, type ProductDemand } from '../planning/demand';

/**
 * A campaign ahead (planned or running) as the stock check sees it: its days as offsets from today
 * (0 = today; a running one's first day may be negative) and, per product, the units a day it plans.
 */
export interface PlanAhead {
  id: number;
  name: string;
  fromK: number;
  toK: number;
  rate: Map<number, number>;
}

/** Deliveries from suppliers not received yet: units and the expected day (YYYY-MM-DD). */
export type Deliveries = ReadonlyArray<{ units: number; expectedAt: string }>;

export interface StockCheck {
  /** Units expected on the shelf on the first day checked (whole units, rounded down). */
  stockAtStart: number;
  /** Units the checked days are expected to sell, rounded up. */
  needed: number;
  /** Days checked the stock covers (their number + 1 when it covers all of them and one more such day). */
  daysOfCover: number;
  /** The other campaigns whose planned sales were counted (before the first day checked, or on a shared day). */
  counted: number[];
}

/**
 * The product's expected sales on day k. A day under one or more campaigns sells the largest of their
 * planned daily units — not their sum: two promotions on the same day bring the same buyers once, and
 * a campaign's plan already includes the product's normal sales. Other days: the normal expected sales.
 */
export function dayDemand(d: ProductDemand, firstWeekday: number, plans: readonly PlanAhead[], k: number, seen?: Set<number>): number {
  let best = -1;
  for (const p of plans) {
    if (k < p.fromK || k > p.toK) continue;
    const r = p.rate.get(d.productId);
    if (r === undefined) continue;
    seen?.add(p.id);
    if (r > best) best = r;
  }
  return best >= 0 ? best : expectedOn(d, k, (((firstWeekday + k) % 7) + 7) % 7);
}

/**
 * A campaign's stock check for one product, day by day from today: the free stock now, plus each
 * delivery on its expected day (overdue ones today), less each day's expected sales (dayDemand: the
 * normal sales, or the campaigns running that day) — a day sells at most what is on the shelf, so a
 * shortage of an earlier campaign is lost sales, not a debt of the next one — up to the first day
 * checked (fromK); then what days fromK..toK need and how many of them the stock covers.
 */
export function checkStock(d: ProductDemand, demand: Pick<Demand, 'today'>, plans: readonly PlanAhead[], own: PlanAhead, deliveries: Deliveries, fromK: number, toK: number): StockCheck {
  const first = weekdayOf(demand.today);
  const seen = new Set<number>();
  const arriving = (k: number) => deliveries.reduce((s, o) => s + (Math.max(0, daysFrom(demand.today, o.expectedAt)) === k ? o.units : 0), 0);
  let position = d.onHand - d.reserved;
  for (let k = 0; k < fromK; k++) {
    position += arriving(k);
    position -= Math.min(Math.max(0, position), dayDemand(d, first, plans, k, seen));
  }
  position += arriving(Math.max(0, fromK));
  const stockAtStart = Math.floor(position + 1e-9);
  let needed = 0;
  let left = Math.max(0, stockAtStart);
  let cover = 0;
  let covering = true;
  let last = 0;
  for (let k = fromK; k <= toK; k++) {
    last = dayDemand(d, first, plans, k, seen);
    needed += last;
    if (covering && last <= left + 1e-9) {
      left -= last;
      cover++;
    } else covering = false;
  }
  // Covered to the end with a day like the last to spare: "more than the campaign" (as the rate alone said).
  if (covering && last <= left + 1e-9) cover++;
  seen.delete(own.id);
  return { stockAtStart, needed: Math.ceil(needed - 1e-9), daysOfCover: cover, counted: [...seen].sort((a, b) => a - b) };
}

function daysFrom(today: string, isoDate: string): number {
  return Math.round((Date.parse(`${isoDate.slice(0, 10)}T12:00:00Z`) - Date.parse(`${today}T12:00:00Z`)) / 86_400_000);
}
