import { csvBytes, type CsvCell, csvNumber } from './csv-writer';
import { decimalComma, REGISTER_COLUMNS } from './register-columns';
import { registerNotes } from './register-notes';
import type { SalesRegister } from './register.types';
import { rateLabel } from './vat-rate-text';

const col = (header: string) => REGISTER_COLUMNS.findIndex((c) => c.header === header);

/**
 * The register as CSV for Polish Excel (UTF-8 BOM, `;`, decimal comma, CRLF): the heading row, one row
 * per document and rate, an empty line, the totals per currency and rate ("RAZEM"), an empty line, and
 * the notes (method and things to check), each in the first column.
 */
export function salesRegisterCsv(register: SalesRegister, generatedAt: string): Uint8Array {
  const width = REGISTER_COLUMNS.length;
  const rows: CsvCell[][] = [REGISTER_COLUMNS.map((c) => c.header)];
  register.rows.forEach((r, i) => {
    rows.push(
      REGISTER_COLUMNS.map((c) => {
        switch (c.kind) {
          case 'money':
            return csvNumber(decimalComma(c.value(r)));
          case 'int':
            return csvNumber(String(c.value(r, i)));
          case 'date':
            return c.value(r);
          default:
            return c.value(r, i);
        }
      }),
    );
  });
  const totalRow = (label: string, rate: string, t: { net: number; vat: number; gross: number; shipping: number; currency: string }) => {
    const row: CsvCell[] = new Array<CsvCell>(width).fill(null);
    row[col('Rodzaj')] = label;
    row[col('Stawka VAT')] = rate;
    row[col('Netto')] = csvNumber(decimalComma(t.net));
    row[col('VAT')] = csvNumber(decimalComma(t.vat));
    row[col('Brutto')] = csvNumber(decimalComma(t.gross));
    row[col('W tym dostawa i usługi')] = csvNumber(decimalComma(t.shipping));
    row[col('Waluta')] = t.currency;
    return row;
  };
  rows.push([]);
  for (const t of register.totals) rows.push(totalRow('RAZEM', rateLabel(t.rate), t));
  for (const g of register.grandTotals) rows.push(totalRow('RAZEM', 'wszystkie', g));
  rows.push([]);
  for (const note of registerNotes(register, generatedAt, { csv: true })) rows.push([`Uwagi: ${note}`]);
  return csvBytes(rows);
}
