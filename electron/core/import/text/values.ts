import { MoneyParseError, parseMoney } from '../../../../shared/domain/money';
import { cleanText } from './clean';

/**
 * Cell values from CSV (text) and XLSX (text, numbers, dates, formulas) turned into what the database
 * stores. Every parser returns `{ ok: false, why }` rather than throwing, so a bad cell becomes a
 * problem on its row, never an exception.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; why: 'format' | 'range' | 'scientific' | 'check_digit' | 'decimals' };

/** Excel's scientific notation of a long number: `5,90123E+12`, `6.72E+23`. */
const SCIENTIFIC = /^[-+]?\d+([.,]\d+)?e[-+]?\d+$/i;
export function isScientific(text: string): boolean {
  return SCIENTIFIC.test(text.trim());
}

/**
 * Trimmed text, or null when empty. Text is stored as typed: `=SUM(…)`, `+48…`, `@…` stay text; control
 * characters and lone surrogates are cleaned out and line breaks kept only in `multiline` fields (clean.ts).
 */
export function text(value: unknown, opts: { multiline?: boolean } = {}): string | null {
  if (value === null || value === undefined) return null;
  const s = cleanText(typeof value === 'string' ? value : String(value), opts.multiline);
  const trimmed = s.replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, '');
  return trimmed === '' ? null : trimmed;
}

/** Money (PLN etc.) in minor units: `1 234,56 zł`, `20.00`, `52,99`, or a JSON/XLSX number. */
export function money(value: unknown): Parsed<number | null> {
  if (value === null || value === undefined || value === '') return { ok: true, value: null };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, why: 'format' };
    // A spreadsheet number such as 17.44 (or 17.4399999 from a formula): round to grosze.
    const minor = Math.round(value * 100);
    if (!Number.isSafeInteger(minor)) return { ok: false, why: 'range' };
    return { ok: true, value: minor };
  }
  const s = String(value);
  if (isScientific(s)) return { ok: false, why: 'scientific' };
  try {
    return { ok: true, value: parseMoney(s) };
  } catch (error) {
    if (error instanceof MoneyParseError) return { ok: false, why: tooManyDecimals(s) ? 'decimals' : 'format' };
    throw error;
  }
}

/** `12.495`, `3,1415 zł`: an amount with more than two decimal places (a typo, not rounded silently). */
export function tooManyDecimals(value: unknown): boolean {
  const s = String(value).replace(/zł|pln/gi, '').replace(/[\s\u00a0\u202f]/g, '');
  return /^[-+\u2212]?\d*[.,]\d{3,}$/.test(s) && !/^[-+\u2212]?\d{1,3}([.,]\d{3})+[.,]\d{3,}$/.test(s);
}

/**
 * Money from Allegro's JSON: `"123.45"` (the documented string) or a number written by other tools.
 * JSON numbers are parsed from their decimal text (parseMoney), never multiplied as floats.
 */
export function jsonMoney(value: unknown): Parsed<number | null> {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value !== 'string' && typeof value !== 'number') return { ok: false, why: 'format' };
  try {
    return { ok: true, value: parseMoney(value) };
  } catch (error) {
    if (error instanceof MoneyParseError) return { ok: false, why: tooManyDecimals(value) ? 'decimals' : 'format' };
    throw error;
  }
}

/** A whole number of units: `48`, `1 260` (space or NBSP thousands), `12,00`, or a number cell. */
export function wholeNumber(value: unknown, opts: { min?: number; max?: number } = {}): Parsed<number | null> {
  if (value === null || value === undefined || value === '') return { ok: true, value: null };
  let n: number;
  if (typeof value === 'number') {
    n = value;
  } else {
    const s = String(value).replace(/[\s\u00a0\u202f]/g, '').replace(/(szt\.?|pcs)$/i, '');
    if (s === '') return { ok: true, value: null };
    if (isScientific(s)) return { ok: false, why: 'scientific' };
    const m = /^([-+]?\d+)(?:[.,](0+))?$/.exec(s);
    if (!m) return /^[-+]?\d+[.,]\d+$/.test(s) ? { ok: false, why: 'decimals' } : { ok: false, why: 'format' };
    n = Number(m[1]);
  }
  if (!Number.isSafeInteger(n)) return Number.isFinite(n) ? { ok: false, why: 'decimals' } : { ok: false, why: 'format' };
  if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) return { ok: false, why: 'range' };
  return { ok: true, value: n };
}

/** GS1 check digit of EAN-8 / UPC-A (12) / EAN-13 / GTIN-14. */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d+$/.test(digits) || ![8, 12, 13, 14].includes(digits.length)) return false;
  let sum = 0;
  for (let i = digits.length - 2, weight = 3; i >= 0; i -= 1, weight = weight === 3 ? 1 : 3) sum += Number(digits[i]) * weight;
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]);
}

