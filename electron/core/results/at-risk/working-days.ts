import { endOfWarsawDay, isWorkingDay, warsawDate } from '../../orders/dispatch-promise';

/** The next calendar date (YYYY-MM-DD). */
export function nextDate(iso: string): string {
  return new Date(Date.parse(`${iso}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function previousDate(iso: string): string {
  return new Date(Date.parse(`${iso}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The instant a Warsaw calendar day starts (midnight, as UTC ISO): one second after the previous day ends. */
export function startOfWarsawDay(iso: string): string {
  return new Date(Date.parse(endOfWarsawDay(previousDate(iso))) + 1000).toISOString();
}

/** Calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let d = from; d <= to; d = nextDate(d)) if (isWorkingDay(d)) count++;
  return count;
}

/** The last `n` working days before `today` (not including it), oldest first. */
export function workingDaysBefore(today: string, n: number): string[] {
  const days: string[] = [];
  for (let d = previousDate(today); days.length < n; d = previousDate(d)) if (isWorkingDay(d)) days.unshift(d);
  return days;
}

export { isWorkingDay, warsawDate };

const dayOfHour = new Map<string, string>();

/**
 * The Warsaw calendar date of an ISO instant, cached by its UTC hour: Warsaw's offset changes only on
 * whole UTC hours, so every instant of one hour falls on the same date. Lists of thousands of
 * deadlines share a few hundred hours; formatting each with Intl is the slow part.
 */
export function warsawDayOf(iso: string): string {
  const hour = iso.slice(0, 13);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    day = warsawDate(new Date(`${hour}:00:00Z`));
    if (dayOfHour.size > 50_000) dayOfHour.clear();
    dayOfHour.set(hour, day);
  }
  return day;
}
