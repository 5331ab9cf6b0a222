import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** Money: two decimals, thousands grouped, negatives in red — shown by Excel in the user's own locale. */
export const MONEY_FORMAT = '#,##0.00;[Red]-#,##0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * Shared style objects for data cells. exceljs looks styles up by object identity before hashing them,
 * so one object for every money cell (instead of `cell.numFmt = …`, which copies a new style per cell)
 * makes a 100 000-row sheet several times faster. Never mutate these.
 */
export const MONEY_STYLE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: MONEY_FORMAT });
export const DATE_STYLE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: DATE_FORMAT });
/** For every other data cell: exceljs gives each new cell its own empty style object otherwise. */
export const PLAIN_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

export type SheetWriter = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

/**
 * A workbook written row by row (exceljs' streaming writer): a busy month has tens of thousands of rows,
 * and the in-memory workbook costs many times more time and memory. Strings are written inline as text
 * cells; exceljs makes a formula only from a `{ formula }` object, never from a string, so a buyer's name
 * such as `=HYPERLINK(…)` stays the characters it is.
 */
export function streamingWorkbook(): { workbook: ExcelJS.stream.xlsx.WorkbookWriter; finish(): Promise<Uint8Array> } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  // Fast deflate: a month's sheet is megabytes of repetitive XML, level 1 packs it nearly as well in a
  // fraction of the time.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
  workbook.creator = 'Zaplecze';
  // Fixed dates, so the same data exports to the same bytes.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  return {
    workbook,
    async finish() {
      await workbook.commit();
      await ended;
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
}

/**
 * Adds a sheet whose first row is the given headings (bold, light fill, frozen), with column widths.
 * `filter` puts Excel's filter buttons on the heading (the range is set by the caller once rows are known).
 */
export function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Array<{ header: string; width: number }>): SheetWriter {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  });
  header.commit();
  return sheet;
}