/**
 * An EAN from a cell: digits with a valid check digit. A number cell (Excel stored the EAN as a
 * number) is accepted when it is a whole number; Excel's `5,90123E+12` is refused as `scientific`:
 * the digits are lost and must not be guessed.
 */
export function ean(value: unknown): Parsed<string | null> {
  if (value === null || value === undefined || value === '') return { ok: true, value: null };
  let s: string;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value <= 0) return { ok: false, why: 'format' };
    s = String(value);
  } else {
    s = String(value).replace(/[\s\u00a0]/g, '');
    if (s === '') return { ok: true, value: null };
    if (isScientific(s)) return { ok: false, why: 'scientific' };
  }
  if (!/^\d+$/.test(s) || ![8, 12, 13, 14].includes(s.length)) return { ok: false, why: 'format' };
  if (!hasValidCheckDigit(s)) return { ok: false, why: 'check_digit' };
  return { ok: true, value: s };
}

/** VAT rate as the register names it: `23`, `8`, `5`, `0`, `zw`, `np` — from `23%`, `0.23`, `PL_23`, `23.00`. */
export function vatRate(value: unknown): Parsed<string | null> {
  if (value === null || value === undefined || value === '') return { ok: true, value: null };
  let n: number;
  if (typeof value === 'number') {
    n = value > 0 && value < 1 ? Math.round(value * 100) : value;
  } else {
    const s = String(value).trim().toLowerCase().replace(/^pl_/, '').replace(/%$/, '').replace(',', '.').trim();
    if (s === 'zw' || s === 'zw.' || s === 'exempt') return { ok: true, value: 'zw' };
    if (s === 'np' || s === 'np.' || s === 'oo') return { ok: true, value: 'np' };
    if (!/^\d+(\.\d+)?$/.test(s)) return { ok: false, why: 'format' };
    n = Number(s);
    if (n > 0 && n < 1) n = Math.round(n * 100);
  }
  const rounded = Math.round(n * 100) / 100;
  if (![23, 8, 5, 0].includes(rounded)) return { ok: false, why: 'range' };
  return { ok: true, value: String(rounded) };
}

/** Allegro's `tax.rate` ("23.00", "8.00", null): the rate as text, unknown rates kept (e.g. "21"). */
export function allegroTaxRate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  if (!/^\d+(\.\d+)?$/.test(s)) return s.slice(0, 20) || null;
  return String(Math.round(Number(s) * 100) / 100);
}

const WARSAW_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Warsaw',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** UTC instant of a Warsaw wall-clock time (winter UTC+1, summer UTC+2). */
function warsawToUtc(y: number, mo: number, d: number, h: number, mi: number): Date {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Offset at the guessed instant: format it in Warsaw and compare.
  const parts = Object.fromEntries(WARSAW_HOUR.formatToParts(new Date(guess)).map((p) => [p.type, p.value]));
  const shown = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return new Date(guess - (shown - guess));
}

/**
 * A date-time as an ISO UTC string: ISO 8601 with zone (`2026-06-15T22:59:59.000Z`), ISO without zone
 * or Polish `dd.mm.rrrr [hh:mm[:ss]]` (read as Europe/Warsaw), or an XLSX date cell.
 */
export function dateTime(value: unknown): Parsed<string | null> {
  if (value === null || value === undefined || value === '') return { ok: true, value: null };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { ok: false, why: 'format' } : { ok: true, value: value.toISOString() };
  const s = String(value).trim();
  if (s === '') return { ok: true, value: null };
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m) {
    const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone] = m;
    if (!validDate(+y!, +mo!, +d!) || +h > 23 || +mi > 59 || +sec > 59) return { ok: false, why: 'range' };
    if (zone) {
      const t = Date.parse(s.replace(' ', 'T'));
      return Number.isNaN(t) ? { ok: false, why: 'format' } : { ok: true, value: new Date(t).toISOString() };
    }
    const at = warsawToUtc(+y!, +mo!, +d!, +h, +mi);
    return { ok: true, value: new Date(at.getTime() + Number(sec) * 1000 + Math.round(Number(`0${frac || '.0'}`) * 1000)).toISOString() };
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) {
    const [, d, mo, y, h = '0', mi = '0', sec = '0'] = m;
    if (!validDate(+y!, +mo!, +d!) || +h > 23 || +mi > 59 || +sec > 59) return { ok: false, why: 'range' };
    return { ok: true, value: new Date(warsawToUtc(+y!, +mo!, +d!, +h, +mi).getTime() + Number(sec) * 1000).toISOString() };
  }
  return { ok: false, why: 'format' };
}

function validDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
