import { Pacer } from './pacer';
import { registerColumns } from './register-columns';
import { registerNotes } from './register-notes';
import type { RegisterTotal, SalesRegister } from './register.types';
import { rateLabel } from './vat-rate-text';
import type { ReceiptReturnLine } from '../accounting/cash-register';
import { STYLE } from './xlsx/styles';
import { XlsxWriter } from './xlsx/workbook-writer';

/**
 * The register as an XLSX workbook: "Rejestr" (one row per document and rate; money as numbers with a
 * number format, dates as dates, text as text cells), "Podsumowanie" (totals per currency and rate,
 * computed in grosze — plain values, not formulas, so they read the same in every program), and "Uwagi"
 * (the method, as sentences).
 */
/**
 * Register columns whose few values repeat on most rows: written once into the shared string table
 * (see xlsx/shared-strings.ts). Matched by heading; a renamed column is simply written inline.
 */
const REPEATING = new Set(['Rodzaj', 'Typ dokumentu', 'Kraj', 'Stawka VAT', 'Forma płatności', 'Waluta', 'Numer KSeF lub oznaczenie']);

export async function salesRegisterXlsx(
  register: SalesRegister,
  generatedAt: string,
  pacer: Pacer = new Pacer(),
  /** A cash register shop's record of receipt returns (see accounting/cash-register.ts): a sheet of its own. */
  returnsRecord: ReceiptReturnLine[] | null = null,
): Promise<Uint8Array> {
  const book = new XlsxWriter();

  const columns = registerColumns(register);
  const sheet = book.addSheet('Rejestr', columns.map((c) => ({ header: c.header, width: c.width })), { autoFilter: true });
  const rows = register.rows;
  const repeating = columns.map((c) => c.kind === 'text' && REPEATING.has(c.header));
  for (let index = 0; index < rows.length; index++) {
    const r = rows[index]!;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      switch (c.kind) {
        case 'money':
          sheet.money(c.value(r));
          break;
        case 'int':
          sheet.number(c.value(r, index));
          break;
        case 'date':
          sheet.date(c.value(r));
          break;
        default:
          if (repeating[i]) sheet.label(c.value(r, index));
          else sheet.text(c.value(r, index));
      }
    }
    sheet.endRow();
    if (pacer.due()) {
      // Also a moment to let the compressor catch up, so few uncompressed pieces wait in memory.
      await sheet.settle();
      await pacer.pause();
    }
  }

  const totals = book.addSheet('Podsumowanie', [
    { header: 'Waluta', width: 8 },
    { header: 'Stawka VAT', width: 12 },
    { header: 'Liczba wierszy', width: 10 },
    { header: 'Netto', width: 14 },
    { header: 'VAT', width: 14 },
    { header: 'Brutto', width: 14 },
    { header: 'W tym dostawa i usługi', width: 14 },
  ]);
  const addTotal = (currency: string, rate: string, t: Omit<RegisterTotal, 'rate' | 'currency'>, bold: boolean) => {
    const text = bold ? STYLE.bold : STYLE.plain;
    const money = bold ? STYLE.boldMoney : STYLE.money;
    totals.text(currency, text).text(rate, text).number(t.rows, text);
    totals.money(t.net, money).money(t.vat, money).money(t.gross, money).money(t.shipping, money).endRow();
  };
  for (const g of register.grandTotals) {
    for (const t of register.totals.filter((x) => x.currency === g.currency)) addTotal(t.currency, rateLabel(t.rate), t, false);
    addTotal(g.currency, 'razem', g, true);
  }

  const notes = book.addSheet('Uwagi', [{ header: 'Uwagi do rejestru', width: 140 }]);
  for (const note of registerNotes(register, generatedAt, { csv: false })) notes.text(note, STYLE.wrapTop).endRow();

  if (returnsRecord) {
    const record = book.addSheet('Ewidencja zwrotów', [
      { header: 'Lp', width: 6 },
      { header: 'Data sprzedaży', width: 12 },
      { header: 'Data zwrotu', width: 12 },
      { header: 'Dokument sprzedaży', width: 20 },
      { header: 'Zamówienie Allegro', width: 38 },
      { header: 'Zwrócony towar', width: 48 },
      { header: 'Stawka VAT', width: 8 },
      { header: 'Wartość brutto', width: 14 },
      { header: 'Kwota VAT', width: 12 },
      { header: 'Protokół zwrotu', width: 12 },
    ]);
    returnsRecord.forEach((r, i) => {
      record.number(i + 1).date(r.saleDate).date(r.returnDate).text(r.saleDocument).text(r.allegroOrderId).text(r.goods).text(rateLabel(r.rate));
      record.money(r.gross).money(r.vat).text(r.returnRef).endRow();
    });
  }

  return book.toBytes();
}
