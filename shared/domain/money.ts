/**
 * Money is always an integer number of minor units (grosze for PLN, haléře for CZK). These helpers
 * convert between text and minor units with integer and string arithmetic only: no value ever passes
 * through a binary floating-point number, so 0.1 + 0.2 problems cannot appear in stock value or VAT.
 */

export type Minor = number;

export class MoneyParseError extends Error {
  constructor(readonly input: string) {
    super(`Not an amount of money: "${input}"`);
  }
}

const CURRENCY_WORDS = /(zł|zl|pln|czk|kč|eur|€)/gi;
/** Spaces Excel and banks use as thousands separators: space, no-break space, narrow no-break space. */
const THOUSANDS_SPACES = /[\u0020\u00a0\u202f\u2009]/g;

/**
 * Parses "123.45", "123,45", "1 234,56 zł", "1,234.56", "-0,5", "12" into minor units.
 * Returns null for empty text; throws MoneyParseError for text that is not an amount or has more than
 * two decimal places (a price of 1.234 zł is a typo, not something to round silently).
 */
export function parseMoney(input: string | number | null | undefined): Minor | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') return minorFromJsonNumber(input);
  let text = input.replace(CURRENCY_WORDS, '').replace(THOUSANDS_SPACES, '').trim();
  if (text === '') return null;
  let negative = false;
  if (text.startsWith('-') || text.startsWith('\u2212')) {
    negative = true;
    text = text.slice(1);
  } else if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1);
  }
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let integerPart: string;
  let fraction: string;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the later one is the decimal separator, the other only groups thousands.
    const decimalAt = Math.max(lastComma, lastDot);
    const groupSep = decimalAt === lastComma ? '.' : ',';
    integerPart = joinThousands(text.slice(0, decimalAt), groupSep, input);
    fraction = text.slice(decimalAt + 1);
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = text.split(sep);
    if (parts.length > 2) {
      // "1.234.567" — only thousands groups.
      integerPart = joinThousands(text, sep, input);
      fraction = '';
    } else {
      integerPart = parts[0] ?? '';
      fraction = parts[1] ?? '';
    }
  } else {
    integerPart = text;
    fraction = '';
  }
  if (integerPart === '') integerPart = '0';
  if (!/^\d+$/.test(integerPart) || !/^\d{0,2}$/.test(fraction)) throw new MoneyParseError(input);
  const minor = Number(integerPart) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(minor)) throw new MoneyParseError(input);
  return negative ? -minor : minor;
}

/** "1.234.567" → "1234567", refusing groups that are not three digits ("1.2.3"). */
function joinThousands(text: string, sep: string, input: string): string {
  const groups = text.split(sep);
  if (groups.slice(1).some((g) => !/^\d{3}$/.test(g)) || !/^\d{1,3}$/.test(groups[0] ?? '')) {
    if (groups.length > 1) throw new MoneyParseError(input);
  }
  return groups.join('');
}

/**
 * A JSON number such as 52.99 written by a third-party tool. Its decimal text (shortest round-trip
 * representation) is what the writer meant, so we parse that text rather than multiplying.
 */
function minorFromJsonNumber(value: number): Minor {
  if (!Number.isFinite(value)) throw new MoneyParseError(String(value));
  return parseMoney(String(value)) as Minor;
}

/** "1234.50" style decimal text of minor units, built from integers (for Intl and for exports). */
export function minorToDecimalString(minor: Minor, separator = '.'): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Money must be an integer number of minor units, got ${minor}`);
  const sign = minor < 0 ? '-' : '';
  // Pure string work: the last two digits are the grosze.
  const digits = String(Math.abs(minor)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}${separator}${digits.slice(-2)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats minor units for people: "1 234,56 zł" in Polish, "PLN 1,234.56" in English. */
export function formatMoney(minor: Minor, currency = 'PLN', locale = 'pl-PL'): string {
  const key = `${locale}|${currency}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formatters.set(key, fmt);
  }
  // Intl formats a decimal *string* exactly (ECMA-402 "Intl.NumberFormat v3"); no float involved.
  return fmt.format(minorToDecimalString(minor) as unknown as number);
}

/** Sums minor units, refusing anything that is not a safe integer. */
export function sumMinor(values: Iterable<Minor>): Minor {
  let total = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`Money must be an integer number of minor units, got ${v}`);
    total += v;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('Money total out of range');
  return total;
}

/** unit price × quantity, in minor units. */
export function lineTotal(unitMinor: Minor, quantity: number): Minor {
  if (!Number.isSafeInteger(unitMinor) || !Number.isSafeInteger(quantity)) throw new RangeError('Money and quantities are integers');
  return unitMinor * quantity;
}
