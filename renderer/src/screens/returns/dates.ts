/** Calendar days as the date fields show them (Warsaw), and back to the instants the core takes. */

const warsawDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayInWarsaw(now: Date = new Date()): string {
  return warsawDay.format(now);
}

/**
 * The instant to send for a day picked in a date field: nothing for today (the core uses "now", which
 * is never in the future), else noon UTC of that day — the same Warsaw calendar day in winter and
 * summer, which is all the 14-day deadlines look at.
 */
export function dayToInstant(day: string, now: Date = new Date()): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day === todayInWarsaw(now)) return undefined;
  return `${day}T12:00:00.000Z`;
}
