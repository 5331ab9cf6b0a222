import ExcelJS from 'exceljs';
import { csvBytes, type CsvCell, csvNumber } from './csv-writer';
import { decimalComma, spreadsheetNumber } from './register-columns';
import { type StockValuation, type ValuationRow, valuationNotes } from './stock-valuation';
import { MONEY_FORMAT, styleHeader, textCell } from './xlsx-helpers';

const HEADERS = ['Lp', 'SKU', 'EAN', 'Nazwa', 'Jedn.', 'Ilość', 'Cena zakupu', 'Wartość', 'Uwagi'];

function remark(r: ValuationRow): string | null {
  const parts = [r.unitPrice === null ? 'brak ceny zakupu' : null, r.quantity < 0 ? 'stan ujemny' : null].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

/** Stock valuation as CSV for Polish Excel: rows, an empty line, the total, the notes. */
export function stockValuationCsv(v: StockValuation, generatedAt: string): Uint8Array {
  const rows: CsvCell[][] = [HEADERS];
  v.rows.forEach((r, i) =>
    rows.push([
      csvNumber(String(i + 1)), r.sku, r.ean, r.name, r.unit, csvNumber(String(r.quantity)),
      r.unitPrice === null ? null : csvNumber(decimalComma(r.unitPrice)), r.value === null ? null : csvNumber(decimalComma(r.value)), remark(r),
    ]),
  );
  rows.push([]);
  rows.push([null, 'RAZEM', null, `produktów: ${v.products}`, null, csvNumber(String(v.units)), null, csvNumber(decimalComma(v.value)), 'PLN']);
  rows.push([]);
  for (const note of valuationNotes(v, generatedAt)) rows.push([`Uwagi: ${note}`]);
  return csvBytes(rows);
}

/** Stock valuation as XLSX: "Wycena" (rows + a total row), "Uwagi". */
export async function stockValuationXlsx(v: StockValuation, generatedAt: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zaplecze';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet('Wycena');
  sheet.columns = [6, 18, 15, 48, 7, 10, 13, 15, 22].map((width, i) => ({ header: HEADERS[i], width }));
  v.rows.forEach((r, i) => {
    const n = i + 2;
    sheet.getCell(n, 1).value = i + 1;
    textCell(sheet, n, 2, r.sku);
    textCell(sheet, n, 3, r.ean); // text, so Excel does not turn 5901234123457 into 5,90123E+12
    textCell(sheet, n, 4, r.name);
    textCell(sheet, n, 5, r.unit);
    sheet.getCell(n, 6).value = r.quantity;
    if (r.unitPrice !== null) sheet.getCell(n, 7).value = spreadsheetNumber(r.unitPrice);
    if (r.value !== null) sheet.getCell(n, 8).value = spreadsheetNumber(r.value);
    sheet.getCell(n, 7).numFmt = MONEY_FORMAT;
    sheet.getCell(n, 8).numFmt = MONEY_FORMAT;
    textCell(sheet, n, 9, remark(r));
  });
  const total = sheet.addRow([null, 'RAZEM', null, `produktów: ${v.products}`, null, v.units, null, spreadsheetNumber(v.value), 'PLN']);
  total.font = { bold: true };
  total.getCell(8).numFmt = MONEY_FORMAT;
  styleHeader(sheet, HEADERS.length);
  const info = workbook.addWorksheet('Uwagi');
  info.columns = [{ header: 'Uwagi do wyceny', width: 120 }];
  for (const note of valuationNotes(v, generatedAt)) info.addRow([note]).getCell(1).alignment = { wrapText: true };
  styleHeader(info, 1);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
