import type { Minor } from './money';

/**
 * What a person typed into an amount field, read strictly: digits, at most one decimal separator
 * (comma or dot) and at most two decimals — "12,34", "12.34", "12", "1 234,56" (spaces only between
 * groups of three digits). Anything else is refused with the reason, never thrown and never rounded:
 * "12,345", "1e3", "5!", "-5", "1.234,56" are typos, not amounts. Grosze come from integer and string
 * work only (no floating point). Import files use the looser parseMoney (thousands separators, currency
 * words), because exports from other programs write them; a form shows what it wants.
 */
export type MoneyInput =
  | { ok: true; grosze: Minor }
  | { ok: false; reason: 'empty' | 'format' | 'decimals' | 'too_big' };

/** The largest amount a form accepts: 9 digits of złoty (999 999 999,99 zł). */
export const MAX_INPUT_GROSZE: Minor = 99_999_999_999;

const SPACES = /[\u0020\u00a0\u202f\u2009]/g;

export function parseMoneyInput(text: string): MoneyInput {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  // Spaces may group thousands ("1 234,56", as the app itself writes amounts), nowhere else.
  const match = /^(\d{1,3}(?:[\u0020\u00a0\u202f\u2009]\d{3})+|\d+)(?:[.,](\d*))?$/.exec(trimmed);
  if (!match) return { ok: false, reason: 'format' };
  const whole = match[1]!.replace(SPACES, '');
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { ok: false, reason: 'decimals' };
  if (match[2] !== undefined && fraction === '') return { ok: false, reason: 'format' };
  const digits = whole.replace(/^0+(?=\d)/, '');
  if (digits.length > 9) return { ok: false, reason: 'too_big' };
  const grosze = Number(digits) * 100 + Number(fraction.padEnd(2, '0'));
  return { ok: true, grosze };
}

/** Grosze as a person types them back into a field: "98,47" (comma, no grouping), or "98.47" in English. */
export function moneyInputText(grosze: Minor, separator: ',' | '.' = ','): string {
  const digits = String(Math.abs(grosze)).padStart(3, '0');
  return `${grosze < 0 ? '-' : ''}${digits.slice(0, -2)}${separator}${digits.slice(-2)}`;
}
