/**
 * Text from inside an imported file, made fit to store (issue 12 point 11). What the owner types is refused
 * at the contract when it holds such characters (shared/contract/fields.ts), but a file from Allegro or a
 * spreadsheet cannot be sent back to be fixed, and refusing a whole order over an invisible character
 * would stop the packing. So the text is cleaned instead:
 * - a lone surrogate (half of an emoji, cut by another tool) becomes U+FFFD, shown as �, so the owner sees
 *   that something was there; SQLite would otherwise store three replacement characters for it;
 * - NUL and the other control characters (C0, DEL, C1) are dropped: they are invisible, cut C strings
 *   (EPP, labels, printers) and break searches;
 * - tab and line breaks stay in multi-line fields (buyer's message, notes); in one-line fields (names,
 *   addresses, product names) a run of them becomes one space, so "Jan⇥Kowalski" stays two words;
 * - everything is in NFC, so "Ś" typed as S + combining acute finds and compares equal to "Ś".
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const BREAKS = /[ \t]*[\t\r\n][\t\r\n ]*/g;
/**
 * A character that may need any of this: a control, a surrogate, or anything that NFC may change. Text made
 * only of Latin letters (U+0000–U+02FF, Polish included), general punctuation (– „ ” …) and € is left as
 * it is after this one test: an import of 100k orders cleans a few million cells. The class is meant per
 * UTF-16 code unit (combining marks and surrogate halves are what it looks for), hence no `u` flag.
 */
// eslint-disable-next-line no-control-regex, no-misleading-character-class
const SUSPECT = /[\u0000-\u001f\u007f-\u009f\u0300-\u200f\u2040-\u20ab\u20ad-\uffff]/;

/** Node 20 has String.prototype.toWellFormed; the ES2023 lib the project compiles against does not name it. */
const wellFormed = (s: string): string => (s as unknown as { toWellFormed(): string }).toWellFormed();

export function cleanText(value: string, multiline = false): string {
  if (!SUSPECT.test(value)) return value;
  let s = wellFormed(value).replace(CONTROL, '');
  if (!multiline) s = s.replace(BREAKS, ' ');
  return s.normalize('NFC');
}
