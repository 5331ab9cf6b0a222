import { addWorkingDays, warsawDate } from './dispatch-promise';

/**
 * Calendar-day arithmetic in Warsaw for list filters: "bought from 1 to 3 June" means Warsaw days, while
 * the database stores UTC instants.
 */

const WARSAW_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', hour: '2-digit', hourCycle: 'h23' });

function warsawOffsetHoursAtNoon(isoDate: string): number {
  return Number(WARSAW_HOUR.format(new Date(`${isoDate}T12:00:00Z`))) - 12;
}

export function shiftDate(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 00:00 Warsaw time of a calendar day as a UTC ISO string. Clocks change at 02:00/03:00, so midnight has the previous day's offset. */
export function startOfWarsawDay(isoDate: string): string {
  const offset = warsawOffsetHoursAtNoon(shiftDate(isoDate, -1));
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - offset * 3_600_000).toISOString();
}

/**
 * For orders without a stored promise: they are overdue exactly when they became payable before the
 * returned instant. promisedDispatchBy is "end of the day N working days later", which never moves
 * backwards as the start moves forwards, so one boundary splits overdue from not overdue; we find the
 * first Warsaw day whose promise is today or later.
 */
export function overdueStartBoundary(now: Date, handlingTimeDays: number): string {
  const today = warsawDate(now);
  let day = today;
  // Each step back is one calendar day; handling time plus weekends and holidays bounds the loop.
  for (let i = 0; i < 400; i++) {
    const previous = shiftDate(day, -1);
    if (addWorkingDays(new Date(`${previous}T12:00:00Z`), handlingTimeDays) < today) break;
    day = previous;
  }
  return startOfWarsawDay(day);
}
