import type { Lang } from './i18n';

const LOCALES: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB' };
const formatters = new Map<Lang, Intl.NumberFormat>();

/**
 * A count or quantity as the reader writes it: "19 225" in Polish (a no-break space groups thousands
 * from five digits on, as Polish typography does: "1922", "19 225"), "19,225" in English; a fraction
 * with a decimal comma in Polish ("0,5"). The one place numbers become text (format.ts and every
 * `{n}` of a message go through it).
 */
export function numberText(n: number, lang: Lang): string {
  let f = formatters.get(lang);
  if (!f) formatters.set(lang, (f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 })));
  return f.format(n);
}

/** Placeholders that name a number which is not a count: ids, document and row numbers, years, codes. */
const NOT_A_COUNT = /(^id$|Id$|^ids$|number|^nr$|code|year|^row$|Row$|^line$|^page$)/i;

/** `{name}` filled with a number: grouped like a count unless the name says it is an identifier. */
export function placeholderNumber(name: string, value: number, lang: Lang): string {
  return NOT_A_COUNT.test(name) || !Number.isFinite(value) ? String(value) : numberText(value, lang);
}

/** The number a plural form agrees with, also when the caller passed it already formatted ("19 225", "0,5"). */
export function countOf(value: string | number): number {
  if (typeof value === 'number') return value;
  return Number(value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
}
