/** Today's calendar date in Poland (the shop's day), whatever the computer's time zone. */
function warsawToday(now: Date): { y: number; m: number } {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now)
    .split('-')
    .map(Number) as [number, number];
  return { y, m };
}

/** The month an accountant usually asks for: the previous one, as YYYY-MM. */
export function defaultMonth(now: Date = new Date()): string {
  const { y, m } = warsawToday(now);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The last day of the previous month, YYYY-MM-DD (month-end stock valuation). */
export function defaultValuationDate(now: Date = new Date()): string {
  const { y, m } = warsawToday(now);
  const last = new Date(Date.UTC(y, m - 1, 0));
  return last.toISOString().slice(0, 10);
}

export const isMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** The last `count` months up to the current one, newest first, as YYYY-MM (the month picker's choices). */
export function recentMonths(count: number, now: Date = new Date()): string[] {
  const { y, m } = warsawToday(now);
  const months: string[] = [];
  for (let i = 0; i < count; i++) {
    const total = y * 12 + (m - 1) - i;
    months.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** "październik 2026" / "October 2026" — a month in the user's language (not the browser's). */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}
