import { warsawDay } from '../export/period';

/** "15.06.2026": a Warsaw calendar date the Polish way. */
export function plDate(iso: string | Date): string {
  const [y, m, d] = warsawDay(typeof iso === 'string' ? new Date(iso) : iso).split('-');
  return `${d}.${m}.${y}`;
}

/** "15.06.2026, 14:05" in Warsaw time. */
const WARSAW_TIME = new Intl.DateTimeFormat('pl-PL', { timeZone: 'Europe/Warsaw', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function plDateTime(at: Date): string {
  const time = WARSAW_TIME.format(at);
  return `${plDate(at)}, ${time}`;
}

export function chunk<T>(items: readonly T[], first: number, rest: number): T[][] {
  const pages: T[][] = [items.slice(0, first)];
  for (let i = first; i < items.length; i += rest) pages.push(items.slice(i, i + rest));
  return pages;
}
