import { CsvTokenError, CsvTokenizer } from './text/csv-tokenizer';
import { bomLength, createDecoder, type TextEncoding } from './text/encoding';
import { readChunks } from './source';
import { ZIP_CHECK_MAX_BYTES, zipProblem } from './zip-check';

/** A row longer than this is no Allegro export or shop sheet (the longest real ones are a few kB): refused. */
export const MAX_RECORD_BYTES = 8 << 20;

/** A formula cell whose workbook has no saved result (never recalculated): the value is unknown. */
export const NO_FORMULA_VALUE = Symbol('formula without a saved value');
export type Cell = string | number | boolean | Date | null | typeof NO_FORMULA_VALUE;

/** One row of a CSV or sheet: its 1-based number as the user sees it, cells from column A. */
export interface TabularRow {
  row: number;
  cells: Cell[];
  /** The cell that holds a formula whose result is not saved, when any (column index). */
}

export interface TabularSheet {
  /** The worksheet's name; null for CSV. */
  name: string | null;
  rows: AsyncIterable<TabularRow>;
}

/** Thrown by readers for a file that cannot be read as a table at all (unterminated quote, broken zip…). */
export class TabularError extends Error {
  constructor(
    readonly code: 'csv_unclosed_quote' | 'csv_invalid' | 'csv_record_too_long' | 'xlsx_invalid' | 'xlsx_no_addresses' | 'too_many_rows',
    message: string,
    readonly row: number | null,
    /** 0-based field of the record where the problem is, when known. */
    readonly field: number | null = null,
  ) {
    super(message);
  }
  /** The column's header, filled in by the format parser that knows the header row. */
  column: string | null = null;
}

/** Picks `,` `;` or tab by counting them outside quotes over the first lines (Polish Excel writes `;`). */
export function sniffDelimiter(head: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < head.length && lines < 50; i += 1) {
    const c = head[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === ',' || c === ';' || c === '\t')) counts[c] += 1;
    else if (!inQuotes && c === '\n') lines += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** CSV rows, streamed: bounded memory whatever the size. Blank lines are skipped (row numbers count them). */
export function csvSheet(path: string, encoding: TextEncoding, delimiter: string, onBytes?: (done: number) => void): TabularSheet {
  async function* text(): AsyncGenerator<string> {
    const decoder = createDecoder(encoding);
    for await (const chunk of readChunks(path, bomLength(encoding), onBytes)) {
      const s = decoder.write(chunk);
      if (s) yield s;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }
  async function* rows(): AsyncGenerator<TabularRow> {
    // A synchronous tokenizer fed by chunks (text/csv-tokenizer.ts): records come out in batches, with
    // the line each starts on; blank lines never become records (a header and a million blank lines is
    // read in a fraction of a second). csv-parse, configured for the same dialect, took ten times as long.
    const tokenizer = new CsvTokenizer(delimiter, MAX_RECORD_BYTES);
    try {
      for await (const chunk of text()) {
        for (const record of tokenizer.push(chunk)) yield record;
      }
      for (const record of tokenizer.end()) yield record;
    } catch (error) {
      if (error instanceof CsvTokenError) {
        if (error.code === 'unclosed_quote') throw new TabularError('csv_unclosed_quote', 'The file ends inside a quoted field: it is cut off or damaged.', error.row, error.field);
        throw new TabularError('csv_record_too_long', `One row is longer than ${MAX_RECORD_BYTES >> 20} MB.`, error.row, error.field);
      }
      throw error;
    }
  }
  return { name: null, rows: rows() };
}

function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      return v.result === undefined || v.result === null ? NO_FORMULA_VALUE : cellValue(v.result);
    }
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('text' in v) return cellValue(v.text);
    if ('error' in v) return null;
  }
  return String(value);
}

/**
 * Worksheets of an XLSX/XLSM workbook, streamed (ExcelJS's streaming reader): shared strings are
 * cached, rows are not, so a sheet with a million rows is read in bounded memory.
 */
export async function* xlsxSheets(path: string, size: number): AsyncGenerator<TabularSheet> {
  if (size <= ZIP_CHECK_MAX_BYTES) {
    const problem = zipProblem(path);
    if (problem) throw new TabularError('xlsx_invalid', `The workbook is damaged: ${problem}.`, null);
  }
  // Loaded only for workbooks: ExcelJS adds ~16 MB to the process, and most imports are CSV or JSON.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  } as never);
  try {
    for await (const worksheet of withWatchdog(reader as unknown as AsyncIterable<AsyncIterable<{ number: number; values: unknown[] }> & { name?: string }>)) {
      async function* rows(): AsyncGenerator<TabularRow> {
        try {
          for await (const row of withWatchdog(worksheet)) {
            // A row without its number (`r`): ExcelJS cannot place it (and fails on its cells).
            if (!Number.isSafeInteger(row.number) || row.number < 1) throw new TabularError('xlsx_no_addresses', 'The workbook has rows without their numbers.', null);
            const values = Array.isArray(row.values) ? row.values : [];
            const cells: Cell[] = [];
            for (let i = 1; i < values.length; i += 1) cells.push(cellValue(values[i]));
            yield { row: row.number, cells };
          }
        } catch (error) {
          if (error instanceof TabularError) throw error;
          // ExcelJS's own failures ("Invalid Address: ANaN", "Cannot read properties of undefined") on rows
          // and cells without their addresses, which only hand-made or damaged workbooks leave out.
          const message = (error as Error).message ?? '';
          if (/Invalid Address|reading 'length'|NaN/.test(message)) throw new TabularError('xlsx_no_addresses', 'The workbook has rows or cells without their addresses.', null);
          throw new TabularError('xlsx_invalid', `The workbook cannot be read: ${message}`, null);
        }
      }
      yield { name: worksheet.name ?? null, rows: rows() };
    }
  } catch (error) {
    if (error instanceof TabularError) throw error;
    throw new TabularError('xlsx_invalid', `The workbook cannot be read: ${(error as Error).message}`, null);
  }
}

/** No row for this long means the reader is stuck on a damaged archive (bigger files skip zipProblem). */
const STALL_MS = 60_000;

/** Iterates, but fails instead of waiting forever when nothing arrives for STALL_MS. */
async function* withWatchdog<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TabularError('xlsx_invalid', 'The workbook reader stopped making progress (damaged file).', null)), STALL_MS);
    });
    let next: IteratorResult<T>;
    try {
      next = await Promise.race([it.next(), stalled]);
    } finally {
      // Cleared before yielding: a consumer that stops early (a row limit) never resumes this generator,
      // and an armed timer would keep the process alive for STALL_MS after the answer was given.
      clearTimeout(timer);
    }
    if (next.done) return;
    yield next.value;
  }
}

/** Text of a cell for display and header matching. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined || cell === NO_FORMULA_VALUE) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}
