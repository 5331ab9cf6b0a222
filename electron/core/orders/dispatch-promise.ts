/**
 * When an order must leave the shop. Allegro gives a dispatch window for many orders
 * (`delivery.time.dispatch.to`); otherwise the shop's declared handling time applies: N working days
 * after purchase (payment, for prepaid orders), skipping weekends and Polish public holidays, with the
 * deadline at the end of that day (Europe/Warsaw, 23:59:59 — stored as UTC).
 */

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm: integer arithmetic only. */
function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const holidayCache = new Map<number, Set<string>>();

/** Polish statutory days off (ustawa o dniach wolnych od pracy), including 24 December from 2025. */
export function polishHolidays(year: number): Set<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const iso = (m: number, d: number) => `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const days = new Set([iso(1, 1), iso(1, 6), iso(5, 1), iso(5, 3), iso(8, 15), iso(11, 1), iso(11, 11), iso(12, 25), iso(12, 26)]);
  if (year >= 2025) days.add(iso(12, 24));
  const easter = easterSunday(year);
  const base = Date.UTC(year, easter.month - 1, easter.day);
  for (const offset of [0, 1, 49, 60]) {
    // Easter Sunday, Easter Monday, Pentecost Sunday, Corpus Christi.
    days.add(new Date(base + offset * 86_400_000).toISOString().slice(0, 10));
  }
  holidayCache.set(year, days);
  return days;
}

// Built once: constructing an Intl.DateTimeFormat costs ~0.1 ms, and order lists compute promises per row.
const WARSAW_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });
const WARSAW_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', hour: '2-digit', hourCycle: 'h23' });

const HOUR_MS = 3_600_000;
/** From 1970 on Warsaw is a whole number of hours off UTC and changes it on whole UTC hours (before 1915 it was +1:24). */
const WHOLE_HOUR_OFFSETS_FROM = 0;

/**
 * Warsaw's date for each UTC hour already asked about. Every instant of one UTC hour has the same
 * Warsaw date (whole-hour offset, switched on the hour), so an import of 100k orders formats with Intl
 * once per hour of the orders' span (a few thousand times) instead of once per order.
 */
const dateOfHour = new Map<number, string>();

/** Calendar date (YYYY-MM-DD) of an instant in Warsaw. */
export function warsawDate(at: Date): string {
  const ms = at.getTime();
  if (!(ms >= WHOLE_HOUR_OFFSETS_FROM)) return WARSAW_DATE.format(at);
  const hour = Math.floor(ms / HOUR_MS);
  let date = dateOfHour.get(hour);
  if (date === undefined) {
    date = WARSAW_DATE.format(new Date(hour * HOUR_MS));
    // Ten years of hours is ~88k entries; the bound only guards a long-running app against growth.
    if (dateOfHour.size > 100_000) dateOfHour.clear();
    dateOfHour.set(hour, date);
  }
  return date;
}

export function isWorkingDay(isoDate: string): boolean {
  const date = new Date(`${isoDate}T12:00:00Z`);
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !polishHolidays(date.getUTCFullYear()).has(isoDate);
}

/** The Warsaw calendar date `days` working days after `from` (0 = the same day if it is a working day, else the next). */
export function addWorkingDays(from: Date, days: number): string {
  const start = warsawDate(from);
  const key = `${start}|${days}`;
  let due = dueDateCache.get(key);
  if (due === undefined) {
    due = workingDaysAfter(start, days);
    if (dueDateCache.size > 20_000) dueDateCache.clear();
    dueDateCache.set(key, due);
  }
  return due;
}

/** Orders of one day share their due date: the day-by-day walk over weekends and holidays runs once per (day, days). */
const dueDateCache = new Map<string, string>();

function workingDaysAfter(startDate: string, days: number): string {
  let current = startDate;
  const step = (iso: string) => new Date(Date.parse(`${iso}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  while (!isWorkingDay(current)) current = step(current);
  let remaining = days;
  while (remaining > 0) {
    current = step(current);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/** 23:59:59 Warsaw time on a calendar date, as a UTC ISO string. */
export function endOfWarsawDay(isoDate: string): string {
  let end = endOfDayCache.get(isoDate);
  if (end === undefined) {
    // Warsaw is UTC+1 in winter, UTC+2 in summer: find which by formatting noon of that day.
    const noon = new Date(`${isoDate}T12:00:00Z`);
    const hourInWarsaw = Number(WARSAW_HOUR.format(noon));
    const offsetHours = hourInWarsaw - 12;
    end = new Date(Date.parse(`${isoDate}T23:59:59Z`) - offsetHours * 3_600_000).toISOString();
    // Years of days fit easily; the bound only guards against a caller passing junk forever.
    if (endOfDayCache.size > 20_000) endOfDayCache.clear();
    endOfDayCache.set(isoDate, end);
  }
  return end;
}

/** An import computes the same few hundred deadlines for 100k orders; Intl formatting is the slow part. */
const endOfDayCache = new Map<string, string>();

/**
 * The promised dispatch deadline of an order: Allegro's dispatch window end when it gave one, else
 * the end of the working day `handlingTimeDays` after the order became payable.
 */
export function promisedDispatchBy(input: { allegroDispatchTo?: string | null; startedAt: string; handlingTimeDays: number }): string {
  if (input.allegroDispatchTo) return new Date(input.allegroDispatchTo).toISOString();
  return endOfWarsawDay(addWorkingDays(new Date(input.startedAt), input.handlingTimeDays));
}

/** Overdue: still not shipped (or cancelled) after the promised deadline. */
export function isOverdue(order: { status: string; dispatchBy: string | null }, now: Date): boolean {
  if (!order.dispatchBy) return false;
  if (['shipped', 'delivered', 'cancelled'].includes(order.status)) return false;
  return Date.parse(order.dispatchBy) < now.getTime();
}
