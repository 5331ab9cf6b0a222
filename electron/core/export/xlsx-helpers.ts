import type { Worksheet } from 'exceljs';

/** Money: two decimals, thousands grouped, negatives in red — shown by Excel in the user's own locale. */
export const MONEY_FORMAT = '#,##0.00;[Red]-#,##0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * A heading row in bold with a light fill, frozen above the data, with filters. Text cells in exceljs
 * are always written as strings (never formulas), so headings and buyers' names cannot execute.
 */
export function styleHeader(sheet: Worksheet, columns: number): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (let c = 1; c <= columns; c++) {
    header.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Sets a text cell explicitly as a string, whatever it looks like ("=1+1" stays the five characters). */
export function textCell(sheet: Worksheet, row: number, col: number, value: string | null): void {
  if (value === null || value === '') return;
  // exceljs treats a plain string as a string cell; only `{ formula }` objects become formulas. Setting
  // the value directly (not through a rich text or shared formula helper) keeps it that way.
  sheet.getCell(row, col).value = value;
}
