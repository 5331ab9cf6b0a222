import { useMemo } from 'react';
import { formatMoney } from '../../../shared/domain/money';
import { useLanguage, type Lang } from './i18n';
import { numberText } from './number-text';

const LOCALES: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB' };

/** Formatting in the user's language: money (integer grosze → "1 234,56 zł"), dates, numbers. */
export function useFormat() {
  const { lang } = useLanguage();
  return useMemo(() => {
    const locale = LOCALES[lang];
    const date = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });
    const dateTime = new Intl.DateTimeFormat(locale, {
      timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    return {
      locale,
      money: (minor: number, currency = 'PLN') => formatMoney(minor, currency, locale),
      date: (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : '—'),
      dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—'),
      /** A count or quantity: "19 225" (see number-text.ts; also what every `{n}` of a message prints). */
      number: (n: number) => numberText(n, lang),
    };
  }, [lang]);
}
