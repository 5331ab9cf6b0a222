import { type CsvCell, csvNumber, CsvWriter } from './csv-writer';
import { Pacer } from './pacer';
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
export async function salesRegisterCsv(register: SalesRegister, generatedAt: string, pacer: Pacer = new Pacer()): Promise<Uint8Array> {
  const width = REGISTER_COLUMNS.length;
  const csv = new CsvWriter().row(REGISTER_COLUMNS.map((c) => c.header));
  const rows = register.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as SalesRegister['rows'][number];
    csv.row(
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
    if (pacer.due()) await pacer.pause();
  }
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
  csv.row([]);
  for (const t of register.totals) csv.row(totalRow('RAZEM', rateLabel(t.rate), t));
  for (const g of register.grandTotals) csv.row(totalRow('RAZEM', 'wszystkie', g));
  csv.row([]);
  for (const note of registerNotes(register, generatedAt, { csv: true })) csv.row([`Uwagi: ${note}`]);
  return csv.toBytes();
}
