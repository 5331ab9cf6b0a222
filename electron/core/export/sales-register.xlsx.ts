import ExcelJS from 'exceljs';
import { excelDate, REGISTER_COLUMNS, spreadsheetNumber } from './register-columns';
import { registerNotes } from './register-notes';
import type { SalesRegister } from './register.types';
import { rateLabel } from './vat-rate-text';
import { DATE_FORMAT, MONEY_FORMAT, styleHeader, textCell } from './xlsx-helpers';

/**
 * The register as an XLSX workbook: "Rejestr" (one row per document and rate; money as numbers with a
 * number format, dates as dates), "Podsumowanie" (totals per currency and rate, computed in grosze — plain
 * values, not formulas, so they read the same in every program), and "Uwagi" (the method, as sentences).
 */
export async function salesRegisterXlsx(register: SalesRegister, generatedAt: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zaplecze';
  workbook.created = new Date(0); // fixed, so the same month exports to the same bytes
  workbook.modified = new Date(0);

  const sheet = workbook.addWorksheet('Rejestr');
  sheet.columns = REGISTER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  REGISTER_COLUMNS.forEach((c, i) => {
    if (c.kind === 'money') sheet.getColumn(i + 1).numFmt = MONEY_FORMAT;
    if (c.kind === 'date') sheet.getColumn(i + 1).numFmt = DATE_FORMAT;
  });
  register.rows.forEach((r, index) => {
    const rowNumber = index + 2;
    REGISTER_COLUMNS.forEach((c, i) => {
      const cell = sheet.getCell(rowNumber, i + 1);
      switch (c.kind) {
        case 'money':
          cell.value = spreadsheetNumber(c.value(r));
          cell.numFmt = MONEY_FORMAT;
          break;
        case 'int':
          cell.value = c.value(r, index);
          break;
        case 'date': {
          const day = c.value(r);
          if (day) {
            cell.value = excelDate(day);
            cell.numFmt = DATE_FORMAT;
          }
          break;
        }
        default:
          textCell(sheet, rowNumber, i + 1, c.value(r, index));
      }
    });
  });
  styleHeader(sheet, REGISTER_COLUMNS.length);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, register.rows.length + 1), column: REGISTER_COLUMNS.length } };

  const totals = workbook.addWorksheet('Podsumowanie');
  totals.columns = [
    { header: 'Waluta', width: 8 },
    { header: 'Stawka VAT', width: 12 },
    { header: 'Liczba wierszy', width: 10 },
    { header: 'Netto', width: 14 },
    { header: 'VAT', width: 14 },
    { header: 'Brutto', width: 14 },
    { header: 'W tym dostawa i usługi', width: 14 },
  ];
  const addTotal = (currency: string, rate: string, t: { rows: number; net: number; vat: number; gross: number; shipping: number }, bold: boolean) => {
    const row = totals.addRow([currency, rate, t.rows, spreadsheetNumber(t.net), spreadsheetNumber(t.vat), spreadsheetNumber(t.gross), spreadsheetNumber(t.shipping)]);
    for (let c = 4; c <= 7; c++) row.getCell(c).numFmt = MONEY_FORMAT;
    if (bold) row.font = { bold: true };
  };
  for (const g of register.grandTotals) {
    for (const t of register.totals.filter((x) => x.currency === g.currency)) addTotal(t.currency, rateLabel(t.rate), t, false);
    addTotal(g.currency, 'razem', g, true);
  }
  styleHeader(totals, 7);

  const notes = workbook.addWorksheet('Uwagi');
  notes.columns = [{ header: 'Uwagi do rejestru', width: 140 }];
  for (const note of registerNotes(register, generatedAt, { csv: false })) {
    const row = notes.addRow([]);
    textCell(notes, row.number, 1, note);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  }
  styleHeader(notes, 1);

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
