/**
 * When the demo's orders were bought: N purchase times over the last six months, ending at the core's
 * clock, shaped like a real shop's traffic (evenings and Sundays busy, nights quiet, a spring garden
 * peak, steady growth). Produced one day at a time, so a million orders never sit in memory at once.
 */
import type { Prng } from './prng';
import { nextDay, warsawDayAt, type WarsawDay } from './warsaw-calendar';

const HOUR_MS = 3_600_000;
/** Orders by hour of the Warsaw day. */
const HOUR_WEIGHTS = [2, 1, 0.6, 0.4, 0.4, 0.6, 1.5, 3, 4.5, 5.5, 6, 6.5, 7, 6.5, 6, 6, 6.5, 7, 8, 9, 9.5, 8.5, 6, 4];
/** Sunday … Saturday. */
const WEEKDAY_WEIGHTS = [1.25, 1.1, 1, 1, 1, 0.9, 0.8];
/** January … December: home and garden goods sell most in spring and before Christmas. */
const MONTH_WEIGHTS = [0.8, 0.85, 1.05, 1.3, 1.35, 1.15, 1, 0.95, 0.95, 0.95, 1.1, 1.3];

export interface DayPlan {
  day: WarsawDay;
  count: number;
}

/** How many orders fall on each day of [start, end], summing exactly to `total`. */
export function planDays(startMs: number, endMs: number, total: number, boost: (day: WarsawDay) => number): DayPlan[] {
  const days: Array<{ day: WarsawDay; weight: number }> = [];
  for (let day = warsawDayAt(startMs); day.startMs <= endMs; day = nextDay(day)) {
    const from = Math.max(day.startMs, startMs);
    const to = Math.min(day.startMs + 24 * HOUR_MS, endMs);
    if (to <= from) continue;
    let hours = 0;
    for (let h = 0; h < 24; h++) {
      const hFrom = day.startMs + h * HOUR_MS;
      const overlap = Math.max(0, Math.min(hFrom + HOUR_MS, to) - Math.max(hFrom, from)) / HOUR_MS;
      hours += overlap * HOUR_WEIGHTS[h]!;
    }
    const month = Number(day.date.slice(5, 7)) - 1;
    const progress = (day.startMs - startMs) / Math.max(1, endMs - startMs);
    const weight = hours * WEEKDAY_WEIGHTS[day.weekday]! * MONTH_WEIGHTS[month]! * (0.85 + 0.3 * progress) * boost(day);
    days.push({ day, weight });
  }
  const sum = days.reduce((a, d) => a + d.weight, 0);
  // Largest remainder: integer counts that add up to exactly `total`.
  const exact = days.map((d) => (d.weight / sum) * total);
  const counts = exact.map(Math.floor);
  let missing = total - counts.reduce((a, c) => a + c, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; missing > 0; k = (k + 1) % byRemainder.length, missing--) {
    const at = byRemainder[k]![1];
    counts[at] = counts[at]! + 1;
  }
  return days.map((d, i) => ({ day: d.day, count: counts[i]! }));
}

/** `count` sorted purchase times within the day, inside [startMs, endMs]. */
export function timesOfDay(rng: Prng, plan: DayPlan, startMs: number, endMs: number): number[] {
  const times: number[] = [];
  let total = 0;
  for (const w of HOUR_WEIGHTS) total += w;
  while (times.length < plan.count) {
    let r = rng.next() * total;
    let hour = 0;
    while (hour < 23 && (r -= HOUR_WEIGHTS[hour]!) >= 0) hour++;
    const t = plan.day.startMs + hour * HOUR_MS + Math.floor(rng.next() * HOUR_MS);
    if (t >= startMs && t <= endMs) times.push(t);
  }
  return times.sort((a, b) => a - b);
}
