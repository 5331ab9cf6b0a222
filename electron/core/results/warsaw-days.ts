import { isWorkingDay } from '../orders/dispatch-promise';

/**
 * Fast Warsaw calendar arithmetic for many rows at once. The offset from UTC is constant within a UTC
 * hour (clocks change at 01:00 UTC), so it is looked up once per hour instead of formatting every
 * instant with Intl (the slow part when a million orders are summarised).
 */
const WARSAW_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', hour: '2-digit', day: '2-digit', hourCycle: 'h23' });
const offsetByUtcHour = new Map<number, number>();

function offsetMs(ms: number): number {
  const hourKey = Math.floor(ms / 3_600_000);
  let offset = offsetByUtcHour.get(hourKey);
  if (offset === undefined) {
    const at = new Date(hourKey * 3_600_000);
    const parts = WARSAW_HOUR.formatToParts(at);
    const hour = Number(parts.find((p) => p.type === 'hour')!.value);
    const day = Number(parts.find((p) => p.type === 'day')!.value);
    let diff = hour - at.getUTCHours();
    if (day !== at.getUTCDate()) diff += 24; // Warsaw is already on the next day (UTC 22:00/23:00)
    offset = ((diff + 24) % 24) * 3_600_000;
    if (offsetByUtcHour.size > 200_000) offsetByUtcHour.clear();
    offsetByUtcHour.set(hourKey, offset);
  }
  return offset;
}

/** The Warsaw calendar day (YYYY-MM-DD) of an ISO instant; null stays null. */
export function warsawDayOf(iso: string | null): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + offsetMs(ms)).toISOString().slice(0, 10);
}

/** Hour of the day (0–23) in Warsaw. */
export function warsawHourOf(iso: string): number {
  const ms = Date.parse(iso);
  return new Date(ms + offsetMs(ms)).getUTCHours();
}

/** Day of the week in Warsaw, 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): number {
  const d = new Date(`${day}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

const EPOCH = '2000-01-01';
/** ordinal[i] = number of working days before EPOCH + i, plus 1 when that day itself is one (filled on demand). */
const firstWorkingOnOrAfter: number[] = [];
let filledThrough = -1;
let workingSoFar = 0;

function fill(index: number): void {
  while (filledThrough < index) {
    filledThrough += 1;
    const day = addDays(EPOCH, filledThrough);
    // The ordinal of the first working day on or after `day` equals the working days strictly before it.
    firstWorkingOnOrAfter[filledThrough] = workingSoFar;
    if (isWorkingDay(day)) workingSoFar += 1;
  }
}

/**
 * The working-day number of the first working day on or after `day` (Polish holidays and weekends
 * skipped). `workingStart(b) - workingStart(a)` is how many working days separate them, which is the
 * smallest handling time N whose deadline (end of the N-th working day after `a`) is not before `b`.
 */
export function workingStart(day: string): number {
  const index = daysBetween(EPOCH, day);
  if (index < 0) return 0;
  fill(index);
  return firstWorkingOnOrAfter[index]!;
}
