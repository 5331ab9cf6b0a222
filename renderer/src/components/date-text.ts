import type { Lang } from '../i18n/i18n';

/**
 * A calendar day as people type it: day, month, year in that order in both languages — dd.mm.rrrr in
 * Polish, dd/mm/yyyy in English (en-GB, the same order useFormat().date prints). Callers keep the day
 * as ISO `YYYY-MM-DD`; this file converts both ways and masks the typing. Pure functions, no DOM.
 */

export const DATE_SEPARATOR: Record<Lang, string> = { pl: '.', en: '/' };

const WIDTHS = [2, 2, 4] as const;
const SEPARATORS = /[./\-\s,]/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-11-05` → `05.11.2026` (pl) / `05/11/2026` (en); anything that is not an ISO day → ''. */
export function isoToText(iso: string | null | undefined, lang: Lang): string {
  const m = ISO_DAY.exec(iso ?? '');
  if (!m) return '';
  const sep = DATE_SEPARATOR[lang];
  return `${m[3]}${sep}${m[2]}${sep}${m[1]}`;
}

/**
 * What the field shows for what was typed: digits grouped as day, month, year with the language's
 * separator put in by itself (`05112026` → `05.11.2026`), a separator typed early closes a part
 * (`5.11.2026` stays as typed), digits past a full part go on to the next, extra digits are dropped.
 * A pasted ISO day (`2026-11-05`) is turned round. The separator is only added when the next digit
 * comes, so Backspace works as expected.
 */
export function maskDateText(raw: string, lang: Lang): string {
  const sep = DATE_SEPARATOR[lang];
  const iso = ISO_DAY.exec(raw.trim());
  if (iso) return `${iso[3]}${sep}${iso[2]}${sep}${iso[1]}`;
  const parts: string[] = [];
  let current = '';
  let trailingSeparator = false;
  for (const ch of raw) {
    if (ch >= '0' && ch <= '9') {
      if (current.length === WIDTHS[parts.length]) {
        if (parts.length === 2) break; // the year is full
        parts.push(current);
        current = '';
      }
      current += ch;
      trailingSeparator = false;
    } else if (SEPARATORS.test(ch) && current !== '' && parts.length < 2) {
      parts.push(current);
      current = '';
      trailingSeparator = true;
    }
  }
  if (current !== '') parts.push(current);
  return parts.join(sep) + (trailingSeparator ? sep : '');
}

export type DateTextProblem = 'incomplete' | 'noSuchDay' | 'tooLate' | 'tooEarly';

/** The typed text as an ISO day, or why it is not one. Empty text is `{ iso: '' }` (no date). */
export function parseDateText(text: string, limits: { min?: string; max?: string } = {}): { iso: string } | { problem: DateTextProblem } {
  const trimmed = text.trim();
  if (trimmed === '') return { iso: '' };
  const m = /^(\d{1,2})\D(\d{1,2})\D(\d{4})$/.exec(trimmed);
  if (!m) return { problem: 'incomplete' };
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return { problem: 'noSuchDay' };
  const iso = `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // ISO days compare correctly as strings.
  if (limits.max && iso > limits.max) return { problem: 'tooLate' };
  if (limits.min && iso < limits.min) return { problem: 'tooEarly' };
  return { iso };
}
