import { csvNumber, CsvWriter } from './csv-writer';
import { Pacer } from './pacer';
import { decimalComma } from './register-columns';
import { type StockValuation, type ValuationRow, valuationNotes } from './stock-valuation';
import { STYLE } from './xlsx/styles';
import { XlsxWriter } from './xlsx/workbook-writer';

const HEADERS = ['Lp', 'SKU', 'EAN', 'Nazwa', 'Jedn.', 'Ilość', 'Cena zakupu', 'Wartość', 'Uwagi'];

function remark(r: ValuationRow): string | null {
  const parts = [r.unitPrice === null ? 'brak ceny zakupu' : null, r.quantity < 0 ? 'stan ujemny' : null].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

/** Stock valuation as CSV for Polish Excel: rows, an empty line, the total, the notes. */
export async function stockValuationCsv(v: StockValuation, generatedAt: string, pacer: Pacer = new Pacer()): Promise<Uint8Array> {
  const csv = new CsvWriter().row(HEADERS);
  for (let i = 0; i < v.rows.length; i++) {
    const r = v.rows[i] as ValuationRow;
    csv.row([
      csvNumber(String(i + 1)), r.sku, r.ean, r.name, r.unit, csvNumber(String(r.quantity)),
      r.unitPrice === null ? null : csvNumber(decimalComma(r.unitPrice)), r.value === null ? null : csvNumber(decimalComma(r.value)), remark(r),
    ]);
    if (pacer.due()) await pacer.pause();
  }
  csv.row([]);
  csv.row([null, 'RAZEM', null, `produktów: ${v.products}`, null, csvNumber(String(v.units)), null, csvNumber(decimalComma(v.value)), 'PLN']);
  csv.row([]);
  for (const note of valuationNotes(v, generatedAt)) csv.row([`Uwagi: ${note}`]);
  return csv.toBytes();
}

/** Stock valuation as XLSX: "Wycena" (rows + a total row), "Uwagi". */
export async function stockValuationXlsx(v: StockValuation, generatedAt: string, pacer: Pacer = new Pacer()): Promise<Uint8Array> {
  const book = new XlsxWriter();
  const sheet = book.addSheet('Wycena', [6, 18, 15, 48, 7, 10, 13, 15, 22].map((width, i) => ({ header: HEADERS[i] as string, width })));
  for (let i = 0; i < v.rows.length; i++) {
    const r = v.rows[i] as ValuationRow;
    // EAN as text, so Excel does not turn 5901234123457 into 5,90123E+12.
    sheet.number(i + 1).text(r.sku).text(r.ean).text(r.name).text(r.unit).number(r.quantity);
    sheet.money(r.unitPrice).money(r.value).text(remark(r)).endRow();
    if (pacer.due()) {
      await sheet.settle();
      await pacer.pause();
    }
  }
  const b = STYLE.bold;
  sheet.text(null).text('RAZEM', b).text(null).text(`produktów: ${v.products}`, b).text(null).number(v.units, b).text(null).money(v.value, STYLE.boldMoney).text('PLN', b).endRow();
  const info = book.addSheet('Uwagi', [{ header: 'Uwagi do wyceny', width: 120 }]);
  for (const note of valuationNotes(v, generatedAt)) info.text(note, STYLE.wrapTop).endRow();
  return book.toBytes();
}
