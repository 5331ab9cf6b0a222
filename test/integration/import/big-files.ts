import { createWriteStream, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable, Writable } from 'node:stream';

/** archiver (ExcelJS's own zip writer) ships no types: the little of it used here. */
interface Zip {
  pipe(out: Writable): void;
  append(source: string | Readable, data: { name: string }): void;
  finalize(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): void;
}
const archiver = createRequire(__filename)('archiver') as (format: 'zip', options: { zlib: { level: number } }) => Zip;

/**
 * Hostile files made on the fly into a temporary folder (kept out of the repository): a CSV of a header
 * and a million blank lines; an XLSX of many rows, with or without the `r` attributes a real writer puts
 * on rows and cells (a hand-made or damaged workbook leaves them out).
 */
export function headerAndBlankLines(path: string, header: string, blankLines: number): void {
  writeFileSync(path, `${header}\n${'\n'.repeat(blankLines)}`);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export async function bigXlsx(path: string, opts: { header: string[]; rows: number; row: (i: number) => Array<string | number>; /** Which elements carry `r`: all (as Excel writes), cells only, none. */ r: 'all' | 'cells' | 'none' }): Promise<void> {
  const out = createWriteStream(path);
  const zip = archiver('zip', { zlib: { level: 1 } });
  const done = new Promise<void>((resolve, reject) => {
    out.on('close', () => resolve());
    zip.on('error', reject);
  });
  zip.pipe(out);
  zip.append(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    { name: '[Content_Types].xml' },
  );
  zip.append('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>', { name: '_rels/.rels' });
  zip.append('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Magazyn" sheetId="1" r:id="rId1"/></sheets></workbook>', { name: 'xl/workbook.xml' });
  zip.append('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>', { name: 'xl/_rels/workbook.xml.rels' });
  const col = (i: number) => String.fromCharCode(65 + i);
  const rowXml = (n: number, cells: Array<string | number>) =>
    `<row${opts.r === 'all' ? ` r="${n}"` : ''}>${cells
      .map((v, i) => {
        const r = opts.r !== 'none' ? ` r="${col(i)}${n}"` : '';
        return typeof v === 'number' ? `<c${r}><v>${v}</v></c>` : `<c${r} t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
      })
      .join('')}</row>`;
  async function* sheet() {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    yield rowXml(1, opts.header);
    let batch: string[] = [];
    for (let i = 0; i < opts.rows; i += 1) {
      batch.push(rowXml(i + 2, opts.row(i)));
      if (batch.length === 5000) {
        yield batch.join('');
        batch = [];
      }
    }
    yield batch.join('');
    yield '</sheetData></worksheet>';
  }
  const { Readable } = await import('node:stream');
  zip.append(Readable.from(sheet()), { name: 'xl/worksheets/sheet1.xml' });
  await zip.finalize();
  await done;
}
