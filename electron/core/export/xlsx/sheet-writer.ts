import { columnLetter } from '../../column-letter';
import type { SharedStrings } from './shared-strings';
import { ZipPart } from './zip-writer';
import { STYLE, type StyleId } from './styles';
import { cellText, needsPreserve } from './xml-text';

export interface ColumnSpec {
  header: string;
  /** Width in Excel's character units. */
  width: number;
}

/** Excel's row limit: a sheet with more rows does not open. */
export const MAX_ROWS = 1_048_576;
/** Bytes of XML gathered (as UTF-8) before they are handed to the compressor. */
const PIECE_BYTES = 1 << 18;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Minor units as the exact decimal text of the amount ("-12.3", "1999", "0.05"), written into `<v>` as
 * it is: no floating-point arithmetic on the way, so the cell holds the same number a person typing the
 * amount would get.
 */
export function decimalText(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Money must be an integer number of minor units, got ${minor}`);
  const abs = minor < 0 ? -minor : minor;
  const units = Math.floor(abs / 100);
  const cents = abs - units * 100;
  const fraction = cents === 0 ? '' : cents % 10 === 0 ? `.${cents / 10}` : cents < 10 ? `.0${cents}` : `.${cents}`;
  return `${minor < 0 ? '-' : ''}${units}${fraction}`;
}

/** A calendar day (YYYY-MM-DD) as Excel's date serial (days since 1899-12-30; the 1900 system). */
export function excelSerial(day: string): number {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`Expected a day as YYYY-MM-DD, got ${JSON.stringify(day)}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const serial = ms / 86_400_000 + 25_569;
  // Before 1900-03-01 Excel's serials are off by its fictitious 29 February 1900: no such dates here.
  if (!(serial >= 61)) throw new RangeError(`Date out of Excel's range: ${day}`);
  return serial;
}

/**
 * One worksheet written row by row straight into SpreadsheetML: heading row (bold on a fill, frozen),
 * column widths, optional filter buttons on the heading. Cells are set left to right with typed calls
 * (`text`, `number`, `money`, `date`; null leaves the cell empty) and `endRow()`.
 *
 * Text is always an inline string cell (`t="inlineStr"`), never a formula: nothing here writes an `<f>`
 * element, so a buyer named `=HYPERLINK(…)` is shown as those characters and never evaluated.
 */
export class SheetWriter {
  readonly part = new ZipPart();
  private xml: string;
  private rows = 0;
  private col = 0;
  private rowOpen = false;
  private rowText = '1';
  private closed = false;
  private readonly letters: string[];
  private readonly serials = new Map<string, string>();
  /** The sheet's XML as UTF-8 not yet handed to the compressor. */
  private bytes: Buffer = Buffer.allocUnsafe(PIECE_BYTES + (PIECE_BYTES >> 1));
  private used = 0;
  /**
   * Piece buffers whose deflate has finished, ready for reuse: a piece is read on the thread pool, so
   * its buffer is only written again once that is done. With the writer's caller calling settle() as it
   * goes, two or three buffers serve a whole sheet.
   */
  private readonly spare: Buffer[] = [];

  constructor(
    readonly name: string,
    private readonly columns: ColumnSpec[],
    private readonly options: { autoFilter: boolean; selected: boolean },
    private readonly shared: SharedStrings,
  ) {
    if (columns.length === 0) throw new Error('A sheet needs at least one column.');
    this.letters = columns.map((_c, i) => columnLetter(i));
    const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
    this.xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<sheetViews><sheetView${options.selected ? ' tabSelected="1"' : ''} workbookViewId="0">` +
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
      '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${cols}</cols><sheetData>`;
    for (const c of columns) this.text(c.header, STYLE.header);
    this.endRow();
  }

  /** Rows written so far, the heading included. */
  get rowCount(): number {
    return this.rows;
  }

  /** The filtered range (`A1:S123`), or null without filter buttons. */
  get filterRange(): string | null {
    return this.options.autoFilter ? `A1:${this.letters[this.letters.length - 1]}${Math.max(1, this.rows)}` : null;
  }

  /**
   * Opens the row if needed and returns the cell's opening tag up to its attributes. Callers must take
   * the result into a local before appending (`this.xml += f()` would read this.xml before f runs).
   */
  private ref(style: number): string {
    if (this.col >= this.letters.length) throw new RangeError(`Sheet ${this.name} has ${this.letters.length} columns; a row tried to write more.`);
    if (!this.rowOpen) {
      this.xml += `<row r="${this.rowText}">`;
      this.rowOpen = true;
    }
    return style === 0 ? `<c r="${this.letters[this.col]}${this.rowText}"` : `<c r="${this.letters[this.col]}${this.rowText}" s="${style}"`;
  }

