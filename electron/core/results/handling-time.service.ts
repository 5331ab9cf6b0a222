import type { Core } from '../create-core';
import { handlingTimeDays } from '../packing/handling-time';
import { refreshResults } from './results.service';
import { percentile, rate } from './percentiles';
import { addDays, warsawDayOf, warsawHourOf, weekdayOf } from './warsaw-days';
import { isWorkingDay } from '../orders/dispatch-promise';

/**
 * The handling time ("czas wysyłki" on Allegro) the shop can keep, measured: for every order shipped in
 * the last 90 days, the working days from payment (purchase, for cash on delivery) to the parcel leaving
 * — 0 when it left the same working day, weekends and Polish holidays not counted, exactly as the
 * deadline of a declared handling time is counted (orders/dispatch-promise.ts). An option of N days
 * would have been kept by every order that needed N or fewer.
 */

export const WINDOW_DAYS = 90;
/** The share of orders the recommended handling time must be kept for. */
export const TARGET_SHARE = 0.95;

export interface HandlingTimeAnswer {
  windowFrom: string;
  windowTo: string;
  /** Orders shipped in the window (the base of every share below). */
  orders: number;
  /** The handling time the shop declares today (Ustawienia). */
  currentDays: number;
  /** The shortest handling time kept for at least 95 % of the orders; null without shipped orders. */
  recommendedDays: number | null;
  /** Orders by working days needed (0, 1, 2 …). */
  distribution: Array<{ days: number; orders: number }>;
  /** For 0 … max(5, today's, the longest needed up to 10) days: the share of orders that would have been on time. */
  options: Array<{ days: number; onTimeRate: number | null; lateOrders: number }>;
  /** By the weekday the order was paid on (1 = Monday): orders and the days kept for 95 % of them. */
  byWeekday: Array<{ weekday: number; orders: number; days95: number | null }>;
  /** By the hour (Warsaw) an order was paid on a working day: how many left that same working day. */
  byHour: Array<{ hour: number; orders: number; sameDay: number; sameDayRate: number | null }>;
  /**
   * The latest full hour H such that of the orders paid on working days before H:00, at least 95 % left
   * the same day (null when not even morning orders do): the cut-off the shop keeps.
   */
  cutoffHour: number | null;
  /** Orders not yet summarised (first open of a big shop): the figures are partial. */
  pendingOrders: number;
}

interface Row {
  boughtAt: string;
  paidAt: string | null;
  shippedAt: string;
  needed: number;
}

export function handlingTimeAdvice(core: Core, settings: { budgetMs?: number } = {}): HandlingTimeAnswer {
  const { pendingOrders } = refreshResults(core, settings.budgetMs);
  const today = warsawDayOf(core.now().toISOString())!;
  const windowFrom = addDays(today, -(WINDOW_DAYS - 1));
  const rows = core.sqlite
    .prepare(
      `SELECT bought_at AS boughtAt, paid_at AS paidAt, shipped_at AS shippedAt, paid_wd_needed AS needed
       FROM results_orders WHERE ship_day BETWEEN ? AND ? AND cancelled = 0 AND paid_wd_needed IS NOT NULL`,
    )
    .all(windowFrom, today) as Row[];
  const currentDays = handlingTimeDays(core.sqlite);
  const needed = rows.map((r) => r.needed);
  const longest = needed.reduce((m, v) => Math.max(m, v), 0);
  const counts = new Map<number, number>();
  for (const v of needed) counts.set(v, (counts.get(v) ?? 0) + 1);
  const distribution = [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([days, orders]) => ({ days, orders }));
  const maxOption = Math.max(5, currentDays, Math.min(longest, 10));
  const options: HandlingTimeAnswer['options'] = [];
  for (let days = 0; days <= maxOption; days++) {
    const kept = needed.filter((v) => v <= days).length;
    options.push({ days, onTimeRate: rate(kept, needed.length), lateOrders: needed.length - kept });
  }
  const recommendedDays = percentile(needed, TARGET_SHARE);
  const weekdays = new Map<number, number[]>();
  const hours = new Map<number, { orders: number; sameDay: number }>();
  for (const r of rows) {
    const start = r.paidAt && r.paidAt <= r.shippedAt ? r.paidAt : r.boughtAt;
    const day = warsawDayOf(start)!;
    const list = weekdays.get(weekdayOf(day)) ?? [];
    list.push(r.needed);
    weekdays.set(weekdayOf(day), list);
    if (isWorkingDay(day)) {
      const hour = warsawHourOf(start);
      const h = hours.get(hour) ?? { orders: 0, sameDay: 0 };
      h.orders += 1;
      if (r.needed === 0) h.sameDay += 1;
      hours.set(hour, h);
    }
  }
  const byHour = [...hours.entries()].sort((a, b) => a[0] - b[0]).map(([hour, h]) => ({ hour, ...h, sameDayRate: rate(h.sameDay, h.orders) }));
  // Cumulative: orders paid before H:00 (on working days) that left the same day.
  let cutoffHour: number | null = null;
  let cumOrders = 0;
  let cumSame = 0;
  for (let hour = 0; hour <= 24; hour++) {
    if (cumOrders > 0 && cumSame / cumOrders >= TARGET_SHARE) cutoffHour = hour;
    const h = hours.get(hour);
    if (h) {
      cumOrders += h.orders;
      cumSame += h.sameDay;
    }
  }
  return {
    windowFrom,
    windowTo: today,
    orders: rows.length,
    currentDays,
    recommendedDays,
    distribution,
    options,
    byWeekday: [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
      const list = weekdays.get(weekday) ?? [];
      return { weekday, orders: list.length, days95: percentile(list, TARGET_SHARE) };
    }),
    byHour,
    cutoffHour: cutoffHour !== null && cutoffHour > 23 ? 24 : cutoffHour,
    pendingOrders,
  };
}
