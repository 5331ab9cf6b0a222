import { neutraliseForCsv } from './spreadsheet-text';
import { TextPieces } from './text-pieces';

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
 *
 * Written row by row and encoded in pieces as it goes, so a month's register (~200k rows) never
 * becomes one giant string and its writer can give the event loop a turn between rows.
 */
export class CsvWriter {
  private readonly file = new TextPieces((text) => Buffer.from(text, 'utf8'));

  constructor() {
    this.file.append('\ufeff');
  }

  row(cells: CsvCell[]): this {
    this.file.append(`${cells.map(cell).join(';')}\r\n`);
    return this;
  }

  toBytes(): Uint8Array {
    return this.file.toBytes();
  }
}

/** A small CSV in one go (see CsvWriter). */
export function csvBytes(rows: CsvCell[][]): Uint8Array {
  const writer = new CsvWriter();
  for (const row of rows) writer.row(row);
  return writer.toBytes();
}
