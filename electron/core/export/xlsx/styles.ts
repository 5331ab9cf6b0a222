/**
 * The one styles.xml every workbook of the app uses: a fixed, small list of cell formats, referred to
 * by index from the sheets (`s="3"`). Fixed indexes keep the writer simple and the output identical run
 * after run; a new look for a cell is a new entry at the end of CELL_XFS (never reorder them).
 */

/** Money: two decimals, thousands grouped, negatives in red — shown by Excel in the user's own locale. */
export const MONEY_FORMAT = '#,##0.00;[Red]-#,##0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';

/** Index of a cell format in styles.xml's cellXfs. */
export const STYLE = {
  plain: 0,
  /** Heading row: bold on a light fill, wrapped, centred vertically. */
  header: 1,
  date: 2,
  money: 3,
  bold: 4,
  boldMoney: 5,
  /** Long sentences (the notes sheets): wrapped, aligned to the top. */
  wrapTop: 6,
} as const;

export type StyleId = (typeof STYLE)[keyof typeof STYLE];

const CELL_XFS = [
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>',
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
  '<xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>',
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>',
];

const FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>';

export const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  `<numFmts count="2"><numFmt numFmtId="164" formatCode="${DATE_FORMAT}"/><numFmt numFmtId="165" formatCode="${MONEY_FORMAT}"/></numFmts>` +
  `<fonts count="2"><font>${FONT}</font><font><b/>${FONT}</font></fonts>` +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF4"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="${CELL_XFS.length}">${CELL_XFS.join('')}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';
