import { z } from 'zod';

/*
 * Input fields of the contract with limits and messages a shop owner reads. Every message is a sentence in
 * Polish and English: it travels in the issue's `params.text` and reaches the screens through
 * `invalid_input` details (`text`, see issue-text.ts), so no zod wording like "Too big: expected string…"
 * is ever shown. Free text is normalised to NFC and refused when it holds NUL or other control characters
 * (tab and line breaks only where the field is multi-line) or a lone surrogate (half of an emoji).
 */

export interface IssueText {
  pl: string;
  en: string;
}

/** A field's name in both languages, put before the message ("Nazwa: najwyżej 300 znaków."). */
export type FieldLabel = IssueText;

/** 1000000 → "1 000 000" (no-break spaces, as Polish writes it). */
export function groupDigits(n: number): string {
  const sign = n < 0 ? '−' : '';
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

/** Polish plural: 1 znak, 2 znaki, 5 znaków (12–14 are "many"). */
export function plural(n: number, one: string, few: string, many: string): string {
  const abs = Math.abs(n);
  if (abs === 1) return one;
  const tens = abs % 100;
  const units = abs % 10;
  return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? few : many;
}

function withLabel(label: FieldLabel | undefined, text: IssueText): IssueText {
  if (!label) return text;
  const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  return { pl: `${label.pl}: ${lower(text.pl)}`, en: `${label.en}: ${lower(text.en)}` };
}

/** Adds an issue that carries its sentence in both languages. */
function refuse(ctx: z.RefinementCtx, text: IssueText): void {
  ctx.addIssue({ code: 'custom', message: text.en, params: { text } });
}

/**
 * The first character that must not be stored, or null. Control characters (C0, DEL, C1) are refused except
 * tab and line breaks in multi-line text; a lone surrogate (UTF-16 half without its pair) too.
 */
export function badCharacter(value: string, multiline: boolean): 'control' | 'surrogate' | null {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
      return 'surrogate';
    }
    if (c >= 0xdc00 && c <= 0xdfff) return 'surrogate';
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      if (multiline && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
      return 'control';
    }
  }
  return null;
}

export interface PlainTextOptions {
  /** Most characters allowed (after trimming). */
  max: number;
  /** Fewest characters; 1 = required. Default 0. */
  min?: number;
  /** Tab and line breaks allowed (notes, addresses). Default false. */
  multiline?: boolean;
  /** Trim spaces at both ends first. Default true. */
  trim?: boolean;
  label?: FieldLabel;
}

/**
 * Free text from a person: trimmed, normalised to NFC, refused with a Polish/English sentence when it holds a
 * NUL, a control character or a lone surrogate, or is shorter or longer than allowed.
 */
export function plainText(options: PlainTextOptions) {
  const { max, min = 0, multiline = false, trim = true, label } = options;
  const base = z.string({ error: () => withLabel(label, { pl: 'Wpisz tekst.', en: 'Enter some text.' }).en });
  return (trim ? base.trim() : base).normalize('NFC').superRefine((value, ctx) => {
    const bad = badCharacter(value, multiline);
    if (bad === 'control') {
      refuse(ctx, withLabel(label, multiline
        ? { pl: 'Tekst zawiera niedozwolone znaki sterujące (dozwolone są litery, cyfry, znaki przestankowe, tabulator i nowe wiersze).', en: 'The text holds control characters that are not allowed (letters, digits, punctuation, tabs and new lines are).' }
        : { pl: 'Tekst zawiera niedozwolone znaki sterujące albo nowy wiersz — wpisz go w jednym wierszu.', en: 'The text holds control characters or a line break that are not allowed — type it on one line.' }));
      return;
    }
    if (bad === 'surrogate') {
      refuse(ctx, withLabel(label, { pl: 'Tekst zawiera uszkodzony znak (np. połowę emoji) — wpisz go ponownie.', en: 'The text holds a broken character (half of an emoji, say) — type it again.' }));
      return;
    }
    if (value.length < min) {
      refuse(ctx, withLabel(label, min === 1
        ? { pl: 'To pole jest wymagane.', en: 'This field is required.' }
        : { pl: `Wpisz co najmniej ${groupDigits(min)} ${plural(min, 'znak', 'znaki', 'znaków')}.`, en: `Enter at least ${min} characters.` }));
      return;
    }
    if (value.length > max) {
      refuse(ctx, withLabel(label, {
        pl: `Najwyżej ${groupDigits(max)} ${plural(max, 'znak', 'znaki', 'znaków')} (wpisano ${groupDigits(value.length)}).`,
        en: `At most ${max} characters (${value.length} entered).`,
      }));
    }
  });
}

