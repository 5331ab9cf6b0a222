import { CsvWriter, csvNumber } from '../export/csv-writer';
import { XlsxWriter } from '../export/xlsx/workbook-writer';

type Cell = string | number | null;

/** "Wysyłka na czas" → "Wysylka na czas": file and sheet names safe on every system and in Excel. */
export function safeTitle(title: string): string {
  const plain = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[^A-Za-z0-9 _-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (plain || 'Wyniki').slice(0, 31).trim();
}

/** A number as Polish Excel reads it in a CSV: decimal comma, no thousands separator. */
function csvNumberText(n: number): string {
  return String(n).replace('.', ',');
}

/** One table of Wyniki as a file: CSV (Polish Excel) or XLSX, numbers kept as numbers. */
export async function tableFile(input: { title: string; format: 'csv' | 'xlsx'; columns: string[]; rows: Cell[][] }): Promise<{ fileName: string; bytes: Uint8Array }> {
  const name = safeTitle(input.title);
  if (input.format === 'csv') {
    const csv = new CsvWriter();
    csv.row(input.columns);
    for (const row of input.rows) csv.row(row.map((c) => (typeof c === 'number' ? csvNumber(csvNumberText(c)) : c)));
    return { fileName: `${name}.csv`, bytes: csv.toBytes() };
  }
  const book = new XlsxWriter();
  const sheet = book.addSheet(name, input.columns.map((header) => ({ header, width: Math.min(50, Math.max(10, header.length + 2)) })), { autoFilter: true });
  for (const row of input.rows) {
    for (const c of row) {
      if (typeof c === 'number') sheet.number(c);
      else sheet.text(c);
    }
    sheet.endRow();
  }
  return { fileName: `${name}.xlsx`, bytes: await book.toBytes() };
}
