import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { parseMoney } from '../../../../shared/domain/money';

/** The register CSV read back as a Polish Excel user would get it: BOM, `;`, CRLF, decimal comma. */
export function readRegisterCsv(bytes: Uint8Array) {
  const buf = Buffer.from(bytes);
  const hasBom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const text = buf.toString('utf8').replace(/^\ufeff/, '');
  const records = parse(text, { delimiter: ';', relax_column_count: true, bom: false, skip_empty_lines: false }) as string[][];
  const header = records[0] as string[];
  const blank = records.findIndex((r, i) => i > 0 && r.every((c) => c === ''));
  const dataRows = records.slice(1, blank === -1 ? undefined : blank).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  const rest = blank === -1 ? [] : records.slice(blank + 1);
  const secondBlank = rest.findIndex((r) => r.every((c) => c === ''));
  const totals = rest.slice(0, secondBlank === -1 ? undefined : secondBlank).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  const notes = secondBlank === -1 ? [] : rest.slice(secondBlank + 1).map((r) => r[0] ?? '');
  return { hasBom, crlfOnly: !/[^\r]\n/.test(text), text, header, rows: dataRows, totals, notes };
}

/** The register's companion CSV: the totals per currency and rate, then (after an empty line) the notes. */
export function readNotesCsv(bytes: Uint8Array) {
  const text = Buffer.from(bytes).toString('utf8').replace(/^\ufeff/, '');
  const records = parse(text, { delimiter: ';', relax_column_count: true, bom: false, skip_empty_lines: false }) as string[][];
  const header = records[0] as string[];
  const blank = records.findIndex((r, i) => i > 0 && r.every((c) => c === ''));
  const totals = records.slice(1, blank).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  const notes = records.slice(blank + 1).map((r) => r[0] ?? '');
  return { header, totals, notes };
}

/** "1 234,56" / "-12,30" → minor units (throws on anything that is not an amount). */
export const money = (text: string | undefined): number => (text === undefined || text === '' ? 0 : (parseMoney(text) as number));

/** An XLSX cell's number as minor units, via its decimal text (no float arithmetic). */
export const cellMinor = (value: unknown): number => {
  if (value === null || value === undefined || value === '') return 0;
  if (typeof value !== 'number') throw new Error(`expected a number cell, got ${JSON.stringify(value)}`);
  return parseMoney(value) as number;
};

export async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** Rows of a sheet as objects keyed by the heading row (cell values as exceljs gives them). */
export function sheetRows(sheet: ExcelJS.Worksheet): Array<Record<string, ExcelJS.Cell>> {
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Array<Record<string, ExcelJS.Cell>> = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1)])));
  });
  return rows;
}

/**
 * A small EDI++ reader for the tests: decodes Windows-1250, checks CRLF, splits into sections by their
 * labels and each record into fields (quoted text with doubled quotes, or bare values).
 */
export function readEpp(bytes: Uint8Array) {
  const text = iconv.decode(Buffer.from(bytes), 'win1250');
  const lines = text.split('\r\n');
  const sections: Array<{ label: string; records: string[][] }> = [];
  for (const line of lines) {
    if (line === '') continue;
    const label = /^\[([A-Z]+)\]$/.exec(line);
    if (label) sections.push({ label: label[1] as string, records: [] });
    else sections.at(-1)?.records.push(eppFields(line));
  }
  return { text, endsWithEmptyLine: text.endsWith('\r\n\r\n'), bareLf: /[^\r]\n/.test(text), sections };
}

function eppFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      fields.push(value);
      if (line[i] === ',') i++;
      else break;
    } else {
      const end = line.indexOf(',', i);
      fields.push(end === -1 ? line.slice(i) : line.slice(i, end));
      if (end === -1) break;
      i = end + 1;
    }
  }
  return fields;
}

/** "2047.1500" → 204715 (the format's four decimals must end in 00: grosze are exact). */
export function eppMinor(text: string): number {
  const m = /^(-?)(\d+)\.(\d{2})00$/.exec(text);
  if (!m) throw new Error(`not an EDI++ amount with grosze: ${text}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}
