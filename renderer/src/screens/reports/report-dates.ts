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
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

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

/** "31.10.2026" → "2026-10-31"; ISO text passes through; anything else → null. */
export function parseDayInput(text: string): string | null {
  const t = text.trim();
  const pl = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = pl ? `${pl[3]}-${pl[2]!.padStart(2, '0')}-${pl[1]!.padStart(2, '0')}` : t;
  return isDay(iso) ? iso : null;
}

/** "2026-10-31" → "31.10.2026" (how a Polish user writes a date). */
export function dayInputText(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
