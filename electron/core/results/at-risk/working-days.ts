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
