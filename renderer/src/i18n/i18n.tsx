import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { countOf, placeholderNumber } from './number-text';

/**
 * Translations without a library: each area keeps its own messages beside its code
 * (`defineMessages(pl, en)` in `<area>.messages.ts`), Polish first. The English table must have exactly
 * the Polish keys — a missing translation is a compile error, so English never leaks into Polish or
 * the other way round. Placeholders: `{name}`.
 */
export const LANGUAGES = ['pl', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export type Messages = Record<string, string>;
export interface MessageSet<T extends Messages> {
  pl: T;
  en: { [K in keyof T]: string };
}

export function defineMessages<T extends Messages>(pl: T, en: { [K in keyof T]: string }): MessageSet<T> {
  return { pl, en };
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Picks the grammatical form for a count. Forms are listed Polish-style, one|few|many
 * ("produkt|produkty|produktów": 1 produkt, 2 produkty, 5 produktów, 22 produkty), or English-style
 * one|other ("product|products"). Fractions use the last form.
 */
export function pluralForm(n: number, forms: string[], lang: Lang): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang === 'pl' ? 'pl-PL' : 'en-GB')));
  const category = rules.select(n);
  const index = forms.length >= 3 ? { one: 0, few: 1, many: 2 }[category as 'one' | 'few' | 'many'] ?? forms.length - 1 : category === 'one' ? 0 : 1;
  return forms[Math.min(index, forms.length - 1)] ?? '';
}

/**
 * Fills `{name}` placeholders; `{name:form|form|form}` prints the form that agrees with the number
 * (without the number itself: write `{n} {n:produkt|produkty|produktów}`). A number is written as the
 * reader's language writes counts ("19 225", "0,5"; number-text.ts) unless the placeholder names an
 * identifier (`{id}`, `{number}`, `{row}`…).
 */
export function interpolate(template: string, vars?: Record<string, string | number>, lang: Lang = 'pl'): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)(?::([^}]*))?\}/g, (whole, name: string, forms?: string) => {
    if (!(name in vars)) return whole;
    const value = vars[name]!;
    if (forms === undefined) return typeof value === 'number' ? placeholderNumber(name, value, lang) : String(value);
    return pluralForm(countOf(value), forms.split('|'), lang);
  });
}

interface LanguageState {
  lang: Lang;
  setLang(lang: Lang): void;
}

const STORAGE_KEY = 'zaplecze.lang';
const LanguageContext = createContext<LanguageState>({ lang: 'pl', setLang: () => {} });

function initialLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === 'pl' || stored === 'en') return stored;
  } catch {
    // Storage may be unavailable (tests, privacy settings): Polish by default.
  }
  return 'pl';
}

export function LanguageProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(fixed ?? initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted; still switches for this session
    }
  }, []);
  // <html lang> follows the language (screen readers, spell-checking, hyphenation), also at start.
  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

/** `const t = useT(stockMessages); t('title')`, `t('rowsSelected', { n: 3 })`. */
export function useT<T extends Messages>(set: MessageSet<T>): (key: keyof T & string, vars?: Record<string, string | number>) => string {
  const { lang } = useLanguage();
  return useCallback((key, vars) => interpolate((set[lang] as Messages)[key] ?? (set.pl as Messages)[key] ?? key, vars, lang), [lang, set]);
}
