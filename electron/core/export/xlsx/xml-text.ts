/**
 * Text for SpreadsheetML cells and attributes. Buyer names, SKUs and notes come from strangers and from
 * other programs, so anything can be in them: characters XML 1.0 forbids (most C0 controls, U+FFFE/FFFF,
 * a surrogate without its pair) would make Excel refuse the whole file, so they are dropped; the
 * markup characters are escaped; and Excel's own `_xHHHH_` escape is itself escaped, so a name that
 * happens to contain `_x0041_` shows those characters and not an "A".
 */

/** Anything that needs work; most cells have none of it and are returned as they are. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_WORK = /[\x00-\x08\x0B\x0C\x0E-\x1F&<>"_\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ILLEGAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const EXCEL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;
const MARKUP = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Excel's limit for one cell; longer text makes Excel "repair" the file. */
export const MAX_CELL_CHARS = 32_767;

/** Escaped text for an element or a double-quoted attribute (no length limit). */
export function xmlEscape(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(ILLEGAL, '').replace(EXCEL_ESCAPE, '_x005F_$1').replace(MARKUP, (c) => ENTITY[c] as string);
}

/** The text of a cell: illegal characters dropped, cut to Excel's cell limit, then escaped. */
export function cellText(text: string): string {
  let clean = NEEDS_WORK.test(text) ? text.replace(ILLEGAL, '') : text;
  if (clean.length > MAX_CELL_CHARS) {
    clean = clean.slice(0, MAX_CELL_CHARS);
    // Never leave half of a surrogate pair at the cut.
    if (/[\uD800-\uDBFF]$/.test(clean)) clean = clean.slice(0, -1);
  }
  return xmlEscape(clean);
}

/** True when a reader would otherwise be free to drop the text's leading or trailing whitespace. */
export function needsPreserve(text: string): boolean {
  return text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32);
}
