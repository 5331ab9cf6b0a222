/**
 * Fast Warsaw-time arithmetic for the generator. Intl is exact but slow (tens of microseconds per
 * formatter), and a million orders need several conversions each, so the UTC offset and the working-day
 * flag are computed once per calendar day and cached.
 */
import { endOfWarsawDay, isWorkingDay } from '../orders/dispatch-promise';
import { shiftDate } from '../orders/warsaw-day';

const HOUR_MS = 3_600_000;

export interface WarsawDay {
  /** YYYY-MM-DD in Warsaw. */
  date: string;
  /** Midnight in Warsaw as UTC milliseconds. */
  startMs: number;
  /** Hours ahead of UTC at noon that day (1 in winter, 2 in summer). */
  offsetHours: number;
  working: boolean;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const offsetFormatter = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', hour: '2-digit', hourCycle: 'h23' });
const dayCache = new Map<string, WarsawDay>();

function dayOf(date: string): WarsawDay {
  let day = dayCache.get(date);
  if (day) return day;
  const noonUtc = Date.parse(`${date}T12:00:00Z`);
  const offsetHours = Number(offsetFormatter.format(new Date(noonUtc))) - 12;
  day = {
    date,
    startMs: noonUtc - 12 * HOUR_MS - offsetHours * HOUR_MS,
    offsetHours,
    working: isWorkingDay(date),
    weekday: new Date(noonUtc).getUTCDay(),
  };
  dayCache.set(date, day);
  return day;
}

/** The Warsaw day containing an instant (cached by UTC hour: Warsaw's offset is whole hours). */
const hourCache = new Map<number, WarsawDay>();
export function warsawDayAt(ms: number): WarsawDay {
  const hour = Math.floor(ms / HOUR_MS);
  let day = hourCache.get(hour);
  if (day) return day;
  // Guess the date at UTC+1, then correct with that day's own start.
  day = dayOf(new Date(ms + HOUR_MS).toISOString().slice(0, 10));
  if (ms < day.startMs) day = dayOf(shiftDate(day.date, -1));
  else if (ms >= nextDay(day).startMs) day = nextDay(day);
  hourCache.set(hour, day);
  return day;
}

export { shiftDate };

const nextCache = new Map<WarsawDay, WarsawDay>();
export function nextDay(day: WarsawDay): WarsawDay {
  let next = nextCache.get(day);
  if (!next) nextCache.set(day, (next = dayOf(shiftDate(day.date, 1))));
  return next;
}

export function warsawDay(date: string): WarsawDay {
  return dayOf(date);
}

/** The first working day on or after `day`. */
export function workingDayFrom(day: WarsawDay): WarsawDay {
  let d = day;
  while (!d.working) d = nextDay(d);
  return d;
}

/** `count` working days after `day` (0: the first working day on or after it). */
export function addWorkingDaysTo(day: WarsawDay, count: number): WarsawDay {
  let d = workingDayFrom(day);
  for (let left = count; left > 0; ) {
    d = nextDay(d);
    if (d.working) left--;
  }
  return d;
}

/** A local Warsaw time (hour, minute) on a day, as UTC milliseconds. */
export function atLocal(day: WarsawDay, hour: number, minute: number, second = 0): number {
  return day.startMs + hour * HOUR_MS + minute * 60_000 + second * 1000;
}

/** 23:59:59 Warsaw on that day, as the orders module computes it (kept identical on purpose). */
const endCache = new Map<string, string>();
export function endOfDayIso(day: WarsawDay): string {
  let iso = endCache.get(day.date);
  if (!iso) endCache.set(day.date, (iso = endOfWarsawDay(day.date)));
  return iso;
}