  text(value: string | null | undefined, style: StyleId = STYLE.plain): this {
    if (value !== null && value !== undefined && value !== '') {
      const start = this.ref(style);
      this.xml += `${start} t="inlineStr"><is>${needsPreserve(value) ? '<t xml:space="preserve">' : '<t>'}${cellText(value)}</t></is></c>`;
    }
    this.col++;
    return this;
  }

  /**
   * A short text that repeats down the column (a kind, a rate, a currency): stored once in the shared
   * string table. Reads exactly like text(); use text() for anything that varies row to row.
   */
  label(value: string | null | undefined, style: StyleId = STYLE.plain): this {
    if (value !== null && value !== undefined && value !== '') {
      const start = this.ref(style);
      this.xml += `${start} t="s"><v>${this.shared.indexOf(value)}</v></c>`;
    }
    this.col++;
    return this;
  }

  /** A plain number (counts, quantities); NaN and infinities leave the cell empty. */
  number(value: number | null | undefined, style: StyleId = STYLE.plain): this {
    if (value !== null && value !== undefined && Number.isFinite(value)) {
      const start = this.ref(style);
      this.xml += `${start}><v>${value}</v></c>`;
    }
    this.col++;
    return this;
  }

  /** An amount in minor units (grosze), shown with the money format. */
  money(minor: number | null | undefined, style: StyleId = STYLE.money): this {
    if (minor !== null && minor !== undefined) {
      const start = this.ref(style);
      this.xml += `${start}><v>${decimalText(minor)}</v></c>`;
    }
    this.col++;
    return this;
  }

  /** A calendar day YYYY-MM-DD, as a real date cell. */
  date(day: string | null | undefined, style: StyleId = STYLE.date): this {
    if (day) {
      let serial = this.serials.get(day);
      if (serial === undefined) {
        serial = String(excelSerial(day));
        this.serials.set(day, serial);
      }
      const start = this.ref(style);
      this.xml += `${start}><v>${serial}</v></c>`;
    }
    this.col++;
    return this;
  }

  /** Ends the row; the next cell starts the next row. */
  endRow(): this {
    if (this.rows >= MAX_ROWS) throw new RangeError(`Sheet ${this.name} would have more than ${MAX_ROWS} rows, more than Excel can open.`);
    if (this.rowOpen) this.xml += '</row>';
    this.rows++;
    this.rowText = String(this.rows + 1);
    this.col = 0;
    this.rowOpen = false;
    this.encodeRow();
    return this;
  }

  /** Finishes the sheet's XML; called by the workbook. */
  close(): void {
    if (this.closed) return;
    if (this.rowOpen || this.col > 0) this.endRow();
    const range = this.filterRange;
    this.xml +=
      '</sheetData>' +
      (range ? `<autoFilter ref="${range}"/>` : '') +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
    this.flush();
    this.closed = true;
  }

  /**
   * Encodes the finished row into the sheet's byte buffer at once: short flat strings encode fast,
   * where a quarter-megabyte rope of row strings would first be flattened (as two-byte text if any
   * buyer's name has a Polish letter) and then encoded.
   */
  private encodeRow(): void {
    const text = this.xml;
    this.xml = '';
    // A UTF-16 code unit never takes more than 3 bytes of UTF-8.
    if (this.used >= PIECE_BYTES || this.used + text.length * 3 > this.bytes.length) this.flushBytes();
    if (text.length * 3 > this.bytes.length) void this.part.pushText(text);
    else this.used += this.bytes.write(text, this.used, 'utf8');
  }

  private flushBytes(): void {
    if (this.used === 0) return;
    const full = this.bytes;
    void this.part.push(full.subarray(0, this.used)).then(() => {
      if (this.spare.length < 4) this.spare.push(full);
    });
    this.bytes = this.spare.pop() ?? Buffer.allocUnsafe(full.length);
    this.used = 0;
  }

  /**
   * Waits until at most `max` of the sheet's pieces are still being compressed. Writers of big sheets
   * call it now and then (at the pacer's pauses): it keeps the uncompressed bytes in memory bounded.
   */
  settle(max = 2): Promise<void> {
    return this.part.settle(max);
  }

  private flush(): void {
    this.encodeRow();
    this.flushBytes();
  }
}

/** A sheet name as a formula reference: 'Name' with apostrophes doubled. */
export const quotedSheetName = (name: string) => `'${name.replace(/'/g, "''")}'`;
