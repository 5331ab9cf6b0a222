import { bytesOf } from './bytes';
import { neutraliseForCsv } from './spreadsheet-text';

/** A cell: text (neutralised and quoted as needed), or a number already formatted by the caller. */
export type CsvCell = string | { raw: string } | null | undefined;

/** A number cell written as given ("123,45"): never neutralised, since a negative amount starts with "-". */
export const csvNumber = (text: string): CsvCell => ({ raw: text });

/** Characters of text gathered before they are encoded: short strings encode fast, one 50 MB string does not. */
const PIECE_CHARS = 1 << 16;

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
  private readonly pieces: Buffer[] = [Buffer.from('\ufeff', 'utf8')];
  private text = '';

  row(cells: CsvCell[]): this {
    this.text += `${cells.map(cell).join(';')}\r\n`;
    if (this.text.length >= PIECE_CHARS) this.encode();
    return this;
  }

  toBytes(): Uint8Array {
    this.encode();
    return bytesOf(Buffer.concat(this.pieces));
  }

  private encode(): void {
    // Cut at row ends only, so a character is never split between two pieces.
    if (this.text.length > 0) this.pieces.push(Buffer.from(this.text, 'utf8'));
    this.text = '';
  }
}

/** A small CSV in one go (see CsvWriter). */
export function csvBytes(rows: CsvCell[][]): Uint8Array {
  const writer = new CsvWriter();
  for (const row of rows) writer.row(row);
  return writer.toBytes();
}
