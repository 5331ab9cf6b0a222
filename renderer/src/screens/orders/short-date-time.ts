import { useMemo } from 'react';
import { useFormat } from '../../i18n/format';

/**
 * A date and time for a dense list: "08.12, 23:59" within the current year (Warsaw time), the full
 * "08.12.2025, 23:59" otherwise; "—" for none. The detail panel keeps the full form.
 */
export function useShortDateTime(now: () => Date = () => new Date()): (iso: string | null | undefined) => string {
  const format = useFormat();
  return useMemo(() => {
    const short = new Intl.DateTimeFormat(format.locale, { timeZone: 'Europe/Warsaw', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Warsaw', year: 'numeric' });
    const thisYear = year.format(now());
    return (iso) => {
      if (!iso) return '—';
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return '—';
      return year.format(date) === thisYear ? short.format(date) : format.dateTime(iso);
    };
    // `now` is read once per language change; a list open across New Year's Eve keeps the old year's rule.
  }, [format]);
}
