import { neutraliseForCsv } from './spreadsheet-text';

/** A cell: text (neutralised and quoted as needed), or a number already formatted by the caller. */
export type CsvCell = string | { raw: string } | null | undefined;

/** A number cell written as given ("123,45"): never neutralised, since a negative amount starts with "-". */
export const csvNumber = (text: string): CsvCell => ({ raw: text });

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value.raw;
  const text = neutraliseForCsv(value);
  // Quote when the text holds the separator, a quote, a line break, or an apostrophe we just added
  // (quoting keeps the cell one field for every reader).
  return /[;"\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV the way Polish Excel opens it with a double click: UTF-8 with a byte-order mark, `;` between
 * fields (the comma is the decimal separator in Polish), CRLF line ends, a final line end.
 */
export function csvBytes(rows: CsvCell[][]): Uint8Array {
  const text = rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
  return new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf8'));
}
