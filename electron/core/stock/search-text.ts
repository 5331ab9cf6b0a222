import type { SqliteDatabase } from '../db/connection';

/**
 * What people type into a search box, turned into the two forms the lists need:
 * - an FTS5 query for the `product_search` / `order_search` indexes (every word must begin some word
 *   of the row; see migration 2026-11-24-02-stock-orders), and
 * - the same test as a SQL function, `zap_words_match(text, words)`, for the "broad term" plan that walks
 *   rows in sort order instead (see list-plan comments in the list queries).
 * Both fold case and accents the same way (ł too), so the two plans find the same rows.
 */

/** Lower case, accents removed (NFD + combining marks), ł → l. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase();
}

/** The words of a search text (letters and digits; anything else separates). At most 8 words. */
export function searchWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/** `"kowal"* "jan"*`: every word as a quoted prefix (quotes make FTS syntax characters plain text). */
export function ftsPrefixQuery(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ');
}

/**
 * The words worth asking the FTS index for. A one-letter prefix ("1" in "130×1") has no prefix index
 * and would merge every indexed word starting with it (~10 ms at 100k names), so when longer words are
 * there the index gets only those and the rows it finds are tested for all words (`rowTest`).
 */
export function indexableWords(words: readonly string[]): { ftsWords: string[]; rowTest: boolean } {
  const longer = words.filter((w) => w.length >= 2);
  return longer.length > 0 && longer.length < words.length ? { ftsWords: longer, rowTest: true } : { ftsWords: [...words], rowTest: false };
}

/** Every search word begins some word of the text (the row-by-row twin of the FTS query). */
export function wordsMatch(text: string | null, words: readonly string[]): boolean {
  if (!text) return false;
  const textWords = searchWords(text.length > 2000 ? text.slice(0, 2000) : text);
  return words.every((w) => textWords.some((t) => t.startsWith(w)));
}

/**
 * Upper bound for a case-insensitive prefix range: `x >= prefix AND x < next` with NOCASE collation
 * matches exactly the values starting with `prefix` (any case). Returns null when there is none to build.
 */
export function prefixUpperBound(prefix: string): string | null {
  if (prefix.length === 0) return null;
  const last = prefix.codePointAt(prefix.length - 1)!;
  return prefix.slice(0, -1) + String.fromCodePoint(last + 1);
}

const registered = new WeakSet<SqliteDatabase>();

/** Registers `zap_words_match(text, wordsJson)` on a connection (once). */
export function registerSearchFunctions(sqlite: SqliteDatabase): void {
  if (registered.has(sqlite)) return;
  const cache = new Map<string, string[]>();
  sqlite.function('zap_words_match', { deterministic: true }, (text: unknown, wordsJson: unknown) => {
    const key = String(wordsJson);
    let words = cache.get(key);
    if (!words) {
      words = JSON.parse(key) as string[];
      if (cache.size > 100) cache.clear();
      cache.set(key, words);
    }
    return wordsMatch(typeof text === 'string' ? text : null, words) ? 1 : 0;
  });
  registered.add(sqlite);
}
