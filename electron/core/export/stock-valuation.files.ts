import { csvBytes, type CsvCell, csvNumber } from './csv-writer';
import { decimalComma, spreadsheetNumber } from './register-columns';
import { type StockValuation, type ValuationRow, valuationNotes } from './stock-valuation';
import { addSheet, MONEY_FORMAT, MONEY_STYLE, streamingWorkbook } from './xlsx-helpers';

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
  const { workbook, finish } = streamingWorkbook();
  const sheet = addSheet(workbook, 'Wycena', [6, 18, 15, 48, 7, 10, 13, 15, 22].map((width, i) => ({ header: HEADERS[i] as string, width })));
  v.rows.forEach((r, i) => {
    // EAN as text, so Excel does not turn 5901234123457 into 5,90123E+12.
    const row = sheet.addRow([i + 1, r.sku, r.ean, r.name, r.unit, r.quantity, r.unitPrice === null ? null : spreadsheetNumber(r.unitPrice), r.value === null ? null : spreadsheetNumber(r.value), remark(r)]);
    row.getCell(7).style = MONEY_STYLE;
    row.getCell(8).style = MONEY_STYLE;
    row.commit();
  });
  const total = sheet.addRow([null, 'RAZEM', null, `produktów: ${v.products}`, null, v.units, null, spreadsheetNumber(v.value), 'PLN']);
  total.font = { bold: true };
  total.getCell(8).numFmt = MONEY_FORMAT;
  total.commit();
  sheet.commit();
  const info = addSheet(workbook, 'Uwagi', [{ header: 'Uwagi do wyceny', width: 120 }]);
  for (const note of valuationNotes(v, generatedAt)) {
    const row = info.addRow([note]);
    row.getCell(1).alignment = { wrapText: true };
    row.commit();
  }
  info.commit();
  return finish();
}
