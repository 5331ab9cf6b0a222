/**
 * One formatter for the whole process: constructing an Intl.DateTimeFormat costs far more than using
 * one, and a month of a busy shop asks for tens of thousands of dates.
 */
const WARSAW_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Calendar date (YYYY-MM-DD) of an instant in Warsaw. */
export function warsawDay(at: Date): string {
  return WARSAW_DAY.format(at);
}

/** A calendar month `YYYY-MM` in Warsaw time: the accountant's period. */
export interface MonthPeriod {
  month: string;
  /** First and last calendar day, YYYY-MM-DD. */
  firstDay: string;
  lastDay: string;
  /**
   * A UTC text window comfortably wider than the month (two days each side) for the SQL pre-filter on
   * ISO timestamps; rows are then kept by their Warsaw calendar date, so an order bought at 00:30 on
   * 1 November Warsaw time (23:30 UTC on 31 October) lands in November.
   */
  sqlFrom: string;
  sqlTo: string;
}

export function monthPeriod(month: string): MonthPeriod {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new RangeError(`Expected a month as YYYY-MM, got ${JSON.stringify(month)}`);
  const year = Number(match[1]);
  const m = Number(match[2]);
  const lastDate = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const shift = (y: number, mo: number, d: number) => new Date(Date.UTC(y, mo - 1, d)).toISOString().slice(0, 10);
  return {
    month,
    firstDay: `${month}-01`,
    lastDay: `${month}-${String(lastDate).padStart(2, '0')}`,
    sqlFrom: shift(year, m, -1),
    sqlTo: shift(year, m + 1, 3),
  };
}

/** The Warsaw calendar date of an ISO timestamp (null stays null). */
const dayOfHour = new Map<string, string>();

export function localDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  // Warsaw's offset from UTC is a whole number of hours, so the calendar day depends only on the UTC
  // date and hour: remember it per hour instead of asking Intl for every one of a month's timestamps.
  const hourKey = /^\d{4}-\d{2}-\d{2}T\d{2}/.test(iso) && iso.endsWith('Z') ? iso.slice(0, 13) : null;
  const known = hourKey === null ? undefined : dayOfHour.get(hourKey);
  if (known !== undefined) return known;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const day = WARSAW_DAY.format(ms);
  if (hourKey !== null) {
    if (dayOfHour.size > 50_000) dayOfHour.clear();
    dayOfHour.set(hourKey, day);
  }
  return day;
}

export function inPeriod(day: string | null, period: MonthPeriod): boolean {
  return day !== null && day >= period.firstDay && day <= period.lastDay;
}

/** The previous calendar month of a date, as YYYY-MM (the Reports screen's default). */
export function previousMonth(today: Date): string {
  const [y, m] = warsawDay(today).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