/** Most units one receipt, adjustment or count may book: a shop's sensible upper bound, not the database's. */
export const MAX_UNITS = 1_000_000;
/** Highest price a product may have, in grosze: 1 000 000 zł. */
export const MAX_PRICE_GROSZE = 100_000_000;

/** A whole number of units from `min` to `max` ("Podaj liczbę od 1 do 1 000 000."). */
export function wholeUnits(min: number, max: number, options: { notZero?: boolean; label?: FieldLabel } = {}) {
  const range = options.notZero
    ? { pl: `Podaj liczbę różną od zera, od ${groupDigits(min)} do ${groupDigits(max)}.`, en: `Enter a number other than zero, from ${min} to ${max}.` }
    : { pl: `Podaj liczbę od ${groupDigits(min)} do ${groupDigits(max)}.`, en: `Enter a number from ${min} to ${max}.` };
  const text = withLabel(options.label, range);
  return z.number({ error: () => text.en }).superRefine((value, ctx) => {
    if (!Number.isInteger(value) || value < min || value > max || (options.notZero && value === 0)) refuse(ctx, text);
  });
}

/** A price in grosze from 0 to 1 000 000 zł ("Podaj cenę od 0 do 1 000 000 zł."). */
export function priceGrosze(options: { label?: FieldLabel } = {}) {
  const text = withLabel(options.label, {
    pl: `Podaj cenę od 0 do ${groupDigits(MAX_PRICE_GROSZE / 100)} zł (najwyżej dwa miejsca po przecinku).`,
    en: `Enter a price from 0 to ${MAX_PRICE_GROSZE / 100} zł (at most two decimal places).`,
  });
  return z.number({ error: () => text.en }).superRefine((value, ctx) => {
    if (!Number.isSafeInteger(value) || value < 0 || value > MAX_PRICE_GROSZE) refuse(ctx, text);
  });
}

/** NIP without separators: 10 digits whose last is the checksum (weights 6 5 7 2 3 4 5 6 7, mod 11). */
export function isValidNip(text: string): boolean {
  const digits = text.replace(/[\s-]/g, '').replace(/^PL/i, '');
  if (!/^\d{10}$/.test(digits)) return false;
  const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  const check = sum % 11;
  return check !== 10 && check === Number(digits[9]);
}

/** The shop's NIP: empty, or 10 digits (spaces, dashes and a PL prefix dropped) with a correct checksum. */
export function nipField() {
  return plainText({ max: 20 })
    .overwrite((value) => (value === '' ? '' : value.replace(/[\s-]/g, '').replace(/^PL/i, '')))
    .superRefine((value, ctx) => {
      if (value !== '' && !isValidNip(value)) {
        refuse(ctx, { pl: 'To nie jest poprawny NIP: 10 cyfr, ostatnia musi zgadzać się z sumą kontrolną (sprawdź, czy nie ma literówki).', en: 'This is not a valid NIP: 10 digits, the last one must match the checksum (check for a typo).' });
      }
    });
}

/** A plain e-mail address: one @, a dot in the domain, no spaces. */
export function isValidEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text) && text.length <= 200;
}

/** The shop's e-mail: empty, or a plain address. */
export function emailField() {
  return plainText({ max: 200 }).superRefine((value, ctx) => {
    if (value !== '' && !isValidEmail(value)) refuse(ctx, { pl: 'To nie jest poprawny adres e-mail (np. sklep@example.pl).', en: 'This is not a valid e-mail address (e.g. shop@example.com).' });
  });
}
