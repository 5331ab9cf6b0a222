/**
 * Text that a spreadsheet would read as a formula or a command: `=HYPERLINK(…)`, `+48 600…`, `-2+3`,
 * `@SUM(…)`, or anything starting with a tab or carriage return (OWASP "CSV injection"). Buyer names and
 * messages come from strangers on Allegro, so every text cell of an export passes through here.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * For CSV: a leading apostrophe makes Excel and LibreOffice keep the cell as text (and Excel hides the
 * apostrophe); the text after it is unchanged, so the accountant still reads `+48 600 100 200`.
 */
export function neutraliseForCsv(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
