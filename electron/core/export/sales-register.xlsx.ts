import type ExcelJS from 'exceljs';
import { excelDate, REGISTER_COLUMNS, spreadsheetNumber } from './register-columns';
import { registerNotes } from './register-notes';
import type { SalesRegister } from './register.types';
import { rateLabel } from './vat-rate-text';
import { addSheet, DATE_STYLE, MONEY_FORMAT, MONEY_STYLE, PLAIN_STYLE, streamingWorkbook } from './xlsx-helpers';

/**
 * The register as an XLSX workbook: "Rejestr" (one row per document and rate; money as numbers with a
 * number format, dates as dates, text as text cells), "Podsumowanie" (totals per currency and rate,
 * computed in grosze — plain values, not formulas, so they read the same in every program), and "Uwagi"
 * (the method, as sentences).
 */
export async function salesRegisterXlsx(register: SalesRegister, generatedAt: string): Promise<Uint8Array> {
  const { workbook, finish } = streamingWorkbook();

  const sheet = addSheet(workbook, 'Rejestr', REGISTER_COLUMNS.map((c) => ({ header: c.header, width: c.width })));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, register.rows.length + 1), column: REGISTER_COLUMNS.length } };
  register.rows.forEach((r, index) => {
    const values: ExcelJS.CellValue[] = REGISTER_COLUMNS.map((c) => {
      switch (c.kind) {
        case 'money':
          return spreadsheetNumber(c.value(r));
        case 'int':
          return c.value(r, index);
        case 'date': {
          const day = c.value(r);
          return day ? excelDate(day) : null;
        }
        default:
          return c.value(r, index);
      }
    });
    const row = sheet.addRow(values);
    REGISTER_COLUMNS.forEach((c, i) => {
      row.getCell(i + 1).style = c.kind === 'money' ? MONEY_STYLE : c.kind === 'date' ? DATE_STYLE : PLAIN_STYLE;
    });
    row.commit();
  });
  sheet.commit();

  const totals = addSheet(workbook, 'Podsumowanie', [
    { header: 'Waluta', width: 8 },
    { header: 'Stawka VAT', width: 12 },
    { header: 'Liczba wierszy', width: 10 },
    { header: 'Netto', width: 14 },
    { header: 'VAT', width: 14 },
    { header: 'Brutto', width: 14 },
    { header: 'W tym dostawa i usługi', width: 14 },
  ]);
  const addTotal = (currency: string, rate: string, t: { rows: number; net: number; vat: number; gross: number; shipping: number }, bold: boolean) => {
    const row = totals.addRow([currency, rate, t.rows, spreadsheetNumber(t.net), spreadsheetNumber(t.vat), spreadsheetNumber(t.gross), spreadsheetNumber(t.shipping)]);
    for (let c = 4; c <= 7; c++) row.getCell(c).numFmt = MONEY_FORMAT;
    if (bold) row.font = { bold: true };
    row.commit();
  };
  for (const g of register.grandTotals) {
    for (const t of register.totals.filter((x) => x.currency === g.currency)) addTotal(t.currency, rateLabel(t.rate), t, false);
    addTotal(g.currency, 'razem', g, true);
  }
  totals.commit();

  const notes = addSheet(workbook, 'Uwagi', [{ header: 'Uwagi do rejestru', width: 140 }]);
  for (const note of registerNotes(register, generatedAt, { csv: false })) {
    const row = notes.addRow([note]);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  notes.commit();

  return finish();
}
