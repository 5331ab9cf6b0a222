import type { PageSize } from '../ports';
import { embeddedFontCss, PRINT_FONT_FAMILY } from './print-fonts';

/** The paper formats the app prints on. */
export type PaperFormat = 'a4' | 'label';

/** A thermal-printer label: 100 × 150 mm, the size couriers' label printers take. */
export const LABEL_MM = { widthMm: 100, heightMm: 150 } as const;

export function pageSizeOf(format: PaperFormat): PageSize {
  return format === 'a4' ? { format: 'A4' } : { format: 'label', ...LABEL_MM };
}

/** Paper and margins of each format (mm). */
export const PAGE_BOX = {
  a4: { widthMm: 210, heightMm: 297, marginMm: 12 },
  label: { widthMm: LABEL_MM.widthMm, heightMm: LABEL_MM.heightMm, marginMm: 4 },
} as const;

/** Height of the printable area, for a section that should fill one sheet. */
export function contentHeightMm(format: PaperFormat): number {
  const box = PAGE_BOX[format];
  return box.heightMm - 2 * box.marginMm;
}

/**
 * A complete, self-contained HTML document. Each `<section class="sheet">` starts on a new sheet and
 * flows onto more sheets when its content is longer (a table's heading repeats there), so nothing is
 * ever cut off however many lines an order has. The margins are the document's own (`@page`), and
 * `pageNumbers` adds "Strona X z Y" in the bottom margin. No scripts and no external resources: the
 * print window runs with JavaScript off and loads nothing else; the fonts are embedded.
 */
export function printDocument(opts: { title: string; format: PaperFormat; css: string; sections: string[]; pageNumbers?: boolean; lang?: string }): string {
  const box = PAGE_BOX[opts.format];
  const numbers = opts.pageNumbers
    ? `@page { @bottom-right { content: "Strona " counter(page) " z " counter(pages); font-family: '${PRINT_FONT_FAMILY}', sans-serif; font-size: 8pt; } }`
    : '';
  const base = `
@page { size: ${box.widthMm}mm ${box.heightMm}mm; margin: ${box.marginMm}mm; }
${numbers}
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font-family: '${PRINT_FONT_FAMILY}', sans-serif; font-size: ${opts.format === 'a4' ? '10pt' : '7.5pt'}; line-height: 1.3;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { break-before: page; }
.sheet:first-child { break-before: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
`;
  return [
    '<!doctype html>',
    `<html lang="${opts.lang ?? 'pl'}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">`,
    `<title>${opts.title.replace(/[<&]/g, '')}</title>`,
    `<style>\n${embeddedFontCss()}\n${base}\n${opts.css}\n</style></head><body>`,
    ...opts.sections,
    '</body></html>',
  ].join('\n');
}

/** The parts of a `printDocument` that a printer with the fonts already loaded needs (see splitPrintDocument). */
export interface PrintDocumentParts {
  lang: string;
  /** The head without the embedded fonts: meta, title and the document's own CSS. */
  head: string;
  body: string;
}

const SHAPE = /^<!doctype html>\n<html lang="([A-Za-z-]{1,20})"><head>([\s\S]*?)<\/head><body>([\s\S]*)<\/body><\/html>$/;

/**
 * Splits a document made by `printDocument` into its language, its head less the embedded fonts, and its
 * body, so a printer can keep the fonts of one loaded document and swap in the rest (decoding 190 kB of
 * fonts per job was a fifth of a pick list's PDF time, issue 16). Null for any other HTML (the printer
 * then loads it whole): the shape checked is exactly what printDocument writes, fonts included.
 */
export function splitPrintDocument(html: string, fontCss: string = embeddedFontCss()): PrintDocumentParts | null {
  const m = SHAPE.exec(html);
  if (!m) return null;
  const [, lang, head, body] = m as unknown as [string, string, string, string];
  const fonts = `<style>\n${fontCss}\n`;
  const at = head.indexOf(fonts);
  if (at < 0 || head.indexOf(fonts, at + 1) >= 0) return null;
  return { lang, head: `${head.slice(0, at)}<style>\n${head.slice(at + fonts.length)}`, body };
}
