/**
 * The period Wyniki shows: a week (Monday–Sunday), a calendar month, or any days the owner types.
 * Days are Warsaw calendar days (YYYY-MM-DD), `to` included. The core compares it with the period of
 * the same length just before.
 */
export interface ResultsPeriodChoice {
  kind: 'week' | 'month' | 'custom';
  from: string;
  to: string;
}

const WARSAW_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayInWarsaw(now: Date = new Date()): string {
  return WARSAW_DAY.format(now);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function weekday(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

/** The week (Monday–Sunday) or month containing `day`; custom keeps what it was given. */
export function periodContaining(kind: 'week' | 'month', day: string): ResultsPeriodChoice {
  if (kind === 'week') {
    const from = addDays(day, -((weekday(day) + 6) % 7));
    return { kind, from, to: addDays(from, 6) };
  }
  const from = `${day.slice(0, 7)}-01`;
  const [y, m] = from.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { kind, from, to: addDays(next, -1) };
}

/** One period back or forward: a week, a month, or (custom) the same number of days. */
export function stepPeriod(period: ResultsPeriodChoice, direction: -1 | 1): ResultsPeriodChoice {
  if (period.kind === 'custom') {
    const days = Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
    return { kind: 'custom', from: addDays(period.from, days * direction), to: addDays(period.to, days * direction) };
  }
  if (period.kind === 'week') return periodContaining('week', addDays(period.from, 7 * direction));
  return periodContaining('month', direction < 0 ? addDays(period.from, -1) : addDays(period.to, 1));
}
