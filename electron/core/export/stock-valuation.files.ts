import { csvNumber, CsvWriter } from './csv-writer';
import { Pacer } from './pacer';
import { decimalComma } from './register-columns';
import { type StockValuation, type ValuationRow, valuationNotes } from './stock-valuation';
import { STYLE } from './xlsx/styles';
import { XlsxWriter } from './xlsx/workbook-writer';

const HEADERS = ['Lp', 'SKU', 'EAN', 'Nazwa', 'Jedn.', 'Ilość', 'Cena zakupu', 'Wartość', 'Uwagi'];

function remark(r: ValuationRow, unitPrice: number | null, fromCard: boolean): string | null {
  const parts = [
    unitPrice === null && r.quantity > 0 ? 'brak ceny zakupu' : null,
    fromCard ? 'cena z karty produktu' : null,
    r.quantity < 0 ? 'stan ujemny' : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

interface Line {
  row: ValuationRow;
  quantity: number;
  unitPrice: number | null;
  value: number | null;
  remark: string | null;
}

/** One line per product and FIFO price: a product bought at two prices has two lines. */
function* lines(v: StockValuation): Generator<Line> {
  for (const r of v.rows) {
    if (r.layers.length <= 1) {
      const fromCard = r.layers[0]?.fromCard ?? false;
      yield { row: r, quantity: r.quantity, unitPrice: r.unitPrice, value: r.value, remark: remark(r, r.unitPrice, fromCard) };
      continue;
    }
    for (const l of r.layers) {
      yield { row: r, quantity: l.quantity, unitPrice: l.unitCost, value: l.unitCost === null ? null : l.quantity * l.unitCost, remark: remark(r, l.unitCost, l.fromCard) };
    }
  }
}

/** Stock valuation as CSV for Polish Excel: rows, an empty line, the total, the notes. */
export async function stockValuationCsv(v: StockValuation, generatedAt: string, pacer: Pacer = new Pacer()): Promise<Uint8Array> {
  const csv = new CsvWriter().row(HEADERS);
  let i = 0;
  for (const { row: r, quantity, unitPrice, value, remark: note } of lines(v)) {
    csv.row([
      csvNumber(String(++i)), r.sku, r.ean, r.name, r.unit, csvNumber(String(quantity)),
      unitPrice === null ? null : csvNumber(decimalComma(unitPrice)), value === null ? null : csvNumber(decimalComma(value)), note,
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
  let i = 0;
  for (const { row: r, quantity, unitPrice, value, remark: note } of lines(v)) {
    // EAN as text, so Excel does not turn 5901234123457 into 5,90123E+12.
    sheet.number(++i).text(r.sku).text(r.ean).text(r.name).text(r.unit).number(quantity);
    sheet.money(unitPrice).money(value).text(note).endRow();
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
