import { type CsvCell, csvNumber, CsvWriter } from './csv-writer';
import { Pacer } from './pacer';
import { decimalComma, registerColumns } from './register-columns';
import { registerNotes } from './register-notes';
import type { SalesRegister } from './register.types';
import { rateLabel } from './vat-rate-text';

/**
 * The register as CSV for Polish Excel (UTF-8 BOM, `;`, decimal comma, CRLF): the heading row and one
 * row per document and rate — nothing else, so accounting software imports it as it is. The totals and
 * the notes are a file of their own (salesRegisterNotesCsv).
 */
export async function salesRegisterCsv(register: SalesRegister, pacer: Pacer = new Pacer()): Promise<Uint8Array> {
  const columns = registerColumns(register);
  const csv = new CsvWriter().row(columns.map((c) => c.header));
  const rows = register.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as SalesRegister['rows'][number];
    csv.row(
      columns.map((c) => {
        switch (c.kind) {
          case 'money': {
            const v = c.value(r);
            return v === null ? null : csvNumber(decimalComma(v));
          }
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
  return csv.toBytes();
}

/**
 * The register's companion CSV (same conventions): the totals per currency and rate ("RAZEM") under
 * their own heading, an empty line, and the notes (method and things to check), each in the first column.
 */
export function salesRegisterNotesCsv(register: SalesRegister, generatedAt: string): Uint8Array {
  const csv = new CsvWriter().row(['Waluta', 'Stawka VAT', 'Liczba wierszy', 'Netto', 'VAT', 'Brutto', 'W tym dostawa i usługi']);
  const totalRow = (rate: string, t: { rows: number; net: number; vat: number; gross: number; shipping: number; currency: string }): CsvCell[] => [
    t.currency,
    rate,
    csvNumber(String(t.rows)),
    csvNumber(decimalComma(t.net)),
    csvNumber(decimalComma(t.vat)),
    csvNumber(decimalComma(t.gross)),
    csvNumber(decimalComma(t.shipping)),
  ];
  for (const t of register.totals) csv.row(totalRow(rateLabel(t.rate), t));
  for (const g of register.grandTotals) csv.row(totalRow('wszystkie', g));
  csv.row([]);
  for (const note of registerNotes(register, generatedAt, { csv: true })) csv.row([`Uwagi: ${note}`]);
  return csv.toBytes();
}
