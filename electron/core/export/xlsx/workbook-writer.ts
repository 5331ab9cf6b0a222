import { bytesOf } from '../bytes';
import { SharedStrings } from './shared-strings';
import { type ColumnSpec, quotedSheetName, SheetWriter } from './sheet-writer';
import { STYLES_XML } from './styles';
import { xmlEscape } from './xml-text';
import { ZipWriter } from './zip-writer';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/;

/**
 * An XLSX workbook written directly as SpreadsheetML into a ZIP (see sheet-writer.ts, zip-writer.ts):
 * several times faster than a general-purpose library for the app's large, plain sheets, and
 * deterministic — the same cells give the same bytes (no timestamps, entries dated 1980-01-01).
 *
 * ```ts
 * const book = new XlsxWriter();
 * const sheet = book.addSheet('Rejestr', [{ header: 'Netto', width: 12 }], { autoFilter: true });
 * sheet.money(12345).endRow();
 * const bytes = await book.toBytes();
 * ```
 */
export class XlsxWriter {
  private readonly sheets: SheetWriter[] = [];
  private readonly shared = new SharedStrings();

  addSheet(name: string, columns: ColumnSpec[], options: { autoFilter?: boolean } = {}): SheetWriter {
    if (name.length === 0 || name.length > 31 || FORBIDDEN_IN_SHEET_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new Error(`Not a valid sheet name: ${JSON.stringify(name)}`);
    }
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`Duplicate sheet name ${name}`);
    const sheet = new SheetWriter(name, columns, { autoFilter: options.autoFilter ?? false, selected: this.sheets.length === 0 }, this.shared);
    this.sheets.push(sheet);
    return sheet;
  }

  async toBytes(): Promise<Uint8Array> {
    if (this.sheets.length === 0) throw new Error('A workbook needs at least one sheet.');
    for (const s of this.sheets) s.close();
    const zip = new ZipWriter();
    const n = this.sheets.length;
    const withShared = this.shared.size > 0;
    const sheetOverrides = this.sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`).join('');
    zip.addFile(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>${sheetOverrides}` +
        `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
        (withShared ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>` : '') +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/></Types>`,
    );
    zip.addFile(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    );
    zip.addFile(
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
        '<dc:creator>Zaplecze</dc:creator></cp:coreProperties>',
    );
    zip.addFile(
      'docProps/app.xml',
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Zaplecze</Application></Properties>`,
    );
    // Excel's own record of a sheet's filter range; Excel rebuilds it if missing, LibreOffice reads it.
    const filters = this.sheets
      .map((s, i) => {
        const range = s.filterRange;
        if (!range) return '';
        const [from, to] = range.split(':').map((r) => r.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'));
        return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlEscape(`${quotedSheetName(s.name)}!${from}:${to}`)}</definedName>`;
      })
      .join('');
    zip.addFile(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        this.sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        `</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ''}</workbook>`,
    );
    zip.addFile(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        this.sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
        (withShared ? `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
        '</Relationships>',
    );
    zip.addFile('xl/styles.xml', STYLES_XML);
    if (withShared) zip.add('xl/sharedStrings.xml', this.shared.toPart());
    this.sheets.forEach((s, i) => zip.add(`xl/worksheets/sheet${i + 1}.xml`, s.part));
    return bytesOf(await zip.toBuffer());
  }
}
